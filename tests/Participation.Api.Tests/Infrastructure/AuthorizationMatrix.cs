namespace Participation.Api.Tests.Infrastructure;

/// <summary>Builds an authorization matrix (QUALITY.md §2) as theory data: every actor × every action with its expected status.</summary>
public static class AuthorizationMatrix
{
    /// <summary>The roles QUALITY.md §2 asks about, for a resource of resident A in project P1 (department D1).</summary>
    public static readonly string[] Actors =
    [
        "anonymous",
        "resident_a",
        "resident_b",
        "moderator_p1",
        "moderator_p2",
        "head_d1",
        "head_d2",
        "communication_manager",
        "it_manager",
        "elected_official",
        "admin",
    ];

    public static TheoryData<string, string, int> Build(
        IEnumerable<string> actors,
        IEnumerable<string> actions,
        Func<string, string, int> expected
    )
    {
        var data = new TheoryData<string, string, int>();
        foreach (var actor in actors)
        foreach (var action in actions)
            data.Add(actor, action, expected(actor, action));
        return data;
    }
}
