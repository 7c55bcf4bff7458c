using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Rules;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Projects;

/// <summary>The fields of a phase, for adding and replacing one.</summary>
public sealed record PhaseRequest(IReadOnlyDictionary<string, string>? Title, IReadOnlyDictionary<string, string>? Description,
    DateTimeOffset StartsAt, DateTimeOffset? EndsAt, [property: JsonRequired] PhaseMethod Method, PhaseSettings? Settings);

public sealed class PhaseRequestRules : AbstractValidator<PhaseRequest>
{
    public PhaseRequestRules()
    {
        RuleFor(p => p.Title).Localized(160);
        RuleFor(p => p.Description).Localized(2000, singleLine: false).When(p => p.Description is { Count: > 0 });
        RuleFor(p => p.Method).IsInEnum().WithMessage(_ => Messages.Get("one_of_methods"));
        RuleFor(p => p.EndsAt).Must((p, end) => end is null || end > p.StartsAt).WithMessage(_ => Messages.Get("phase_end_after_start"));
        RuleFor(p => p.StartsAt).Must(s => s.Year is >= 2000 and <= 2200).WithMessage(_ => Messages.Get("implausible_date"));
        When(p => Enum.IsDefined(p.Method), () => Include(new PhaseSettingsRules()));
    }
}

/// <summary>Writes a phase and maps the no-overlap constraint to a field error on the dates.</summary>
internal static class PhaseWriter
{
    private const string HasQuestionnaireOfOtherMethod = """
        SELECT EXISTS (SELECT 1 FROM phases ph JOIN survey_questions q ON q.phase_id = ph.id
                        WHERE ph.id = @PhaseId AND ph.project_id = @ProjectId AND ph.method <> @Method);
        """;

    public static async Task<Guid> SaveAsync(NpgsqlDataSource db, Guid actorId, Guid projectId, Guid? phaseId, PhaseRequest r, CancellationToken ct)
    {
        const string Insert = """
            WITH saved AS (
                INSERT INTO phases (id, project_id, title, description, starts_at, ends_at, method, settings)
                VALUES (@PhaseId, @ProjectId, CAST(@Title AS jsonb), CAST(@Description AS jsonb), @StartsAt, @EndsAt, @Method, CAST(@Settings AS jsonb))
                RETURNING id, project_id),
            touched AS (UPDATE projects SET updated_at = now() WHERE id = @ProjectId RETURNING department_id)
            INSERT INTO audit_log (actor_id, action, target_type, target_id, department_id, data)
            SELECT @ActorId, 'phase.added', 'project', @ProjectId::text, (SELECT department_id FROM touched),
                   jsonb_build_object('phaseId', id, 'method', @Method, 'startsAt', @StartsAt, 'endsAt', @EndsAt) FROM saved;
            """;
        const string Update = """
            WITH saved AS (
                UPDATE phases SET title = CAST(@Title AS jsonb), description = CAST(@Description AS jsonb), starts_at = @StartsAt, ends_at = @EndsAt,
                       method = @Method, settings = CAST(@Settings AS jsonb), updated_at = now()
                 WHERE id = @PhaseId AND project_id = @ProjectId
                RETURNING id),
            touched AS (UPDATE projects SET updated_at = now() WHERE id = @ProjectId AND EXISTS (SELECT 1 FROM saved) RETURNING department_id)
            INSERT INTO audit_log (actor_id, action, target_type, target_id, department_id, data)
            SELECT @ActorId, 'phase.changed', 'project', @ProjectId::text, (SELECT department_id FROM touched),
                   jsonb_build_object('phaseId', id, 'method', @Method, 'startsAt', @StartsAt, 'endsAt', @EndsAt) FROM saved;
            -- Baskets follow their phase's budget (their check constraint refuses a budget below a basket's total).
            UPDATE baskets b SET budget = (ph.settings ->> 'budgetAmount')::numeric, updated_at = now()
              FROM phases ph
             WHERE ph.id = @PhaseId AND b.phase_id = ph.id AND ph.settings ? 'budgetAmount'
               AND b.budget <> (ph.settings ->> 'budgetAmount')::numeric;
            """;

        await using var connection = await db.OpenConnectionAsync(ct);
        await StaffAccess.RequireStaffAsync(connection, actorId, projectId, ct);
        var id = phaseId ?? Guid.CreateVersion7();
        // A questionnaire belongs to its method: a survey or poll with questions keeps it (its answers would not fit another).
        if (phaseId is not null && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(HasQuestionnaireOfOtherMethod,
                new { PhaseId = phaseId, ProjectId = projectId, Method = r.Method.ToWire() }, cancellationToken: ct)))
            throw new ValidationException([new ValidationFailure("method", Messages.Get("method_has_questionnaire"))]);
        try
        {
            var rows = await connection.ExecuteAsync(new CommandDefinition(phaseId is null ? Insert : Update, new
            {
                PhaseId = id, ProjectId = projectId, ActorId = actorId,
                Title = LocalizedText.ToJson(r.Title!), Description = LocalizedText.ToJson(r.Description ?? new Dictionary<string, string>()),
                StartsAt = r.StartsAt.UtcDateTime, EndsAt = r.EndsAt?.UtcDateTime, Method = r.Method.ToWire(),
                Settings = JsonSerializer.Serialize(Methods.WithDefaults(r.Method, r.Settings), JsonSerializerOptions.Web),
            }, cancellationToken: ct));
            if (rows == 0) throw new NotFoundException("No such phase.");
        }
        catch (PostgresException ex) when (ex is { SqlState: PostgresErrorCodes.CheckViolation, ConstraintName: "baskets_within_budget" })
        {
            throw new ValidationException([new ValidationFailure("settings.budgetAmount", Messages.Get("budget_below_baskets"))]);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            throw new ValidationException([
                new ValidationFailure("startsAt", Messages.Get("phase_overlap")),
                new ValidationFailure("endsAt", Messages.Get("phase_overlap")),
            ]);
        }
        return id;
    }
}

public static class AddPhase
{
    public sealed record Command(Guid ActorId, Guid ProjectId, PhaseRequest Phase) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Phase).SetValidator(new PhaseRequestRules()).OverridePropertyName("");
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command c, CancellationToken ct) => await PhaseWriter.SaveAsync(db, c.ActorId, c.ProjectId, null, c.Phase, ct);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/{id:guid}/phases", async (Guid id, PhaseRequest body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var actor = user.UserId();
            var phaseId = await sender.Send(new Command(actor, id, body), ct);
            var project = await sender.Send(new GetProject.Query(actor, id, null), ct);
            return TypedResults.Created($"/api/v1/projects/{id}/phases/{phaseId}", project.Phases.Single(p => p.Id == phaseId));
        })
        .WithName(nameof(AddPhase))
        .WithSummary("Add a phase to the project's timeline (its staff); phases may not overlap.")
        .ProducesProblems(400, 401, 403, 404);
}

public static class ChangePhase
{
    public sealed record Command(Guid ActorId, Guid ProjectId, Guid PhaseId, PhaseRequest Phase) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Phase).SetValidator(new PhaseRequestRules()).OverridePropertyName("");
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await PhaseWriter.SaveAsync(db, c.ActorId, c.ProjectId, c.PhaseId, c.Phase, ct);
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/{id:guid}/phases/{phaseId:guid}", async (Guid id, Guid phaseId, PhaseRequest body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new Command(user.UserId(), id, phaseId, body), ct);
            return TypedResults.NoContent();
        })
        .WithName(nameof(ChangePhase))
        .WithSummary("Replace a phase of the project (its staff).")
        .ProducesProblems(400, 401, 403, 404);
}

public static class RemovePhase
{
    public sealed record Command(Guid ActorId, Guid ProjectId, Guid PhaseId) : ICommand;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH removed AS (DELETE FROM phases WHERE id = @PhaseId AND project_id = @ProjectId RETURNING id, method),
            touched AS (UPDATE projects SET updated_at = now() WHERE id = @ProjectId AND EXISTS (SELECT 1 FROM removed) RETURNING department_id)
            INSERT INTO audit_log (actor_id, action, target_type, target_id, department_id, data)
            SELECT @ActorId, 'phase.removed', 'project', @ProjectId::text, (SELECT department_id FROM touched), jsonb_build_object('phaseId', id, 'method', method)
              FROM removed;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.ProjectId, ct);
            return await connection.ExecuteAsync(new CommandDefinition(Sql, c, cancellationToken: ct)) == 0
                ? throw new NotFoundException("No such phase.")
                : Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapDelete("/{id:guid}/phases/{phaseId:guid}", async (Guid id, Guid phaseId, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new Command(user.UserId(), id, phaseId), ct);
            return TypedResults.NoContent();
        })
        .WithName(nameof(RemovePhase))
        .WithSummary("Remove a phase from the project (its staff).")
        .ProducesProblems(401, 403, 404);
}
