using Participation.Api.Features.Events;

namespace Participation.Api.Features.IdeasManager;

/// <summary>The project's staff write an official feedback template (titles unique in the project, case aside); recorded
/// (audited).</summary>
public static class CreateFeedbackTemplate
{
    public sealed record Command(Guid ActorId, Guid ProjectId, FeedbackTemplateFields Fields) : ICommand<FeedbackTemplate>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Fields).SetValidator(new FeedbackTemplateRules()).OverridePropertyName("");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, FeedbackTemplate>
    {
        // Creations in one project take turns on its row, so the limit holds under parallel requests.
        private const string LockSql = "SELECT 1 FROM projects WHERE id = @ProjectId FOR NO KEY UPDATE;";

        private const string Sql = $"""
            INSERT INTO feedback_templates (id, project_id, status, title, body, created_by)
            SELECT @Id, @ProjectId, @Status, @Title, @Body, @ActorId
             WHERE (SELECT count(*) FROM feedback_templates WHERE project_id = @ProjectId) < @Max
            RETURNING {FeedbackTemplates.Columns};
            """;

        public async ValueTask<FeedbackTemplate> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ManagerAccess.RequireStaffAsync(connection, c.ActorId, c.ProjectId, tx, ct);
            await connection.ExecuteAsync(new CommandDefinition(LockSql, new { c.ProjectId }, tx, cancellationToken: ct));
            var (title, body, status) = FeedbackTemplates.Normalise(c.Fields);
            var id = Guid.CreateVersion7();
            FeedbackTemplates.Row row;
            try
            {
                row = await connection.QuerySingleOrDefaultAsync<FeedbackTemplates.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            Id = id,
                            c.ProjectId,
                            Status = status,
                            Title = title,
                            Body = body,
                            c.ActorId,
                            Max = FeedbackTemplates.MaxPerProject,
                        },
                        tx,
                        cancellationToken: ct
                    )
                ) ?? throw new ConflictException(Messages.Get("feedback_template_limit", FeedbackTemplates.MaxPerProject));
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("feedback_templates_title"))
            {
                throw FeedbackTemplates.TitleTaken();
            }
            await events.RecordAsync(
                tx,
                EventType.FeedbackTemplateCreated,
                Actor.User(c.ActorId),
                id,
                Scope.Project(c.ProjectId),
                before: null,
                after: row.Fields(),
                data: new { projectId = c.ProjectId, title },
                ct
            );
            await tx.CommitAsync(ct);
            return row.ToTemplate();
        }
    }

    [EndpointSummary("Write an official feedback template for the project (the project's staff).")]
    public static async Task<Created<FeedbackTemplate>> Endpoint(
        Guid id,
        FeedbackTemplateFields body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        var created = await sender.Send(new Command(caller.UserId, id, body), ct);
        return TypedResults.Created($"/api/v1/feedback-templates/{created.Id}", created);
    }
}
