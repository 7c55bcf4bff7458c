using Participation.Api.Features.Events;

namespace Participation.Api.Features.IdeasManager;

/// <summary>The project's staff delete a feedback template (feedback already given with it stays); recorded (audited).</summary>
public static class DeleteFeedbackTemplate
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = "DELETE FROM feedback_templates WHERE id = @Id;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var (previous, _) = await FeedbackTemplates.LoadForStaffAsync(connection, tx, c.ActorId, c.Id, ct);
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.Id }, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.FeedbackTemplateDeleted,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Project(previous.ProjectId),
                before: previous.Fields(),
                after: null,
                data: new { projectId = previous.ProjectId, title = previous.Title },
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Delete an official feedback template (its project's staff).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
