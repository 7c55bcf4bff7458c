using System.Data;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Who may read a survey's or poll's results, texts and export. The phase must be a survey or a poll of a project
/// the caller may see (a draft project is its staff's and overseers' only: 404 for others). Results: the project's staff
/// and the elected officials overseeing it always (provisional, read-only), others once <c>resultsPublic</c> is set (403
/// before). Texts and export: the project's staff only (403).
/// One statement, keyed by the phase or by one of its questions.
/// </summary>
internal static class SurveyResultsAccess
{
    public sealed record Phase(Guid Id, Guid ProjectId, Guid DepartmentId, PhaseMethod Method, bool Staff, bool ResultsPublic)
    {
        /// <summary>Staff, or an elected official overseeing the project: reads results before they are public.</summary>
        public bool Overseer { get; init; }
    }

    private const string Columns = $"""
        SELECT ph.id, ph.project_id, p.department_id, ph.method, p.status AS project_status,
               coalesce(ph.settings ->> 'resultsPublic', 'false') = 'true' AS results_public, {ProjectStaff.IsStaffOf} AS staff,
               {ProjectStaff.OverseesOf} AS overseer
          FROM phases ph JOIN projects p ON p.id = ph.project_id
        """;

    private const string ByPhase = Columns + " WHERE ph.id = @Id;";

    private const string ByQuestion = Columns + " JOIN survey_questions q ON q.phase_id = ph.id WHERE q.id = @Id;";

    private sealed record Row(
        Guid Id,
        Guid ProjectId,
        Guid DepartmentId,
        string Method,
        string ProjectStatus,
        bool ResultsPublic,
        bool Staff,
        bool Overseer
    );

    /// <summary>The phase whose results the caller may read (staff, or published).</summary>
    public static async Task<Phase> RequireResultsAsync(IDbConnection connection, Guid? actorId, Guid phaseId, CancellationToken ct)
    {
        var phase = await LoadAsync(connection, ByPhase, actorId, phaseId, ct);
        if (!phase.Overseer && !phase.ResultsPublic)
            throw new ForbiddenException(Messages.Get("survey_results_not_published"));
        return phase;
    }

    /// <summary>The phase when the caller may read its results; null when they may not (yet), for answers that add results when
    /// allowed.</summary>
    public static async Task<Phase?> ResultsOrNullAsync(IDbConnection connection, Guid? actorId, Guid phaseId, CancellationToken ct)
    {
        var phase = await LoadAsync(connection, ByPhase, actorId, phaseId, ct);
        return phase.Overseer || phase.ResultsPublic ? phase : null;
    }

    /// <summary>The phase (by its id, or by one of its questions' id) for its project's staff only.</summary>
    public static async Task<Phase> RequireStaffAsync(
        IDbConnection connection,
        Guid actorId,
        Guid id,
        bool byQuestion,
        CancellationToken ct
    )
    {
        var phase = await LoadAsync(connection, byQuestion ? ByQuestion : ByPhase, actorId, id, ct);
        if (!phase.Staff)
            throw new ForbiddenException();
        return phase;
    }

    private static async Task<Phase> LoadAsync(IDbConnection connection, string sql, Guid? actorId, Guid id, CancellationToken ct)
    {
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(sql, new { ActorId = actorId, Id = id }, cancellationToken: ct)
        );
        if (
            r is null
            || r.Method.ToEnum<PhaseMethod>() is not (PhaseMethod.Survey or PhaseMethod.Poll)
            || (r.ProjectStatus == "draft" && !r.Overseer)
        )
            throw new NotFoundException("No such survey.");
        return new Phase(r.Id, r.ProjectId, r.DepartmentId, r.Method.ToEnum<PhaseMethod>(), r.Staff, r.ResultsPublic)
        {
            Overseer = r.Overseer,
        };
    }
}
