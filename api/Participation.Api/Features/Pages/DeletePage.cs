using Participation.Api.Features.Events;

namespace Participation.Api.Features.Pages;

/// <summary>
/// Admins and communication managers delete a free page (audited: page.deleted); its addresses answer 404 from then on. The
/// standard pages are never deleted (409): take one back to draft instead.
/// </summary>
public static class DeletePage
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = "DELETE FROM pages WHERE id = @Id;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await PageAccess.RequireEditorAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var page = await PageStore.ReadAsync(connection, tx, c.Id, forUpdate: true, ct) ?? throw new NotFoundException();
            if (page.Kind != PageKind.Free)
                throw new ConflictException(Messages.Get("page_standard_delete"));
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.Id }, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.PageDeleted,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                before: PageStore.Audit(page.Texts, page.InFooter, page.FooterOrder),
                after: null,
                data: new { kind = page.Kind.ToWire() },
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Delete a free page (admins and communication managers; audited). Standard pages cannot be deleted (409).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
