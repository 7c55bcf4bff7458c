using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Faults;

/// <summary>
/// A city set up through the API as an operator and its residents would: an admin (the <c>create-admin</c> command), two
/// published projects whose ideation phases are over, one now voting (3 votes per person) and one now budgeting (a
/// 1,000 € budget over ideas costing 150–500 €), and residents who signed up, confirmed their address and signed in.
/// </summary>
internal sealed partial class StormCity
{
    public const string Password = "Storm-password-2026!";
    public const decimal Budget = 1000m;
    public const int VotesPerUser = 3;
    private static readonly decimal[] Costs = [150m, 250m, 300m, 400m, 450m, 500m];

    public required Guid VotingProject { get; init; }
    public required Guid VotingPhase { get; init; }
    public required IReadOnlyList<Guid> VotingIdeas { get; init; }
    public required Guid BudgetProject { get; init; }
    public required Guid BudgetPhase { get; init; }
    public required IReadOnlyList<Guid> BudgetIdeas { get; init; }

    /// <summary>The residents: their id and access token (valid on every instance).</summary>
    public required IReadOnlyList<(Guid Id, string Token)> Residents { get; init; }

    public static async Task<StormCity> CreateAsync(ApiProcess api, string database, int residents)
    {
        const string adminEmail = "admin@storm.test";
        await ApiProcess.RunCommandAsync(
            database,
            "create-admin",
            "--email",
            adminEmail,
            "--first-name",
            "Ada",
            "--last-name",
            "Tempête",
            "--password",
            Password
        );
        using var admin = Client(api, await api.LoginAsync(adminEmail, Password));
        var department = await IdOf(await admin.PostAsJsonAsync("/api/v1/departments", new { name = new { fr = "Participation" } }));

        var people = new List<(Guid, string)>();
        for (var i = 0; i < residents; i++)
            people.Add(await ResidentAsync(api, database, i));

        var (votingProject, votingIdeation) = await ProjectAsync(admin, department, "Vote du quartier");
        var (budgetProject, budgetIdeation) = await ProjectAsync(admin, department, "Budget participatif");
        var votingIdeas = new List<Guid>();
        var budgetIdeas = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            using var author = Client(api, people[i % people.Count].Item2);
            votingIdeas.Add(await IdeaAsync(author, votingProject, $"Idée à voter {i + 1}"));
        }
        for (var i = 0; i < Costs.Length; i++)
        {
            using var author = Client(api, people[i % people.Count].Item2);
            var idea = await IdeaAsync(author, budgetProject, $"Projet à {Costs[i]} €");
            await Ok(await admin.PutAsJsonAsync($"/api/v1/ideas/{idea}/cost", new { cost = Costs[i] }));
            budgetIdeas.Add(idea);
        }

        // The ideation phases end; voting and budgeting open.
        var now = DateTimeOffset.UtcNow;
        foreach (var (project, phase) in new[] { (votingProject, votingIdeation), (budgetProject, budgetIdeation) })
            await Ok(
                await admin.PutAsJsonAsync(
                    $"/api/v1/projects/{project}/phases/{phase}",
                    Phase("ideation", now.AddDays(-10), now.AddHours(-1))
                )
            );
        var votingPhase = await IdOf(
            await admin.PostAsJsonAsync(
                $"/api/v1/projects/{votingProject}/phases",
                Phase("voting", now.AddMinutes(-30), now.AddDays(10), new { votesPerUser = VotesPerUser })
            )
        );
        var budgetPhase = await IdOf(
            await admin.PostAsJsonAsync(
                $"/api/v1/projects/{budgetProject}/phases",
                Phase("budgeting", now.AddMinutes(-30), now.AddDays(10), new { budgetAmount = Budget })
            )
        );
        return new StormCity
        {
            VotingProject = votingProject,
            VotingPhase = votingPhase,
            VotingIdeas = votingIdeas,
            BudgetProject = budgetProject,
            BudgetPhase = budgetPhase,
            BudgetIdeas = budgetIdeas,
            Residents = people,
        };
    }

    /// <summary>A client of <paramref name="api"/> bearing <paramref name="token"/> (a minute per request at most).</summary>
    public static HttpClient Client(ApiProcess api, string token)
    {
        var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs a resident up, confirms the address with the link of the queued e-mail, signs in.</summary>
    private static async Task<(Guid Id, string Token)> ResidentAsync(ApiProcess api, string database, int index)
    {
        var email = $"resident-{index}-{Guid.NewGuid():N}@storm.test";
        await Ok(
            await api.Client.PostAsJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email,
                    password = Password,
                    firstName = "Camille",
                    lastName = $"Résidente {index}",
                    locale = "fr",
                }
            )
        );
        string body;
        Guid id;
        await using (var connection = new NpgsqlConnection(Unpooled(database)))
        {
            body = await connection.QuerySingleAsync<string>(
                "SELECT text_body FROM email_outbox WHERE to_address = @email ORDER BY id DESC LIMIT 1",
                new { email }
            );
            id = await connection.QuerySingleAsync<Guid>("SELECT id FROM users WHERE email = @email", new { email });
        }
        var token = ConfirmLink().Match(body);
        Assert.True(token.Success, $"no confirmation link in: {body}");
        await Ok(
            await api.Client.PostAsJsonAsync("/api/v1/auth/confirm-email", new { token = Uri.UnescapeDataString(token.Groups[1].Value) })
        );
        return (id, await api.LoginAsync(email, Password));
    }

    private static async Task<(Guid Project, Guid Ideation)> ProjectAsync(HttpClient admin, Guid department, string title)
    {
        var project = await IdOf(
            await admin.PostAsJsonAsync(
                "/api/v1/projects",
                new
                {
                    departmentId = department,
                    title = new { fr = title },
                    summary = new { fr = "Les habitants décident" },
                    description = new { fr = "<p>Bonjour</p>" },
                }
            )
        );
        await Ok(await admin.PostAsJsonAsync($"/api/v1/projects/{project}/status", new { status = "published" }));
        var now = DateTimeOffset.UtcNow;
        var ideation = await IdOf(
            await admin.PostAsJsonAsync($"/api/v1/projects/{project}/phases", Phase("ideation", now.AddDays(-10), now.AddDays(30)))
        );
        return (project, ideation);
    }

    private static async Task<Guid> IdeaAsync(HttpClient author, Guid project, string title) =>
        await IdOf(
            await author.PostAsJsonAsync(
                $"/api/v1/projects/{project}/ideas",
                new { title, body = "<p>Des bancs à l'ombre près de l'étang, et un kiosque.</p>" }
            )
        );

    private static object Phase(string method, DateTimeOffset starts, DateTimeOffset ends, object? settings = null) =>
        new
        {
            title = new { fr = method },
            startsAt = starts,
            endsAt = ends,
            method,
            settings,
        };

    public static string Unpooled(string database) => new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        }
    }

    private static async Task Ok(HttpResponseMessage response)
    {
        using (response)
            Assert.True(
                response.IsSuccessStatusCode,
                $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
            );
    }

    [GeneratedRegex(@"/confirm-email#token=([A-Za-z0-9_%\-]+)")]
    private static partial Regex ConfirmLink();
}
