using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Participation.Bench;

/// <summary>A hot endpoint and its bare baseline, as functions from a unit number to the requests of that unit.</summary>
public sealed record Scenario(string Name, string Aim, Func<long, Request[]> Real, Func<long, Request[]> Baseline, int RequestsPerUnit = 1);

/// <summary>
/// The scenarios of the issue over the seeded data set: signed-in list pages (first and deep) sorted trending,
/// popular and newest; idea detail; casting and removing a vote; adding to and removing from a basket; and the
/// first trending page of projects of growing size. Each worker/unit signs in as its own users, so writes never
/// queue on one row unless the data says so.
/// </summary>
public sealed class Scenarios(Uri api, string connectionString, string signingKey)
{
    public Guid VoteProject { get; } = Seeder.ProjectId("vote");
    public Guid VotePhase { get; } = Seeder.PhaseId("vote:voting");
    public Guid BudgetProject { get; } = Seeder.ProjectId("budget");
    public Guid BudgetPhase { get; } = Seeder.PhaseId("budget:budgeting");

    public int Users { get; private set; }
    public Dictionary<string, int> IdeasPerProject { get; } = [];

    private Guid[] _readers = [];
    private string[] _readerTokens = [];
    private Guid[] _voters = [];
    private string[] _voterTokens = [];
    private Guid[] _shoppers = [];
    private string[] _shopperTokens = [];

    // Spread units over ideas and users in an order unrelated to their rank (7919 is prime).
    private static long Spread(long n, long size) => n * 7919 % size;

    public async Task LoadAsync()
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using (var cmd = new NpgsqlCommand("SELECT count(*) FROM users WHERE email LIKE '%@bench.example'", db))
            Users = (int)(long)(await cmd.ExecuteScalarAsync())!;
        foreach (var key in new[] { "vote", "budget", "small", "large", "huge" })
        {
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM ideas WHERE project_id = @P", db);
            cmd.Parameters.AddWithValue("P", Seeder.ProjectId(key));
            IdeasPerProject[key] = (int)(long)(await cmd.ExecuteScalarAsync())!;
        }
        if (Users == 0 || IdeasPerProject["vote"] == 0)
            throw new InvalidOperationException("No bench data: run the seeder first.");
        (_readers, _readerTokens) = Mint(0, 1_000);
        (_voters, _voterTokens) = Mint(Users / 2, Math.Min(10_000, Users / 4));
        (_shoppers, _shopperTokens) = Mint(Users / 4, Math.Min(10_000, Users / 4));
    }

    private (Guid[] Ids, string[] Tokens) Mint(int from, int count)
    {
        var ids = Enumerable.Range(from, count).Select(n => Seeder.UserId(n)).ToArray();
        return (ids, ids.Select(id => Tokens.Mint(signingKey, id)).ToArray());
    }

    /// <summary>The cursor of the page after <paramref name="pages"/> pages of 20, walked through the real endpoint.</summary>
    public async Task<string> DeepCursorAsync(string sort, int pages)
    {
        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Authorization = new("Bearer", _readerTokens[0]);
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(
                $"/api/v1/projects/{VoteProject}/ideas?sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}")
            );
            cursor = page.GetProperty("nextCursor").GetString()
                ?? throw new InvalidOperationException($"The {sort} list ended after {i + 1} pages.");
        }
        return cursor!;
    }

    public Scenario List(string name, Guid project, string sort, string? cursor, string aim)
    {
        var query = $"sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}");
        return new Scenario(
            name,
            aim,
            n => [new(HttpMethod.Get, $"/api/v1/projects/{project}/ideas?{query}", _readerTokens[n % _readers.Length])],
            n => [new(HttpMethod.Get, $"/bench/projects/{project}/ideas?{query}&actor={_readers[n % _readers.Length]}")]
        );
    }

    /// <summary>Issue 18's aim for the single-request and write scenarios.</summary>
    private const string Aim75 = "≥ 75 % of baseline, p99 ≤ 25 ms at ½ max where the baseline's is";

    public Scenario Detail()
    {
        var ideas = IdeasPerProject["vote"];
        return new Scenario(
            "idea detail",
            Aim75,
            n => [new(HttpMethod.Get, $"/api/v1/ideas/{Seeder.IdeaId("vote", 1 + Spread(n, ideas))}", _readerTokens[n % _readers.Length])],
            n => [new(HttpMethod.Get, $"/bench/ideas/{Seeder.IdeaId("vote", 1 + Spread(n, ideas))}?actor={_readers[n % _readers.Length]}")]
        );
    }

    /// <summary>A vote then its removal, by one voter on one idea; unit n and n+1 never share a voter or an idea's tally row by
    /// design.</summary>
    public Scenario Vote()
    {
        var ideas = IdeasPerProject["vote"];
        Request[] Real(long n)
        {
            var (idea, token) = (Seeder.IdeaId("vote", 1 + Spread(n, ideas)), _voterTokens[n % _voters.Length]);
            return [new(HttpMethod.Put, $"/api/v1/ideas/{idea}/vote", token), new(HttpMethod.Delete, $"/api/v1/ideas/{idea}/vote", token)];
        }
        Request[] Baseline(long n)
        {
            var (idea, actor) = (Seeder.IdeaId("vote", 1 + Spread(n, ideas)), _voters[n % _voters.Length]);
            var q = $"?actor={actor}&phase={VotePhase}";
            return [new(HttpMethod.Put, $"/bench/ideas/{idea}/vote{q}"), new(HttpMethod.Delete, $"/bench/ideas/{idea}/vote{q}")];
        }
        return new Scenario("vote: cast + remove", Aim75, Real, Baseline, 2);
    }

    /// <summary>Add an idea to one's basket then take it out again (repeatable), each unit its own shopper.</summary>
    public Scenario Basket()
    {
        var ideas = IdeasPerProject["budget"];
        Request[] Real(long n)
        {
            var (idea, token) = (Seeder.IdeaId("budget", 1 + Spread(n, ideas)), _shopperTokens[n % _shoppers.Length]);
            var path = $"/api/v1/projects/{BudgetProject}/basket/ideas/{idea}";
            return [new(HttpMethod.Put, path, token), new(HttpMethod.Delete, path, token)];
        }
        Request[] Baseline(long n)
        {
            var (idea, actor) = (Seeder.IdeaId("budget", 1 + Spread(n, ideas)), _shoppers[n % _shoppers.Length]);
            var path = $"/bench/projects/{BudgetProject}/basket/ideas/{idea}?actor={actor}&phase={BudgetPhase}&budget={Seeder.Budget}";
            return [new(HttpMethod.Put, path), new(HttpMethod.Delete, path)];
        }
        return new Scenario("basket: add + remove", Aim75, Real, Baseline, 2);
    }

    /// <summary>Sends unit 0 of the real and the baseline side once: a scenario that errors stops the bench before it measures.</summary>
    public async Task PreflightAsync(Scenario s)
    {
        using var http = new HttpClient { BaseAddress = api };
        foreach (var r in s.Real(0).Concat(s.Baseline(0)))
        {
            using var message = new HttpRequestMessage(r.Method, r.Path);
            if (r.Token is not null)
                message.Headers.Authorization = new("Bearer", r.Token);
            using var response = await http.SendAsync(message);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException(
                    $"{s.Name}: {r.Method} {r.Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
                );
        }
    }
}
