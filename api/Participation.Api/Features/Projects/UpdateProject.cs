using System.Text.Json;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Projects;

/// <summary>Its staff (moderators, the department's heads, admins) edit a project page; absent fields stay as they are.</summary>
public static class UpdateProject
{
    public sealed record Request(
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Description,
        IReadOnlyDictionary<string, string>? Goals,
        IReadOnlyDictionary<string, string>? TargetAudience,
        IReadOnlyList<string>? Topics
    );

    public sealed record Command(
        Guid ActorId,
        Guid Id,
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Description,
        IReadOnlyDictionary<string, string>? Goals,
        IReadOnlyDictionary<string, string>? TargetAudience,
        IReadOnlyList<string>? Topics
    ) : ICommand, IProjectTexts;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new ProjectTextsRules<Command>(creating: false));
    }

    public sealed class Handler(NpgsqlDataSource db, EventRecorder events) : ICommandHandler<Command>
    {
        // before/after: the previous and new values of the fields given (those named in the audit data).
        private const string Sql = """
            WITH previous AS (
                SELECT id, title, summary, description, goals, target_audience, topics FROM projects WHERE id = @Id FOR UPDATE),
            updated AS (
                UPDATE projects p SET
                       title = coalesce(CAST(@Title AS jsonb), p.title),
                       summary = coalesce(CAST(@Summary AS jsonb), p.summary),
                       description = coalesce(CAST(@Description AS jsonb), p.description),
                       goals = coalesce(CAST(@Goals AS jsonb), p.goals),
                       target_audience = coalesce(CAST(@TargetAudience AS jsonb), p.target_audience),
                       topics = coalesce(CAST(@Topics AS text[]), p.topics),
                       updated_at = now()
                  FROM previous WHERE p.id = previous.id
                RETURNING jsonb_build_object('title', previous.title, 'summary', previous.summary, 'description', previous.description,
                              'goals', previous.goals, 'targetAudience', previous.target_audience, 'topics', previous.topics) AS before,
                          jsonb_build_object('title', p.title, 'summary', p.summary, 'description', p.description,
                              'goals', p.goals, 'targetAudience', p.target_audience, 'topics', p.topics) AS after)
            SELECT (SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(before) WHERE key = ANY(@Fields)) AS before,
                   (SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(after) WHERE key = ANY(@Fields)) AS after
              FROM updated;
            """;

        private sealed record Change(string Before, string After);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);
            var fields = new (string Name, object? Value)[]
            {
                ("title", c.Title),
                ("summary", c.Summary),
                ("description", c.Description),
                ("goals", c.Goals),
                ("targetAudience", c.TargetAudience),
                ("topics", c.Topics),
            }
                .Where(f => f.Value is not null)
                .Select(f => f.Name)
                .ToArray();
            var parameters = new DynamicParameters(c.ToParameters());
            parameters.AddDynamicParams(new { c.Id, Fields = fields });
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (
                await connection.QuerySingleOrDefaultAsync<Change>(new CommandDefinition(Sql, parameters, tx, cancellationToken: ct)) is
                { } change
            )
                await events.RecordAsync(
                    tx,
                    EventType.ProjectEdited,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Project(c.Id),
                    JsonSerializer.Deserialize<JsonElement>(change.Before),
                    JsonSerializer.Deserialize<JsonElement>(change.After),
                    new { fields },
                    ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Edit a project page (its moderators, its department's heads, admins); rich text is sanitised.")]
    public static async Task<GetProject.Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var actor = caller.UserId;
        await sender.Send(
            new Command(actor, id, body.Title, body.Summary, body.Description, body.Goals, body.TargetAudience, body.Topics),
            ct
        );
        return await sender.Send(new GetProject.Query(actor, id, null), ct);
    }
}
