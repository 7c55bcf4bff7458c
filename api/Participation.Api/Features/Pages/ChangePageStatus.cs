using System.Text.Json.Serialization;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Pages;

/// <summary>
/// Admins and communication managers publish a page or take it back to draft (audited: page.published, page.unpublished).
/// The change names the version it read: a stale one is refused (409).
/// </summary>
public static class ChangePageStatus
{
    public sealed record Request([property: JsonRequired] int Version, PageStatus? Status);

    public sealed record Command(Guid ActorId, Guid Id, Request Body) : ICommand<Page>
    {
        public int Version => Body.Version;
        public PageStatus? Status => Body.Status;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required"));
            When(
                c => c.Body is not null,
                () =>
                {
                    RuleFor(c => c.Version).GreaterThanOrEqualTo(1);
                    RuleFor(c => c.Status).NotNull().WithMessage(_ => Messages.Get("required")).IsInEnum();
                }
            );
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Page>
    {
        private const string Sql = """
            UPDATE pages
               SET status = @Status, version = version + 1, updated_at = now(),
                   published_at = CASE WHEN @Status = 'published' THEN now() ELSE published_at END
             WHERE id = @Id;
            """;

        public async ValueTask<Page> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await PageAccess.RequireEditorAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var before = await PageStore.ReadAsync(connection, tx, c.Id, forUpdate: true, ct) ?? throw new NotFoundException();
            if (before.Version != c.Version)
                throw new ConflictException(Messages.Get("page_stale"), "version");
            if (before.Status == c.Status)
                return before;
            await connection.ExecuteAsync(
                new CommandDefinition(Sql, new { c.Id, Status = c.Status!.Value.ToWire() }, tx, cancellationToken: ct)
            );
            await events.RecordAsync(
                tx,
                c.Status == PageStatus.Published ? EventType.PagePublished : EventType.PageUnpublished,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                before: new { status = before.Status.ToWire() },
                after: new { status = c.Status.Value.ToWire() },
                data: new { kind = before.Kind.ToWire() },
                ct
            );
            var page = await PageStore.ReadAsync(connection, tx, c.Id, forUpdate: false, ct);
            await tx.CommitAsync(ct);
            return page!;
        }
    }

    [EndpointSummary("Publish a page or take it back to draft (admins and communication managers; audited). A stale version is a 409.")]
    public static ValueTask<Page> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
