using System.Data;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Onboarding;

/// <summary>
/// A project's setup checklist: the source text's reminders for a new project (the decision process it feeds, its key
/// dates, the goals shared with the public, its stakeholders), answered by its staff. Each item is done when answered;
/// key dates when the project has phases (which always have dates), the written note being optional.
/// </summary>
public static class ProjectSetup
{
    public const int MaxLength = 2000;

    public sealed record Item(ProjectSetupStep Step, string Label, bool Done);

    /// <summary>The answers (version 0: never saved), the checklist, and the project's phase count.</summary>
    public sealed record View(
        int Version,
        string DecisionProcess,
        string KeyDates,
        string PublicGoals,
        string Stakeholders,
        int Phases,
        IReadOnlyList<Item> Items,
        int DoneCount,
        DateTimeOffset? UpdatedAt
    );

    private sealed record Row(
        int Version,
        string DecisionProcess,
        string KeyDates,
        string PublicGoals,
        string Stakeholders,
        int Phases,
        DateTime? UpdatedAt
    );

    private const string ReadSql = """
        SELECT coalesce(s.version, 0) AS version, coalesce(s.decision_process, '') AS decision_process,
               coalesce(s.key_dates, '') AS key_dates, coalesce(s.public_goals, '') AS public_goals,
               coalesce(s.stakeholders, '') AS stakeholders,
               (SELECT count(*)::int FROM phases ph WHERE ph.project_id = p.id) AS phases, s.updated_at
          FROM projects p LEFT JOIN project_setups s ON s.project_id = p.id
         WHERE p.id = @ProjectId;
        """;

    /// <summary>The project's staff (admins, its department's heads, its moderators) read and write it. An unknown project,
    /// or a draft one for anyone else: 404; anyone else: 403.</summary>
    public static async Task RequireStaffAsync(
        IDbConnection connection,
        Guid actorId,
        Guid projectId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var access = await ProjectStaff.OfAsync(connection, actorId, projectId, tx, ct);
        if (!access.Exists || (access.Status == "draft" && !access.IsStaff))
            throw new NotFoundException("No such project.");
        if (!access.IsStaff)
            throw new ForbiddenException();
    }

    public static async Task<View> ReadAsync(IDbConnection connection, Guid projectId, IDbTransaction? tx, CancellationToken ct)
    {
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(ReadSql, new { ProjectId = projectId }, tx, cancellationToken: ct)
        ) ?? throw new NotFoundException("No such project.");
        Item Of(ProjectSetupStep step, bool done) => new(step, OnboardingTexts.Setup(step), done);
        var items = new List<Item>
        {
            Of(ProjectSetupStep.DecisionProcess, r.DecisionProcess.Trim().Length > 0),
            Of(ProjectSetupStep.KeyDates, r.Phases > 0),
            Of(ProjectSetupStep.PublicGoals, r.PublicGoals.Trim().Length > 0),
            Of(ProjectSetupStep.Stakeholders, r.Stakeholders.Trim().Length > 0),
        };
        return new View(
            r.Version,
            r.DecisionProcess,
            r.KeyDates,
            r.PublicGoals,
            r.Stakeholders,
            r.Phases,
            items,
            items.Count(i => i.Done),
            r.UpdatedAt?.AsUtc()
        );
    }
}
