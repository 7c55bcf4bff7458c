using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Database;
using Respawn;
using Testcontainers.PostgreSql;

namespace Participation.Api.Tests.Infrastructure;

/// <summary>
/// The API in-process against a real PostgreSQL. The server comes from TEST_DATABASE_URL (or
/// ConnectionStrings__Participation / DATABASE_URL), as `make test` provides; without one, from a
/// Testcontainers PostgreSQL when a Docker engine answers. Each run gets its own fresh database.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-0123456789-abcdef";
    public const string Password = "correct horse battery staple";

    private static readonly SemaphoreSlim ServerLock = new(1, 1);
    private static string? _serverConnection;
    private static PostgreSqlContainer? _container;

    private Respawner? _respawner;
    private readonly Dictionary<string, string?> _settings = new();

    public string ConnectionString { get; protected set; } = "";

    /// <summary>Every /api/v1 response checked against openapi.json; see <see cref="ContractCheck"/>.</summary>
    public ContractCheck Contract { get; } = new();

    /// <summary>The errors the API logged, shown with the responses a test finds outside the contract (e.g. a 500).</summary>
    public ServerErrorLog ServerErrors { get; } = new();
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "participation-tests-mail", Guid.NewGuid().ToString("N"));
    public string StorageDirectory { get; } = Path.Combine(Path.GetTempPath(), "participation-tests-files", Guid.NewGuid().ToString("N"));

    /// <summary>Host names for webhook URLs, answered without any DNS server (see <see cref="FakeResolver"/>).</summary>
    public FakeResolver Resolver { get; } = new();

    /// <summary>Every connection the webhooks' outbound handler attempts; loopback only, anything else throws.</summary>
    public ConnectionSpy Connections { get; } = new();
    protected virtual string DatabaseName =>
        "participation_tests_" + GetType().Name.ToLowerInvariant() + (_instanceSuffix ??= InstanceSuffix());

    // One database per instance: the API collections (ApiCollection) each get their own ApiFactory.
    private static readonly ConcurrentDictionary<Type, int> Instances = new();
    private string? _instanceSuffix;

    private string InstanceSuffix()
    {
        var n = Instances.AddOrUpdate(GetType(), 1, (_, count) => count + 1);
        return n == 1 ? "" : $"_{n}";
    }

    /// <summary>Extra configuration for derived factories (rate limits, SMTP...).</summary>
    protected void Set(string key, string? value) => _settings[key] = value;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync(DatabaseName);
        _ = Services; // starts the app: runs the migrations
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(
            connection,
            new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore = ["schemaversions", "platform_settings", "cities"],
            }
        );
        await SeedTopicsAsync(connection); // a factory whose tests do not reset (e.g. one with its own rate limits) has them too
    }

    // Every test city starts with the topics its tests tag content with (admins' list since migration 0023).
    private static Task SeedTopicsAsync(NpgsqlConnection connection) =>
        connection.ExecuteAsync(
            """
            INSERT INTO topics (id, name, sort_order)
            SELECT gen_random_uuid(), jsonb_build_object('fr', n), o::integer
              FROM unnest(ARRAY['arbres', 'culture', 'mobilier', 'mobilité', 'nature', 'parc', 'tables', 'vélo'])
                   WITH ORDINALITY AS t (n, o);
            """
        );

    /// <summary>Creates (or recreates) an empty database on the test server and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var server = await ServerConnectionAsync();
        // CREATE DATABASE copies the template and checkpoints: on a loaded 2-core machine it can take longer than Npgsql's
        // default 30 s command timeout.
        var admin = new NpgsqlConnectionStringBuilder(server)
        {
            Database = "postgres",
            Pooling = false,
            CommandTimeout = 300,
        };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await connection.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }
        // The tests' own connections (the owner's) write as the default city, as a single-city install does; the API's
        // connections take their city and role on top (CityDataSources).
        return new NpgsqlConnectionStringBuilder(server)
        {
            Database = name,
            Options = $"-c participation.city_id={Participation.Api.Infrastructure.Database.CityScope.DefaultCity:D}",
        }.ConnectionString;
    }

    private static async Task<string> ServerConnectionAsync()
    {
        await ServerLock.WaitAsync();
        try
        {
            if (_serverConnection is not null)
                return _serverConnection;
            var configured = new[] { "TEST_DATABASE_URL", "ConnectionStrings__Participation", "DATABASE_URL" }
                .Select(Environment.GetEnvironmentVariable)
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            if (configured is null)
            {
                _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                try
                {
                    await _container.StartAsync();
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException(
                        "No PostgreSQL for the tests: run `make test` (it starts a local cluster), set TEST_DATABASE_URL, "
                            + "or start a Docker engine.",
                        ex
                    );
                }
                configured = _container.GetConnectionString();
            }
            return _serverConnection = ConnectionStrings.FromUrl(configured);
        }
        finally
        {
            ServerLock.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Participation", ConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Email:SenderEnabled", "false");
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Storage:Root", StorageDirectory);
        builder.UseSetting("Email:AppBaseUrl", "https://participation.example");
        builder.UseSetting("RateLimits:AuthPermits", "100000");
        builder.UseSetting("RateLimits:WritePermits", "100000");
        builder.UseSetting("RateLimits:FlagPermits", "100000");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Invitations:RemindersEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        // Webhooks: the test receiver listens on loopback (allowed here only) over http; a short retry schedule.
        builder.UseSetting("Webhooks:AllowedNetworks:0", "127.0.0.0/8");
        builder.UseSetting("Webhooks:AllowInsecureHttp", "true");
        builder.UseSetting("Webhooks:RetryScheduleSeconds:0", "10");
        builder.UseSetting("Webhooks:RetryScheduleSeconds:1", "100");
        builder.UseSetting("Webhooks:RetryScheduleSeconds:2", "1000");
        builder.UseSetting("Webhooks:DisableAfterFailures", "6");
        builder.UseSetting("Webhooks:DisableAfterFailingMinutes", "0");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ContractCheck.StartupFilter(Contract));
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(ServerErrors);
            services.AddSingleton<Participation.Api.Infrastructure.Security.IHostResolver>(Resolver);
            services.AddSingleton<Participation.Api.Infrastructure.Security.IOutboundConnector>(Connections);
        });
    }

    /// <summary>Fails with every response received since the last check that the contract does not describe.</summary>
    public void AssertResponsesMatchContract()
    {
        var violations = Contract.Take();
        var errors = ServerErrors.Take();
        if (violations.Count > 0)
            throw new Xunit.Sdk.XunitException(
                $"{violations.Count} response(s) do not match openapi.json:\n- "
                    + string.Join("\n- ", violations)
                    + (errors.Count > 0 ? "\nErrors the API logged:\n" + string.Join("\n", errors) : "")
            );
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // Kept by the reset (its single row comes from a migration): put its defaults back first, so that nothing it points to
        // (an admin, its logo) holds the reset up.
        await connection.ExecuteAsync(
            """
            UPDATE platform_settings
               SET name = 'Participation', languages = ARRAY['fr', 'nl', 'en'], default_language = 'fr', version = 1,
                   primary_colour = '#1d4e89', text_on_primary_colour = '#ffffff', logo_key = NULL, favicon_key = NULL,
                   map_latitude = NULL, map_longitude = NULL, map_zoom = NULL, map_tile_url = NULL, map_attribution = NULL,
                   contact_email = NULL, legal_name = NULL, legal_address = NULL, email_from_name = NULL,
                   email_from_address = NULL, inactive_account_retention_months = NULL, updated_by = NULL
            """
        );
        await _respawner!.ResetAsync(connection);
        // The standard pages come from a migration: put them back as a new platform has them.
        await connection.ExecuteAsync("SELECT seed_standard_pages();");
        // The first version of the terms of use comes from a migration too (0035).
        await connection.ExecuteAsync("INSERT INTO terms_versions (version) VALUES ('1') ON CONFLICT DO NOTHING;");
        await SeedTopicsAsync(connection);
        if (Directory.Exists(StorageDirectory))
            Directory.Delete(StorageDirectory, recursive: true);
        Services.GetRequiredService<Participation.Api.Features.Platform.PlatformSettingsStore>().Invalidate();
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Sends a mediator message through the real pipeline, in a fresh scope.</summary>
    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    /// <summary>A client authenticated as the user with a real JWT minted with the test key.</summary>
    public HttpClient ClientFor(Guid userId, int roleVersion = 1)
    {
        var client = CreateClient();
        var (token, _) = Services.GetRequiredService<AccessTokens>().Issue(userId, roleVersion);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<TestUser> CreateUserAsync(
        string? email = null,
        bool confirmed = true,
        string firstName = "Alice",
        string lastName = "Martin",
        string? role = null
    )
    {
        var user = new TestUser(Guid.CreateVersion7(), email ?? $"user-{Guid.NewGuid():N}@example.org", firstName, lastName);
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
            VALUES (@Id, @Email, @Hash, @FirstName, @LastName, CASE WHEN @Confirmed THEN now() END);
            INSERT INTO user_roles (id, user_id, role, scope_type)
            SELECT gen_random_uuid(), @Id, @Role, 'platform' WHERE @Role IS NOT NULL;
            """,
            new
            {
                user.Id,
                user.Email,
                Hash = TestPasswords.Hash,
                user.FirstName,
                user.LastName,
                Confirmed = confirmed,
                Role = role,
            }
        );
        return user;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        AssertResponsesMatchContract(); // what tests outside ApiTest (class fixtures) received
        if (Directory.Exists(MailDirectory))
            Directory.Delete(MailDirectory, recursive: true);
        if (Directory.Exists(StorageDirectory))
            Directory.Delete(StorageDirectory, recursive: true);
    }
}

public sealed record TestUser(Guid Id, string Email, string FirstName, string LastName);

/// <summary>Hashing is deliberately slow; hash the shared test password once.</summary>
public static class TestPasswords
{
    public static readonly string Hash = Passwords.Hash(ApiFactory.Password);
}

/// <summary>
/// The API tests run in three collections, each with its own API and database (an <see cref="ApiFactory"/> per collection),
/// so three run at a time: tests inside a collection run one after another on an emptied database. A test class is in
/// <see cref="Name"/> unless it names <see cref="B"/> or <see cref="C"/> (chosen by feature folder to balance them).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
    public const string B = "api-b";
    public const string C = "api-c";

    /// <summary>
    /// Tests that measure the process (memory held after a full collection): run alone, after the parallel collections,
    /// since other collections' allocations in the same process would count as theirs.
    /// </summary>
    public const string Alone = "api-alone";
}

/// <summary>The second collection of API tests (see <see cref="ApiCollection"/>).</summary>
[CollectionDefinition(ApiCollection.B)]
public sealed class ApiCollectionB : ICollectionFixture<ApiFactory>;

/// <summary>The third collection of API tests (see <see cref="ApiCollection"/>).</summary>
[CollectionDefinition(ApiCollection.C)]
public sealed class ApiCollectionC : ICollectionFixture<ApiFactory>;

/// <summary>The collection that runs alone (see <see cref="ApiCollection.Alone"/>).</summary>
[CollectionDefinition(ApiCollection.Alone, DisableParallelization = true)]
public sealed class ApiCollectionAlone : ICollectionFixture<ApiFactory>;

/// <summary>Base for tests sharing the API: the database is emptied before each test.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFactory api) : IAsyncLifetime
{
    protected ApiFactory Api { get; } = api;

    public Task InitializeAsync()
    {
        Api.Contract.Take(); // only this test's responses count against it
        return Api.ResetAsync();
    }

    public Task DisposeAsync()
    {
        Api.AssertResponsesMatchContract();
        return Task.CompletedTask;
    }
}
