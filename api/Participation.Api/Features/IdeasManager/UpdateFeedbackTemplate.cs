using Participation.Api.Features.Events;

namespace Participation.Api.Features.IdeasManager;

/// <summary>The project's staff rewrite a feedback template; recorded (audited) with what changed.</summary>
public static class UpdateFeedbackTemplate
{
    public sealed record Command(Guid ActorId, Guid Id, FeedbackTemplateFields Fields) : ICommand<FeedbackTemplate>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Fields).SetValidator(new FeedbackTemplateRules()).OverridePropertyName("");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, FeedbackTemplate>
    {
        private const string Sql = $"""
            UPDATE feedback_templates SET title = @Title, body = @Body, status = @Status, updated_at = now()
             WHERE id = @Id
            RETURNING {FeedbackTemplates.Columns};
            """;

        public async ValueTask<FeedbackTemplate> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var (previous, _) = await FeedbackTemplates.LoadForStaffAsync(connection, tx, c.ActorId, c.Id, ct);
            var (title, body, status) = FeedbackTemplates.Normalise(c.Fields);
            // Nothing changed: nothing written, nothing recorded.
            if (
                Changes.Of(("title", previous.Title, title), ("body", previous.Body, body), ("status", previous.Status, status))
                is not { } diff
            )
                return previous.ToTemplate();
            FeedbackTemplates.Row row;
            try
            {
                row = await connection.QuerySingleAsync<FeedbackTemplates.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            c.Id,
                            Title = title,
                            Body = body,
                            Status = status,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("feedback_templates_title"))
            {
                throw FeedbackTemplates.TitleTaken();
            }
            await events.RecordAsync(
                tx,
                EventType.FeedbackTemplateEdited,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Project(previous.ProjectId),
                diff.Before,
                diff.After,
                new
                {
                    projectId = previous.ProjectId,
                    title,
                    fields = diff.After.Keys.ToArray(),
                },
                ct
            );
            await tx.CommitAsync(ct);
            return row.ToTemplate();
        }
    }

    [EndpointSummary("Rewrite an official feedback template (its project's staff).")]
    public static ValueTask<FeedbackTemplate> Endpoint(
        Guid id,
        FeedbackTemplateFields body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.UserId, id, body), ct);
}
