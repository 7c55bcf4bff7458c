using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Storage;
using Participation.Api.Tests.Database;
using Participation.Api.Tests.Features.Pages;
using Participation.Api.Tests.Infrastructure;
using Participation.Api.Tests.Security;
using Participation.Demo;

namespace Participation.Api.Tests.Tenancy;

/// <summary>
/// Two cities with real content (issue 19's isolation proof): city B (b.test) filled through its own host as the real
/// resources of the security sweeps (<see cref="RealResources"/>: admin, departments, projects with phases, ideas, comments,
/// an organisation, an invitation, an API client with a webhook, a feedback template, an event, a survey and a poll), texts
/// carrying <see cref="Marker"/>, a page, a calendar feed, then the demo city on top (votes, baskets, survey responses,
/// activity) and a few passes of every background job (notifications, e-mails, deliveries); city A (a.test, the default
/// city) gets its own admin, a resident and an API client. Test-side helpers (<see cref="ApiFactory.CreateUserAsync"/>,
/// <see cref="ApiFactory.ClientFor"/>, <see cref="ApiFactory.CreateClient()"/>) work for the city entered with <see cref="As"/>.
/// </summary>
public sealed class IsolationFactory : CitiesApiFactory
{
    /// <summary>In every text city B's content was given through the API.</summary>
    public const string Marker = "ZZB-marker";

    public static readonly Guid CityA = CityScope.DefaultCity;

    private string _host = "a.test";
    private string _owner = "";

    /// <summary>City B's resources (its clients call b.test with B's tokens).</summary>
    internal RealResources B { get; private set; } = null!;

    /// <summary>The token of a calendar feed of B's admin (only its hash is stored).</summary>
    public string BFeedToken { get; private set; } = "";

    /// <summary>An API client of city B and a token it got on B's host.</summary>
    public TestApiClient BClient { get; private set; } = null!;
    public string BClientToken { get; private set; } = "";

    /// <summary>Strings only city B's rows hold: the marker, the demo city's name, B's e-mail addresses.</summary>
    public IReadOnlyList<string> BStrings { get; private set; } = [];

    /// <summary>Every uuid id of B's rows (any table with an id column), lower case.</summary>
    public IReadOnlySet<string> BIds { get; private set; } = new HashSet<string>();

    /// <summary>The background jobs' passes that failed while B was filled (shown, not fatal: e.g. a webhook's unreachable host).</summary>
    public IReadOnlyList<string> BJobFailures { get; private set; } = [];

    /// <summary>The calls that added more of B's tables and failed (shown by the coverage report, not fatal).</summary>
    public IReadOnlyList<string> BFillFailures { get; private set; } = [];

    /// <summary>How long the two cities took to make (database, migrations, both cities' content).</summary>
    public TimeSpan FillDuration { get; private set; }

    public HttpClient AdminA { get; private set; } = null!;
    public HttpClient ResidentA { get; private set; } = null!;
    public HttpClient ClientA { get; private set; } = null!;
    public TestUser AdminAUser { get; private set; } = null!;

    /// <summary>The owner's connection string without any city setting.</summary>
    public string OwnerConnectionString => new NpgsqlConnectionStringBuilder(_owner) { Options = "" }.ConnectionString;

    public override async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await base.InitializeAsync();
        _owner = ConnectionString;
        using (As(CityB, "b.test"))
            await FillCityBAsync();
        AdminAUser = await CreateUserAsync(role: "admin", firstName: "Admin", lastName: "VilleA");
        AdminA = ClientFor(AdminAUser.Id);
        ResidentA = ClientFor((await CreateUserAsync(firstName: "Rita", lastName: "VilleA")).Id);
        var clientA = await this.CreateApiClientAsync(
            "projects:read",
            "ideas:read",
            "results:read",
            "statistics:read",
            "webhooks:manage",
            "ideas:feedback"
        );
        ClientA = await this.ClientForApiClientAsync(clientA);
        FillDuration = started.Elapsed;
        await using var owner = new NpgsqlConnection(OwnerConnectionString);
        BIds = (await CityIdsAsync(owner, CityB)).ToHashSet(StringComparer.Ordinal);
        BStrings =
        [
            Marker,
            "Belleville",
            .. await owner.QueryAsync<string>("SELECT email FROM users WHERE city_id = @CityB", new { CityB }),
        ];
    }

    /// <summary>
    /// Until disposed, the test side works for <paramref name="city"/>: its rows (owner's connections with the city's setting),
    /// its tokens (<see cref="CityScope"/>) and its host. Not async, so that the scope flows to the caller.
    /// </summary>
    public IDisposable As(Guid city, string host)
    {
        var scope = CityScope.Enter(city);
        var (host0, connection0) = (_host, ConnectionString);
        _host = host;
        ConnectionString = new NpgsqlConnectionStringBuilder(_owner) { Options = $"-c participation.city_id={city:D}" }.ConnectionString;
        return new Restore(() =>
        {
            (_host, ConnectionString) = (host0, connection0);
            scope.Dispose();
        });
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Host = _host;
    }

    private async Task FillCityBAsync()
    {
        await using (var connection = await OpenAsync()) // B's topics, as every test city has them (ApiFactory)
            await connection.ExecuteAsync(
                """
                INSERT INTO topics (id, name, sort_order)
                SELECT gen_random_uuid(), jsonb_build_object('fr', n), o::integer
                  FROM unnest(ARRAY['arbres', 'culture', 'mobilier', 'mobilité', 'nature', 'parc', 'tables', 'vélo'])
                       WITH ORDINALITY AS t (n, o);
                """
            );
        B = await RealResources.CreateAsync(this);
        var c = B.C;
        var idea = await c.IdeaAsync(c.B, c.P1, $"{Marker} idée");
        await c.CommentAsync(c.A, idea, $"{Marker} commentaire");
        await Ok(c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" }));
        await Ok(c.A.PutAsync($"/api/v1/ideas/{idea}/follow", null));
        await Ok(c.A.PutAsync($"/api/v1/projects/{c.P1}/follow", null));
        await PageTestKit.CreateAsync(c.Admin, PageTestKit.Body(slug: "zzb-marker", title: $"{Marker} page", body: $"<p>{Marker}</p>"));
        await Ok(
            c.Admin.PostJsonAsync(
                "/api/v1/events",
                new
                {
                    projectId = c.P1,
                    title = new { fr = $"{Marker} balade" },
                    startsAt = DateTimeOffset.UtcNow.AddDays(12),
                    endsAt = DateTimeOffset.UtcNow.AddDays(12).AddHours(2),
                    registration = true,
                    capacity = 10,
                }
            )
        );
        await Ok(c.A.PostAsync($"/api/v1/events/{B.CalendarEvent}/registration", null));
        var client = await (
            await Ok(c.Admin.PostJsonAsync("/api/v1/api-clients", new { name = $"{Marker} client", scopes = new[] { "ideas:read" } }))
        ).ReadJsonAsync();
        BClient = new TestApiClient(Guid.Parse(client["clientId"]!.GetValue<string>()), client["clientSecret"]!.GetValue<string>());
        BClientToken = await this.TokenAsync(BClient);
        var feed = await (await Ok(c.Admin.PostAsync("/api/v1/content-calendar/feed", null))).ReadJsonAsync();
        BFeedToken = feed["token"]!.GetValue<string>();

        await MoreOfCityBAsync(idea);

        // The demo city's departments keep their names (and fixed ids): the fixture's own get the marker instead.
        await using (var connection = await OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE departments SET name = name || jsonb_build_object('fr', (name ->> 'fr') || ' ' || @Marker) WHERE city_id = @CityB",
                new { Marker, CityB }
            );
        await using (var owner = NpgsqlDataSource.Create(CityDataSources.OwnerConnectionStringFor(OwnerConnectionString, CityB)))
            await DemoSeed.RunAsync(owner, Services.GetRequiredService<IFileStorage>());

        // The derived rows: notifications, e-mails, webhook deliveries, digests... as B's jobs make them.
        var failures = new List<string>();
        foreach (var job in Services.GetServices<IPeriodicJob>())
            for (var pass = 0; pass < 3; pass++)
                try
                {
                    if (await job.RunOnceAsync(CancellationToken.None) <= 0)
                        break;
                }
                catch (Exception ex)
                {
                    failures.Add($"{job.Name}: {ex.Message}");
                    break;
                }
        BJobFailures = failures;
    }

    /// <summary>
    /// More of B's tables through the API, bodies made from the contract (<see cref="ContractSchemas"/>, on B's resources):
    /// not fatal, what failed is listed in <see cref="BFillFailures"/> (the coverage report shows which tables stayed empty).
    /// </summary>
    private async Task MoreOfCityBAsync(Guid idea)
    {
        var c = B.C;
        var schemas = new ContractSchemas(await CommittedOpenApiAsync(), B);
        var document = await CommittedOpenApiAsync();
        var failures = new List<string>();
        async Task Call(HttpClient client, string method, string path, HttpContent? content = null, string? idempotencyKey = null)
        {
            var url = B.Url(path);
            var schema = document["paths"]?[path]?[method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"];
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = content ?? (schema is null ? null : Http.Json(schemas.Plausible(schema, url)!.ToJsonString())),
            };
            if (idempotencyKey is not null)
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
                failures.Add($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await Call(c.B, "PUT", "/api/v1/comments/{id}/like");
        await Call(c.A, "POST", "/api/v1/me/data-exports");
        await Call(c.A, "PUT", "/api/v1/notifications/preferences");
        await Call(c.A, "PUT", "/api/v1/newsletter/consent");
        await Call(c.A, "POST", "/api/v1/consents/terms", Http.Json("""{"version":"1"}"""));
        await Call(c.Admin, "PUT", "/api/v1/me/onboarding/dismissal", Http.Json("""{"role":"admin","dismissed":true}"""));
        await Call(c.Admin, "POST", "/api/v1/ideas/{id}/notes", Http.Json($$"""{"body":"{{Marker}} note"}"""));
        await Call(c.Admin, "PUT", "/api/v1/users/{userId}/block");
        await Call(
            c.Admin,
            "POST",
            "/api/v1/campaigns",
            Http.Json($$$"""{"subject":"{{{Marker}}} campagne","body":"<p>{{{Marker}}}</p>","segment":{"kind":"newsletter"}}"""),
            $"zzb-{Guid.NewGuid():N}"
        );
        await Call(c.Admin, "POST", "/api/v1/exports");
        await Call(c.Admin, "PUT", "/api/v1/projects/{id}/report", Http.Json("""{"version":0}"""));
        await Call(c.A, "PUT", "/api/v1/me/avatar", Features.Ideas.IdeaAttachmentsTests.Photo());
        await Call(c.Admin, "PUT", "/api/v1/projects/{id}/setup");
        await Call(c.Admin, "POST", "/api/v1/support/grants", Http.Json($$"""{"hours":48,"reason":"{{Marker}} support"}"""));
        await Call(
            c.Admin,
            "POST",
            "/api/v1/support/requests",
            Http.Json($$"""{"subject":"{{Marker}} aide","message":"{{Marker}} message","contact":"email"}""")
        );
        await Call(c.A, "POST", "/api/v1/organisations/{id}/members");
        await Call(c.B, "POST", $"/api/v1/ideas/{idea}/attachments", Features.Ideas.IdeaAttachmentsTests.Photo($"{Marker} photo"));
        await Call(
            CreateClient(),
            "POST",
            "/api/v1/auth/login",
            Http.Json($$"""{"email":"{{c.ResidentA.Email}}","password":"{{Password}}"}""")
        );
        await Call(CreateClient(), "POST", "/api/v1/auth/password-reset", Http.Json($$"""{"email":"{{c.ResidentB.Email}}"}"""));
        BFillFailures = failures;
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} "
                    + await response.Content.ReadAsStringAsync()
            );
        return response;
    }

    /// <summary>The tables (and partitions) with a city_id column, from the catalogue.</summary>
    public static async Task<IReadOnlyList<string>> CityTablesAsync(NpgsqlConnection owner) =>
        (
            await owner.QueryAsync<string>(
                """
                SELECT c.relname
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'city_id' AND NOT a.attisdropped
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> ALL (@Platform)
                 ORDER BY c.relname
                """,
                new { Platform }
            )
        ).AsList();

    /// <summary>
    /// The platform's tables with a city column: the directory of the cities' host names, readable by every city, and the
    /// operators' audit (the city an action concerned; out of the API's role's reach altogether).
    /// </summary>
    public static readonly string[] Platform = ["city_domains", "operator_audit"];

    /// <summary>Each city table's number of rows of <paramref name="city"/> (read as the owner).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountsAsync(NpgsqlConnection owner, Guid city)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await CityTablesAsync(owner))
            counts[table] = await owner.ExecuteScalarAsync<long>($"SELECT count(*) FROM \"{table}\" WHERE city_id = @city", new { city });
        return counts;
    }

    /// <summary>Each city table's checksum of <paramref name="city"/>'s rows (md5 of the rows as text, in order), as the owner.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChecksumsAsync(Guid city)
    {
        await using var owner = new NpgsqlConnection(OwnerConnectionString);
        var sums = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in await CityTablesAsync(owner))
            sums[table] = await owner.ExecuteScalarAsync<string>(
                $"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t WHERE t.city_id = @city",
                new { city }
            ) ?? "";
        return sums;
    }

    /// <summary>Fails with the tables whose rows of <paramref name="city"/> differ from <paramref name="before"/>.</summary>
    public async Task AssertUnchangedAsync(Guid city, IReadOnlyDictionary<string, string> before, string what)
    {
        var after = await ChecksumsAsync(city);
        var changed = before.Keys.Where(t => after.GetValueOrDefault(t) != before[t]).ToList();
        Assert.True(changed.Count == 0, $"{what} changed city {city}'s rows in: {string.Join(", ", changed)}");
    }

    private static async Task<IEnumerable<string>> CityIdsAsync(NpgsqlConnection owner, Guid city)
    {
        var tables = await owner.QueryAsync<string>(
            """
            SELECT c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'city_id' AND NOT a.attisdropped
              JOIN pg_attribute i ON i.attrelid = c.oid AND i.attname = 'id' AND i.atttypid = 'uuid'::regtype AND NOT i.attisdropped
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            """
        );
        var ids = new List<string>();
        foreach (var table in tables)
            ids.AddRange(await owner.QueryAsync<string>($"SELECT id::text FROM \"{table}\" WHERE city_id = @city", new { city }));
        return ids;
    }

    public async Task<JsonNode> CommittedOpenApiAsync()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Participation.sln")))
            dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Participation.sln not found"), "openapi.json");
        return JsonNode.Parse(await File.ReadAllTextAsync(path))!;
    }
}
