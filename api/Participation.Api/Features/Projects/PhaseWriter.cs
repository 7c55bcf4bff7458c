using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Projects;

/// <summary>The fields of a phase, for adding and replacing one.</summary>
public sealed record PhaseRequest(
    IReadOnlyDictionary<string, string>? Title,
    IReadOnlyDictionary<string, string>? Description,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    [property: JsonRequired] PhaseMethod Method,
    PhaseSettings? Settings
);

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

/// <summary>Writes a phase, records it, and maps the no-overlap constraint to a field error on the dates.</summary>
internal static class PhaseWriter
{
    private const string HasQuestionnaireOfOtherMethod = """
        SELECT EXISTS (SELECT 1 FROM phases ph JOIN survey_questions q ON q.phase_id = ph.id
                        WHERE ph.id = @PhaseId AND ph.project_id = @ProjectId AND ph.method <> @Method);
        """;

    // data: what the audit log always held (the dates as given); after: the phase's main fields as stored.
    private const string Insert = """
        WITH saved AS (
            INSERT INTO phases (id, project_id, title, description, starts_at, ends_at, method, settings)
            VALUES (@PhaseId, @ProjectId, CAST(@Title AS jsonb), CAST(@Description AS jsonb), @StartsAt, @EndsAt, @Method,
                    CAST(@Settings AS jsonb))
            RETURNING id, title, starts_at, ends_at, method),
        touched AS (UPDATE projects SET updated_at = now() WHERE id = @ProjectId)
        SELECT NULL AS before, jsonb_build_object('title', title, 'method', method, 'startsAt', starts_at, 'endsAt', ends_at) AS after,
               jsonb_build_object('phaseId', id, 'method', @Method, 'startsAt', @StartsAt, 'endsAt', @EndsAt) AS data
          FROM saved;
        """;

    // before/after: the previous and new values of the title, method and dates that changed.
    private const string Update = """
        WITH previous AS (
            SELECT id, title, starts_at, ends_at, method FROM phases WHERE id = @PhaseId AND project_id = @ProjectId FOR UPDATE),
        saved AS (
            UPDATE phases ph SET title = CAST(@Title AS jsonb), description = CAST(@Description AS jsonb), starts_at = @StartsAt,
                   ends_at = @EndsAt,
                   method = @Method, settings = CAST(@Settings AS jsonb), updated_at = now()
              FROM previous WHERE ph.id = previous.id
            RETURNING ph.id, ph.title, ph.starts_at, ph.ends_at, ph.method, previous.title AS old_title,
                      previous.starts_at AS old_starts_at,
                      previous.ends_at AS old_ends_at, previous.method AS old_method),
        touched AS (UPDATE projects SET updated_at = now() WHERE id = @ProjectId AND EXISTS (SELECT 1 FROM saved))
        SELECT CASE WHEN old_title IS DISTINCT FROM title THEN jsonb_build_object('title', old_title) ELSE '{}' END
               || CASE WHEN old_method IS DISTINCT FROM method THEN jsonb_build_object('method', old_method) ELSE '{}' END
               || CASE WHEN old_starts_at IS DISTINCT FROM starts_at THEN jsonb_build_object('startsAt', old_starts_at) ELSE '{}' END
               || CASE WHEN old_ends_at IS DISTINCT FROM ends_at THEN jsonb_build_object('endsAt', old_ends_at) ELSE '{}' END AS before,
               CASE WHEN old_title IS DISTINCT FROM title THEN jsonb_build_object('title', title) ELSE '{}' END
               || CASE WHEN old_method IS DISTINCT FROM method THEN jsonb_build_object('method', method) ELSE '{}' END
               || CASE WHEN old_starts_at IS DISTINCT FROM starts_at THEN jsonb_build_object('startsAt', starts_at) ELSE '{}' END
               || CASE WHEN old_ends_at IS DISTINCT FROM ends_at THEN jsonb_build_object('endsAt', ends_at) ELSE '{}' END AS after,
               jsonb_build_object('phaseId', id, 'method', @Method, 'startsAt', @StartsAt, 'endsAt', @EndsAt) AS data
          FROM saved;
        """;

    // Baskets follow their phase's budget (their check constraint refuses a budget below a basket's total).
    private const string FollowBudget = """
        UPDATE baskets b SET budget = (ph.settings ->> 'budgetAmount')::numeric, updated_at = now()
          FROM phases ph
         WHERE ph.id = @PhaseId AND b.phase_id = ph.id AND ph.settings ? 'budgetAmount'
           AND b.budget <> (ph.settings ->> 'budgetAmount')::numeric;
        """;

    public static async Task<Guid> SaveAsync(
        CityDb db,
        EventRecorder events,
        Guid actorId,
        Guid projectId,
        Guid? phaseId,
        PhaseRequest r,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await StaffAccess.RequireStaffAsync(connection, actorId, projectId, ct);
        var id = phaseId ?? Guid.CreateVersion7();
        // A questionnaire belongs to its method: a survey or poll with questions keeps it (its answers would not fit another).
        if (
            phaseId is not null
            && await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(
                    HasQuestionnaireOfOtherMethod,
                    new
                    {
                        PhaseId = phaseId,
                        ProjectId = projectId,
                        Method = r.Method.ToWire(),
                    },
                    cancellationToken: ct
                )
            )
        )
            throw new ValidationException([new ValidationFailure("method", Messages.Get("method_has_questionnaire"))]);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            var saved = await connection.QuerySingleOrDefaultAsync<PhaseChange>(
                new CommandDefinition(
                    phaseId is null ? Insert : Update,
                    new
                    {
                        PhaseId = id,
                        ProjectId = projectId,
                        Title = LocalizedText.ToJson(r.Title!),
                        Description = LocalizedText.ToJson(r.Description ?? new Dictionary<string, string>()),
                        StartsAt = r.StartsAt.UtcDateTime,
                        EndsAt = r.EndsAt?.UtcDateTime,
                        Method = r.Method.ToWire(),
                        Settings = JsonSerializer.Serialize(Methods.WithDefaults(r.Method, r.Settings), JsonSerializerOptions.Web),
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new NotFoundException("No such phase.");
            if (phaseId is not null)
                await connection.ExecuteAsync(new CommandDefinition(FollowBudget, new { PhaseId = id }, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                phaseId is null ? EventType.PhaseAdded : EventType.PhaseChanged,
                Actor.User(actorId),
                projectId,
                Scope.Phase(id, projectId),
                saved.BeforeJson,
                saved.AfterJson,
                saved.DataJson,
                ct
            );
            await tx.CommitAsync(ct);
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

/// <summary>A phase's event as built in SQL (jsonb, so the dates keep the audit log's format).</summary>
internal sealed record PhaseChange(string? Before, string? After, string Data)
{
    public JsonElement? BeforeJson => Parse(Before);
    public JsonElement? AfterJson => Parse(After);
    public JsonElement DataJson => JsonSerializer.Deserialize<JsonElement>(Data);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}
