using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Replica;

/// <summary>
/// A published project in its ideation phase, an author (a client keeping cookies, as a browser), a visitor, and the admin
/// who set it up.
/// </summary>
internal sealed class ReplicaCity
{
    public required Guid Project { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Author { get; init; }
    public required HttpClient Visitor { get; init; }

    public static async Task<ReplicaCity> CreateAsync(ApiProcess api, string database)
    {
        Guid admin = Guid.CreateVersion7(),
            author = Guid.CreateVersion7();
        await using (
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString)
        )
            await connection.ExecuteAsync(
                """
                INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
                VALUES (@admin, @adminEmail, 'x', 'Ada', 'Admin', now()), (@author, @authorEmail, 'x', 'Alice', 'Martin', now());
                INSERT INTO user_roles (id, user_id, role, scope_type) VALUES (gen_random_uuid(), @admin, 'admin', 'platform');
                INSERT INTO topics (id, name, sort_order) VALUES (gen_random_uuid(), '{"fr": "parc"}', 1);
                """,
                new
                {
                    admin,
                    author,
                    adminEmail = $"admin-{admin:N}@example.org",
                    authorEmail = $"author-{author:N}@example.org",
                }
            );
        var adminClient = await ClientAsync(api, database, admin);
        var department = await IdOf(await adminClient.PostAsJsonAsync("/api/v1/departments", new { name = new { fr = "Espaces verts" } }));
        var project = await IdOf(
            await adminClient.PostAsJsonAsync(
                "/api/v1/projects",
                new
                {
                    departmentId = department,
                    title = new { fr = "Parc du centre" },
                    summary = new { fr = "Réaménager le parc" },
                    description = new { fr = "<p>Bonjour</p>" },
                    topics = new[] { "parc" },
                }
            )
        );
        Ok(await adminClient.PostAsJsonAsync($"/api/v1/projects/{project}/status", new { status = "published" }));
        var now = DateTimeOffset.UtcNow;
        await IdOf(
            await adminClient.PostAsJsonAsync(
                $"/api/v1/projects/{project}/phases",
                new
                {
                    title = new { fr = "Idées" },
                    startsAt = now.AddDays(-1),
                    endsAt = now.AddDays(30),
                    method = "ideation",
                }
            )
        );
        return new ReplicaCity
        {
            Project = project,
            Admin = adminClient,
            Author = await ClientAsync(api, database, author),
            Visitor = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = api.BaseAddress },
        };
    }

    /// <summary>The author submits an idea; its id and the read-after position the answer carried.</summary>
    public async Task<(Guid Id, string? ReadAfter)> SubmitIdeaAsync(string title)
    {
        var response = await Author.PostAsJsonAsync(
            $"/api/v1/projects/{Project}/ideas",
            new
            {
                title,
                body = "<p>Des bancs à l'ombre près de l'étang.</p>",
                topics = new[] { "parc" },
            }
        );
        var readAfter = response.Headers.TryGetValues("Participation-Read-After", out var values) ? values.Single() : null;
        return (await IdOf(response), readAfter);
    }

    /// <summary>The ids of the project's public ideas as <paramref name="client"/> reads them (asserting a 200).</summary>
    public async Task<IReadOnlyList<Guid>> IdeasAsync(HttpClient client)
    {
        using var response = await client.GetAsync($"/api/v1/projects/{Project}/ideas?sort=newest&limit=50");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
    }

    private static async Task<HttpClient> ClientAsync(ApiProcess api, string database, Guid user)
    {
        int version;
        await using (
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString)
        )
            version = await connection.ExecuteScalarAsync<int>("SELECT role_version FROM users WHERE id = @user", new { user });
        var tokens = new AccessTokens(Options.Create(new AuthOptions { SigningKey = ApiProcess.SigningKey }), TimeProvider.System);
        var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(user, version).Token);
        return client;
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
}
