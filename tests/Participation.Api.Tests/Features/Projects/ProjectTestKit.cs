using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Projects;

/// <summary>A small city: two departments, their heads, an admin, and helpers to make projects and phases.</summary>
internal sealed class City
{
    public required HttpClient Admin { get; init; }
    public required Guid D1 { get; init; }
    public required Guid D2 { get; init; }
    public required TestUser Head1 { get; init; }
    public required TestUser Head2 { get; init; }

    public static async Task<City> CreateAsync(ApiFactory api)
    {
        var admin = api.ClientFor((await api.CreateUserAsync(role: "admin")).Id);
        async Task<Guid> Department(string name) =>
            (await (await admin.PostJsonAsync("/api/v1/departments", new { name = new { fr = name } })).ReadJsonAsync())[
                "id"
            ]!.GetValue<Guid>();
        var d1 = await Department("Espaces verts");
        var d2 = await Department("Culture");
        async Task<TestUser> Head(Guid department)
        {
            var head = await api.CreateUserAsync();
            Assert.Equal(
                HttpStatusCode.OK,
                (
                    await admin.PutAsJsonAsync(
                        $"/api/v1/users/{head.Id}/roles",
                        new
                        {
                            role = "department_head",
                            scopeType = "department",
                            scopeId = department,
                        }
                    )
                ).StatusCode
            );
            return head;
        }
        return new City
        {
            Admin = admin,
            D1 = d1,
            D2 = d2,
            Head1 = await Head(d1),
            Head2 = await Head(d2),
        };
    }

    public static async Task<HttpClient> As(ApiFactory api, TestUser user) =>
        api.ClientFor(user.Id, await api.ScalarAsync<int>("SELECT role_version FROM users WHERE id = @Id", new { user.Id }));

    public async Task<Guid> ProjectAsync(HttpClient client, Guid department, string title = "Parc du centre", string status = "draft")
    {
        var response = await client.PostJsonAsync(
            "/api/v1/projects",
            new
            {
                departmentId = department,
                title = new { fr = title, nl = title + " (nl)" },
                summary = new { fr = "Réaménager le parc" },
                description = new { fr = "<p>Bonjour <strong>à tous</strong></p>" },
                topics = new[] { "Nature", "parc" },
            }
        );
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
        if (status != "draft")
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/v1/projects/{id}/status", new { status })).StatusCode);
        return id;
    }

    public static object Phase(string method, DateTimeOffset starts, DateTimeOffset? ends, object? settings = null) =>
        new
        {
            title = new { fr = $"Phase {method}" },
            startsAt = starts,
            endsAt = ends,
            method,
            settings,
        };
}
