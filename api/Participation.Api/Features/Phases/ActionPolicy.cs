using System.Data;
using System.Text.Json;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Phases;

/// <summary>
/// "What may I do here?": for a user (or an anonymous visitor) and a project phase, each action with
/// whether it is allowed and, when not, why. The endpoint that shows it and the handlers that act on it
/// (ideas, votes, answers) call this same policy, so the web app and the API never disagree.
/// </summary>
public static class ActionPolicy
{
    public sealed record Decision(ParticipationAction Action, bool Allowed, RefusalReason? Reason);

    public sealed record PhaseRef(Guid Id, PhaseMethod Method, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, bool Active);

    public sealed record Result(Guid ProjectId, PhaseRef? Phase, IReadOnlyList<Decision> Actions)
    {
        /// <summary>The project's status (for refusals outside any phase); not part of the response.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string Status { get; init; } = "";

        [System.Text.Json.Serialization.JsonIgnore]
        public PhaseSettings? Settings { get; init; }
    }

    // The policy's row for a project (@ProjectId) and its current phase (CurrentSql) or a given one (PhaseSql, @PhaseId);
    // WithCurrent puts the same columns for the current phase after another row's (an idea's) in one statement: all are
    // composed from these parts, not patched.
    private const string Select = $"""
        p.status, {ProjectStaff.IsStaffOf} AS staff,
               ph.id AS phase_id, ph.method, ph.settings::text AS settings, ph.starts_at, ph.ends_at,
               ph.id IS NOT NULL AND ph.starts_at <= now() AND (ph.ends_at IS NULL OR ph.ends_at > now()) AS active,
               u.id IS NOT NULL AS signed_in, u.email_confirmed_at IS NOT NULL AS confirmed,
               EXISTS (SELECT 1 FROM user_blocks b WHERE b.user_id = u.id AND b.until > now()) AS blocked,
               coalesce(pp.ideas, 0) AS ideas_used, coalesce(pp.reactions, 0) AS reactions_used, coalesce(pp.votes, 0) AS votes_used,
               EXISTS (SELECT 1 FROM survey_responses sr WHERE sr.phase_id = ph.id AND sr.user_id = u.id
                       AND sr.status = 'submitted') AS responded
        """;

    private const string Phase = """

          LEFT JOIN LATERAL (
                SELECT * FROM phases x
                 WHERE x.project_id = p.id
        """;

    private const string Columns = "SELECT " + Select + "\n  FROM projects p" + Phase;

    private const string Current = "x.starts_at <= now() AND (x.ends_at IS NULL OR x.ends_at > now())";

    private const string Joins = """

                 LIMIT 1) ph ON true
          LEFT JOIN users u ON u.id = @ActorId
          LEFT JOIN phase_participants pp ON pp.phase_id = ph.id AND pp.user_id = u.id
        """;

    // One statement per case rather than "(@PhaseId IS NULL AND current) OR x.id = @PhaseId": PostgreSQL keeps a generic plan
    // for each of these, while the combined form was planned anew on every call (its generic plan costed more).
    private const string ForCurrentPhase = Columns + $"\n                   AND {Current}" + Joins;

    internal const string CurrentSql = ForCurrentPhase + " WHERE p.id = @ProjectId;";

    internal const string PhaseSql = Columns + "\n                   AND x.id = @PhaseId" + Joins + " WHERE p.id = @ProjectId;";

    internal sealed record Row(
        string Status,
        bool Staff,
        Guid? PhaseId,
        string? Method,
        string? Settings,
        DateTime? StartsAt,
        DateTime? EndsAt,
        bool Active,
        bool SignedIn,
        bool Confirmed,
        bool Blocked,
        int IdeasUsed,
        int ReactionsUsed,
        int VotesUsed,
        bool Responded
    );

    /// <summary>The decisions for the given phase, or the current one when <paramref name="phaseId"/> is null.</summary>
    public static async Task<Result> DecideAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid projectId,
        Guid? phaseId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(
                phaseId is null ? CurrentSql : PhaseSql,
                new
                {
                    ActorId = actorId,
                    ProjectId = projectId,
                    PhaseId = phaseId,
                },
                tx,
                cancellationToken: ct
            )
        );
        return Decide(r, projectId, phaseId);
    }

    /// <summary>
    /// The policy's columns for project <c>p</c> and its current phase, after <paramref name="columns"/> (the row that
    /// joins it: its columns must not name one <c>status</c>), with <paramref name="from"/> joining <c>p</c>: one statement
    /// for both (a vote or a basket change reads its idea and the policy in one). Read by <see cref="QueryWithAsync"/>.
    /// </summary>
    internal static string WithCurrent(string columns, string from) =>
        $"SELECT {columns},\n       {Select}\n  FROM {from}{Phase}\n                   AND {Current}{Joins}";

    /// <summary>Runs a statement made by <see cref="WithCurrent"/>: its row's own part and the policy's (decided by
    /// <see cref="DecideCurrent"/>); null when no row.</summary>
    internal static async Task<(T Row, Row Policy)?> QueryWithAsync<T>(IDbConnection connection, CommandDefinition command)
    {
        var rows = await connection.QueryAsync<T, Row, (T, Row)>(command, (t, r) => (t, r), splitOn: "status");
        return rows.Select(x => ((T, Row)?)x).FirstOrDefault();
    }

    /// <summary>The decisions for project <paramref name="projectId"/>'s current phase from its policy row, as
    /// <see cref="DecideAsync"/> takes them.</summary>
    internal static Result DecideCurrent(Row policy, Guid projectId) => Decide(policy, projectId, null);

    private static Result Decide(Row? r, Guid projectId, Guid? phaseId)
    {
        if (r is null || (r.Status == "draft" && !r.Staff))
            throw new NotFoundException("No such project.");
        if (r.PhaseId is not { } id)
        {
            if (phaseId is not null)
                throw new NotFoundException("No such phase.");
            return new Result(projectId, null, []) { Status = r.Status };
        }
        var settings = JsonSerializer.Deserialize<PhaseSettings>(r.Settings!, JsonSerializerOptions.Web) ?? new PhaseSettings();
        var method = r.Method!.ToEnum<PhaseMethod>();
        var decisions = Methods.Actions(method).Select(action => Decide(action, method, settings, r)).ToList();
        return new Result(projectId, new PhaseRef(id, method, r.StartsAt!.Value.AsUtc(), r.EndsAt.AsUtc(), r.Active), decisions)
        {
            Status = r.Status,
            Settings = settings,
        };
    }

    /// <summary>
    /// The current phase when the action is allowed in it for the actor (and the phase is of the given method,
    /// when one is given); otherwise an <see cref="ActionRefusedException"/> with the same reason the "what may I
    /// do" panel shows. With <paramref name="limitTakenLater"/>, a reached limit does not refuse: the handler takes
    /// the limit atomically itself when it adds something, so switching or removing stays possible.
    /// </summary>
    public static async Task<(PhaseRef Phase, PhaseSettings Settings)> RequireAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid projectId,
        ParticipationAction action,
        IDbTransaction? tx,
        CancellationToken ct,
        PhaseMethod? method = null,
        bool limitTakenLater = false
    )
    {
        return Require(await DecideAsync(connection, actorId, projectId, null, tx, ct), action, method, limitTakenLater);
    }

    /// <summary>What <see cref="RequireAsync"/> concludes from the decisions.</summary>
    internal static (PhaseRef Phase, PhaseSettings Settings) Require(
        Result result,
        ParticipationAction action,
        PhaseMethod? method,
        bool limitTakenLater
    )
    {
        var decision = method is null || result.Phase?.Method == method ? result.Actions.FirstOrDefault(a => a.Action == action) : null;
        var reason =
            decision is null ? (result.Status == "archived" ? RefusalReason.ProjectArchived : RefusalReason.PhaseNotActive)
            : decision.Allowed || (limitTakenLater && decision.Reason == RefusalReason.LimitReached) ? null
            : decision.Reason;
        if (reason is { } refused)
            throw Refuse(action, refused);
        return (result.Phase!, result.Settings!);
    }

    public static ActionRefusedException Refuse(ParticipationAction action, RefusalReason reason) =>
        new(action.ToWire(), reason.ToWire(), Messages.Get($"reason.{reason.ToWire()}"));

    private static Decision Decide(ParticipationAction action, PhaseMethod method, PhaseSettings settings, Row r)
    {
        var audience = Audience(action, settings);
        RefusalReason? reason =
            r.Status == "archived" ? RefusalReason.ProjectArchived
            : !r.Active ? RefusalReason.PhaseNotActive
            : audience == Phases.Audience.Everyone ? (r.Blocked ? RefusalReason.Blocked : null)
            : !r.SignedIn ? RefusalReason.NotSignedIn
            : r.Blocked ? RefusalReason.Blocked
            : audience == Phases.Audience.Staff && !r.Staff ? RefusalReason.NotPermitted
            : audience == Phases.Audience.ConfirmedEmail && !r.Confirmed ? RefusalReason.EmailNotConfirmed
            : action == ParticipationAction.PostIdea && settings.IdeasPerUser is { } ideas && r.IdeasUsed >= ideas
                ? RefusalReason.LimitReached
            : action == ParticipationAction.React && settings.ReactionsPerUser is { } reactions && r.ReactionsUsed >= reactions
                ? RefusalReason.LimitReached
            : action == ParticipationAction.Vote
            && method == PhaseMethod.Voting
            && settings.VotesPerUser is { } votes
            && r.VotesUsed >= votes
                ? RefusalReason.LimitReached
            : action == ParticipationAction.Answer && method == PhaseMethod.Survey && r.Responded ? RefusalReason.AlreadyResponded
            : null;
        return new Decision(action, reason is null, reason);
    }

    private static Audience Audience(ParticipationAction action, PhaseSettings s)
    {
        var p = s.Permissions ?? new PhasePermissions();
        return (
            action switch
            {
                ParticipationAction.PostIdea => p.PostIdea,
                ParticipationAction.Comment => p.Comment,
                ParticipationAction.React => p.React,
                ParticipationAction.Vote => p.Vote,
                ParticipationAction.Answer => p.Answer,
                _ => null,
            }
        ) ?? Phases.Audience.Staff;
    }
}
