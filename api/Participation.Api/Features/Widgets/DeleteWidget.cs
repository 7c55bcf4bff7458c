using Participation.Api.Features.Events;

namespace Participation.Api.Features.Widgets;

/// <summary>Admins, IT and communication managers delete a widget: its embed page answers 404 from then on.</summary>
public static class DeleteWidget
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = $"DELETE FROM widgets WHERE id = @Id RETURNING {Embedding.Columns};";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await WidgetAccess.RequireStaffAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var deleted = await connection.QuerySingleOrDefaultAsync<Embedding.Row>(
                new CommandDefinition(Sql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            var settings = deleted.Settings();
            await events.RecordAsync(
                tx,
                EventType.WidgetDeleted,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                before: settings.Fields().ToDictionary(f => f.Field, f => f.Value),
                after: null,
                data: new { name = settings.Name },
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Delete a widget (admins, IT and communication managers).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
