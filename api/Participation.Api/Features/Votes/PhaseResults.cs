using System.Data;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Votes;

/// <summary>
/// Who may read a phase's results: the project's staff and the elected officials overseeing it always (provisional
/// results, read-only); residents when the moderators publish them (<c>resultsPublic</c>) or once the phase is over.
/// Drafts stay with their staff and overseers.
/// </summary>
public static class PhaseResults
{
    public sealed record Phase(Guid Id, Guid ProjectId, PhaseMethod Method, PhaseSettings Settings, bool Ended, bool Staff, bool Published);

    private const string Sql = $"""
        SELECT ph.id, ph.project_id, ph.method, ph.settings::text AS settings, ph.ends_at IS NOT NULL AND ph.ends_at <= now() AS ended,
               p.status AS project_status, {ProjectStaff.IsStaffOf} AS staff, {ProjectStaff.OverseesOf} AS overseer
          FROM phases ph JOIN projects p ON p.id = ph.project_id
         WHERE ph.id = @PhaseId;
        """;

    private sealed record Row(
        Guid Id,
        Guid ProjectId,
        string Method,
        string Settings,
        bool Ended,
        string ProjectStatus,
        bool Staff,
        bool Overseer
    );

    public static async Task<Phase> RequireReadableAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid phaseId,
        PhaseMethod method,
        CancellationToken ct
    )
    {
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql, new { ActorId = actorId, PhaseId = phaseId }, cancellationToken: ct)
        );
        if (r is null || r.Method != method.ToWire() || (r.ProjectStatus == "draft" && !r.Overseer))
            throw new NotFoundException("No such phase.");
        var settings = System.Text.Json.JsonSerializer.Deserialize<PhaseSettings>(r.Settings, System.Text.Json.JsonSerializerOptions.Web)
            ?? new PhaseSettings();
        var published = settings.ResultsPublic == true || r.Ended;
        if (!r.Overseer && !published)
            throw new ForbiddenException(Messages.Get("results_not_published"));
        return new Phase(r.Id, r.ProjectId, method, settings, r.Ended, r.Staff, published);
    }
}
