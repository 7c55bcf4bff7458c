using Participation.Api.Features.Phases;

namespace Participation.Api.Tests.Features.Phases;

/// <summary>The policy statement sent with an idea's own (votes, baskets) reads that idea's project and its current phase,
/// and takes no project or phase parameter.</summary>
public sealed class ActionPolicyForIdeaTests
{
    [Fact]
    public void The_statement_for_an_idea_reads_its_project_and_current_phase()
    {
        Assert.Contains(
            "WHERE p.id = (SELECT project_id FROM ideas WHERE id = @IdeaId);",
            ActionPolicy.ForIdeaSql,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "AND x.starts_at <= now() AND (x.ends_at IS NULL OR x.ends_at > now())",
            ActionPolicy.ForIdeaSql,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("@PhaseId", ActionPolicy.ForIdeaSql, StringComparison.Ordinal);
        Assert.DoesNotContain("@ProjectId", ActionPolicy.ForIdeaSql, StringComparison.Ordinal);
    }
}
