using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Ideas;

/// <summary>
/// A city with two published projects (P1 in D1, P2 in D2), each with an active ideation phase and its own
/// moderator, and two residents. Helpers post ideas and comments through the API.
/// </summary>
internal sealed class IdeaCity
{
    public required ApiFactory Api { get; init; }
    public required City City { get; init; }
    public required Guid P1 { get; init; }
    public required Guid P2 { get; init; }
    public required Guid Phase1 { get; init; }
    public required TestUser ResidentA { get; init; }
    public required TestUser ResidentB { get; init; }
    public required TestUser Moderator1 { get; init; }
    public required TestUser Moderator2 { get; init; }
    public required HttpClient A { get; init; }
    public required HttpClient B { get; init; }
    public required HttpClient Mod1 { get; init; }
    public required HttpClient Mod2 { get; init; }
    public HttpClient Admin => City.Admin;

    public static async Task<IdeaCity> CreateAsync(ApiFactory api, object? settings = null, string p1Status = "published")
    {
        var city = await City.CreateAsync(api);
        var p1 = await city.ProjectAsync(city.Admin, city.D1, "Parc du centre", p1Status);
        var p2 = await city.ProjectAsync(city.Admin, city.D2, "Maison de la culture", "published");
        var now = DateTimeOffset.UtcNow;
        var phase1 = await PhaseAsync(city.Admin, p1, "ideation", now.AddDays(-1), now.AddDays(30), settings);
        await PhaseAsync(city.Admin, p2, "ideation", now.AddDays(-1), now.AddDays(30), null);
        async Task<TestUser> Moderator(Guid project)
        {
            var user = await api.CreateUserAsync(firstName: "Modé", lastName: "Rateur");
            var response = await city.Admin.PutAsJsonAsync(
                $"/api/v1/users/{user.Id}/roles",
                new
                {
                    role = "project_moderator",
                    scopeType = "project",
                    scopeId = project,
                }
            );
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return user;
        }
        var m1 = await Moderator(p1);
        var m2 = await Moderator(p2);
        var a = await api.CreateUserAsync(firstName: "Alice", lastName: "Martin");
        var b = await api.CreateUserAsync(firstName: "Bruno", lastName: "Peeters");
        return new IdeaCity
        {
            Api = api,
            City = city,
            P1 = p1,
            P2 = p2,
            Phase1 = phase1,
            ResidentA = a,
            ResidentB = b,
            Moderator1 = m1,
            Moderator2 = m2,
            A = api.ClientFor(a.Id),
            B = api.ClientFor(b.Id),
            Mod1 = await City.As(api, m1),
            Mod2 = await City.As(api, m2),
        };
    }

    public static async Task<Guid> PhaseAsync(
        HttpClient admin,
        Guid project,
        string method,
        DateTimeOffset starts,
        DateTimeOffset? ends,
        object? settings
    )
    {
        var response = await admin.PostJsonAsync($"/api/v1/projects/{project}/phases", City.Phase(method, starts, ends, settings));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>A client for one of <see cref="AuthorizationMatrix.Actors"/> (platform roles get a fresh user).</summary>
    public async Task<HttpClient> ClientAsync(string actor) =>
        actor switch
        {
            "anonymous" => Api.CreateClient(),
            "admin" => Admin,
            "resident_a" => A,
            "resident_b" => B,
            "moderator_p1" => Mod1,
            "moderator_p2" => Mod2,
            "head_d1" => await City.As(Api, City.Head1),
            "head_d2" => await City.As(Api, City.Head2),
            _ => Api.ClientFor((await Api.CreateUserAsync(role: actor)).Id),
        };

    public async Task<TestUser> ResidentAsync(string first = "Chloé")
    {
        return await Api.CreateUserAsync(firstName: first, lastName: "Dupont");
    }

    public static object Idea(string title = "Plus de bancs au parc", object? extra = null) =>
        extra
        ?? new
        {
            title,
            body = "<p>Des bancs <strong>à l'ombre</strong> près de l'étang.</p>",
            topics = new[] { "Mobilier", "parc" },
        };

    public async Task<Guid> IdeaAsync(HttpClient client, Guid? project = null, string title = "Plus de bancs au parc", object? body = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/projects/{project ?? P1}/ideas", body ?? Idea(title));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public async Task<Guid> CommentAsync(HttpClient client, Guid idea, string body = "Bonne idée !", Guid? parent = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body, parentId = parent });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public async Task<JsonNode> GetIdeaAsync(HttpClient client, Guid idea)
    {
        var response = await client.GetAsync($"/api/v1/ideas/{idea}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>The reason given for one action on the idea ("allowed" when allowed).</summary>
    public static string Reason(JsonNode idea, string action) =>
        idea["actions"]!.AsArray().Single(a => a!["action"]!.GetValue<string>() == action)!["reason"]?.GetValue<string>() ?? "allowed";
}

/// <summary>
/// Derived data equals recomputation (QUALITY.md §3.4): counters of reactions, comments, votes and flags
/// equal their rows; a basket's total is the sum of its lines, within its phase's budget; one basket per person
/// and phase; nobody over a phase's vote limit. Run after every concurrency test.
/// </summary>
internal static class Invariants
{
    private const string Sql = """
        SELECT 'likes of ' || i.id AS what FROM ideas i
         WHERE i.likes_count <> (SELECT count(*) FROM idea_reactions r WHERE r.idea_id = i.id AND r.kind = 'like')
        UNION ALL SELECT 'dislikes of ' || i.id FROM ideas i
         WHERE i.dislikes_count <> (SELECT count(*) FROM idea_reactions r WHERE r.idea_id = i.id AND r.kind = 'dislike')
        UNION ALL SELECT 'comments of ' || i.id FROM ideas i
         WHERE i.comments_count <> (SELECT count(*) FROM comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL)
        UNION ALL SELECT 'replies of ' || c.id FROM comments c
         WHERE c.replies_count <> (SELECT count(*) FROM comments r
                                    WHERE r.parent_id = c.id AND r.deleted_at IS NULL AND r.hidden_at IS NULL)
        UNION ALL SELECT 'likes of comment ' || c.id FROM comments c
         WHERE c.likes_count <> (SELECT count(*) FROM comment_likes l WHERE l.comment_id = c.id)
        UNION ALL SELECT 'reactions used by ' || pp.user_id FROM phase_participants pp
         WHERE pp.reactions <> (SELECT count(*) FROM idea_reactions r WHERE r.phase_id = pp.phase_id AND r.user_id = pp.user_id)
        UNION ALL SELECT 'votes used by ' || pp.user_id FROM phase_participants pp
         WHERE pp.votes <> (SELECT count(*) FROM idea_votes v WHERE v.phase_id = pp.phase_id AND v.user_id = pp.user_id)
        UNION ALL SELECT 'vote tally of ' || t.idea_id FROM vote_tallies t
         WHERE t.votes <> (SELECT count(*) FROM idea_votes v WHERE v.phase_id = t.phase_id AND v.idea_id = t.idea_id)
        UNION ALL SELECT 'votes without a tally on ' || v.idea_id FROM idea_votes v
         WHERE NOT EXISTS (SELECT 1 FROM vote_tallies t WHERE t.phase_id = v.phase_id AND t.idea_id = v.idea_id)
        UNION ALL SELECT 'votes over the limit of ' || pp.user_id FROM phase_participants pp JOIN phases ph ON ph.id = pp.phase_id
         WHERE ph.settings ? 'votesPerUser' AND pp.votes > (ph.settings ->> 'votesPerUser')::int
        UNION ALL SELECT 'basket total of ' || b.id FROM baskets b
         WHERE b.total <> coalesce((SELECT sum(l.cost) FROM basket_lines l WHERE l.basket_id = b.id), 0)
            OR b.items <> (SELECT count(*) FROM basket_lines l WHERE l.basket_id = b.id)
        UNION ALL SELECT 'basket over budget ' || b.id FROM baskets b JOIN phases ph ON ph.id = b.phase_id
         WHERE b.total > b.budget OR b.budget <> (ph.settings ->> 'budgetAmount')::numeric
        UNION ALL SELECT 'baskets per person ' || b.user_id FROM baskets b GROUP BY b.phase_id, b.user_id HAVING count(*) > 1
        UNION ALL SELECT 'open flags of idea ' || i.id FROM ideas i
         WHERE i.open_flags <> (SELECT count(*) FROM content_flags f
                                 WHERE f.idea_id = i.id AND f.comment_id IS NULL AND f.resolved_at IS NULL)
        UNION ALL SELECT 'open flags of comment ' || c.id FROM comments c
         WHERE c.open_flags <> (SELECT count(*) FROM content_flags f WHERE f.comment_id = c.id AND f.resolved_at IS NULL);
        """;

    public static async Task AssertHoldAsync(ApiFactory api)
    {
        await using var connection = await api.OpenAsync();
        var broken = (await connection.QueryAsync<string>(Sql)).ToList();
        Assert.True(broken.Count == 0, "Derived data differs from recomputation: " + string.Join(", ", broken));
    }
}

/// <summary>Counts the SQL commands Npgsql runs inside a block (through its ActivitySource), to prove a constant number of
/// statements.</summary>
internal sealed class SqlCounter : IDisposable
{
    private const string SourceName = "Participation.Tests.SqlCounter";
    private static readonly ActivitySource Source = new(SourceName);
    private readonly ActivityListener _listener;
    private readonly Activity _root;
    private int _count;

    public SqlCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (
                    a.Source.Name == "Npgsql"
                    && _root is { } root // null until the constructor's last line: other tests' commands stop meanwhile
                    && a.TraceId == root.TraceId
                    && a.Kind == ActivityKind.Client
                    && a.OperationName != "connect"
                )
                    Interlocked.Increment(ref _count);
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _root = Source.StartActivity("count")!;
    }

    public int Count => _count;

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }
}
