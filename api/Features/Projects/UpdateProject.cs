using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Projects;

/// <summary>Its staff (moderators, the department's heads, admins) edit a project page; absent fields stay as they are.</summary>
public static class UpdateProject
{
    public sealed record Request(IReadOnlyDictionary<string, string>? Title, IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Description, IReadOnlyDictionary<string, string>? Goals,
        IReadOnlyDictionary<string, string>? TargetAudience, IReadOnlyList<string>? Topics);

    public sealed record Command(Guid ActorId, Guid Id, IReadOnlyDictionary<string, string>? Title, IReadOnlyDictionary<string, string>? Summary,
        IReadOnlyDictionary<string, string>? Description, IReadOnlyDictionary<string, string>? Goals,
        IReadOnlyDictionary<string, string>? TargetAudience, IReadOnlyList<string>? Topics) : ICommand, IProjectTexts;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new ProjectTextsRules<Command>(creating: false));
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH updated AS (
                UPDATE projects SET
                       title = coalesce(CAST(@Title AS jsonb), title),
                       summary = coalesce(CAST(@Summary AS jsonb), summary),
                       description = coalesce(CAST(@Description AS jsonb), description),
                       goals = coalesce(CAST(@Goals AS jsonb), goals),
                       target_audience = coalesce(CAST(@TargetAudience AS jsonb), target_audience),
                       topics = coalesce(CAST(@Topics AS text[]), topics),
                       updated_at = now()
                 WHERE id = @Id
                RETURNING id, department_id)
            INSERT INTO audit_log (actor_id, action, target_type, target_id, department_id, data)
            SELECT @ActorId, 'project.edited', 'project', id::text, department_id, jsonb_build_object('fields', CAST(@Fields AS text[])) FROM updated;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);
            var fields = new (string Name, object? Value)[]
            {
                ("title", c.Title), ("summary", c.Summary), ("description", c.Description), ("goals", c.Goals), ("targetAudience", c.TargetAudience), ("topics", c.Topics),
            }.Where(f => f.Value is not null).Select(f => f.Name).ToArray();
            var parameters = new DynamicParameters(c.ToParameters());
            parameters.AddDynamicParams(new { c.Id, c.ActorId, Fields = fields });
            await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, cancellationToken: ct));
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPatch("/{id:guid}", async (Guid id, Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var actor = user.UserId();
            await sender.Send(new Command(actor, id, body.Title, body.Summary, body.Description, body.Goals, body.TargetAudience, body.Topics), ct);
            return await sender.Send(new GetProject.Query(actor, id, null), ct);
        })
        .WithName(nameof(UpdateProject))
        .WithSummary("Edit a project page (its moderators, its department's heads, admins); rich text is sanitised.")
        .ProducesProblems(400, 401, 403, 404);
}
