using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Users;

public sealed class ListUsersTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task An_admin_pages_through_all_users_alphabetically_with_emails_and_roles()
    {
        var admin = await Api.CreateUserAsync(firstName: "Amélie", lastName: "Dubois", role: "admin");
        for (var i = 0; i < 25; i++)
            await Api.CreateUserAsync(firstName: $"P{i:00}", lastName: $"Name{i:00}");
        var client = Api.ClientFor(admin.Id);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (
                await client.GetAsync($"/api/v1/users?limit=10{(cursor is null ? "" : $"&cursor={cursor}")}")
            ).ReadJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(u => u!["lastName"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(26, seen.Count);
        Assert.Equal(seen.OrderBy(s => s.ToLowerInvariant(), StringComparer.Ordinal), seen);
        var first = await (await client.GetAsync("/api/v1/users?limit=1")).ReadJsonAsync();
        Assert.Equal("admin", first["items"]![0]!["roles"]![0]!["role"]!.GetValue<string>());
        Assert.Contains("@example.org", first["items"]![0]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_matches_names_in_either_order_and_emails_and_filters_by_role()
    {
        var admin = await Api.CreateUserAsync(firstName: "Amélie", lastName: "Dubois", role: "admin");
        await Api.CreateUserAsync(email: "marie.curie@example.org", firstName: "Marie", lastName: "Curie");
        await Api.CreateUserAsync(email: "it@example.org", firstName: "Sofie", lastName: "Peeters", role: "it_manager");
        var client = Api.ClientFor(admin.Id);

        async Task<string[]> Names(string query) =>
            (await (await client.GetAsync($"/api/v1/users?{query}")).ReadJsonAsync())["items"]!
                .AsArray()
                .Select(u => u!["lastName"]!.GetValue<string>())
                .ToArray();

        Assert.Equal(["Curie"], await Names("search=marie%20curie"));
        Assert.Equal(["Curie"], await Names("search=Curie%20Marie"));
        Assert.Equal(["Peeters"], await Names("search=it%40example"));
        Assert.Equal(["Peeters"], await Names("role=it_manager"));
        Assert.Empty(await Names("search=%25"));
        Assert.Empty(await Names("search=nobody"));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=-1")]
    [InlineData("limit=abc")]
    [InlineData("cursor=garbage!!")]
    [InlineData("cursor=eyJMIjoxfQ")]
    [InlineData("role=mayor")]
    [InlineData("role=admin'%20OR%201=1--")]
    public async Task Bad_paging_or_filter_parameters_are_400(string query)
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var response = await Api.ClientFor(admin.Id).GetAsync($"/api/v1/users?{query}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Residents_and_staff_other_than_admins_cannot_list_users()
    {
        foreach (var role in new string?[] { null, "communication_manager", "it_manager", "elected_official" })
        {
            var user = await Api.CreateUserAsync(role: role);
            await (await Api.ClientFor(user.Id).GetAsync("/api/v1/users")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await Api.CreateClient().GetAsync("/api/v1/users")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class SearchPeopleTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Department_heads_find_people_by_name_or_exact_email_and_never_see_addresses()
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var department = (await (await admin.PostJsonAsync("/api/v1/departments", new { name = new { fr = "Culture" } })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();
        var head = await Api.CreateUserAsync();
        await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(
            admin,
            $"/api/v1/users/{head.Id}/roles",
            new
            {
                role = "department_head",
                scopeType = "department",
                scopeId = department,
            }
        );
        var headClient = Api.ClientFor(head.Id, 2);
        var thomas = await Api.CreateUserAsync(email: "thomas.claes@example.org", firstName: "Thomas", lastName: "Claes");

        var byName = await (await headClient.GetAsync("/api/v1/users/search?q=claes")).Content.ReadAsStringAsync();
        var byEmail = await (await headClient.GetAsync("/api/v1/users/search?q=Thomas.Claes@example.org")).ReadJsonAsync();
        var byPartialEmail = await (await headClient.GetAsync("/api/v1/users/search?q=example.org")).ReadJsonAsync();

        Assert.Contains(thomas.Id.ToString(), byName);
        Assert.DoesNotContain("@", byName);
        Assert.Equal(thomas.Id, byEmail["items"]![0]!["id"]!.GetValue<Guid>());
        Assert.Empty(byPartialEmail["items"]!.AsArray());
        await (await headClient.GetAsync("/api/v1/users/search?q=a")).AssertFieldErrorsAsync("q");
        await (await Api.ClientFor((await Api.CreateUserAsync()).Id).GetAsync("/api/v1/users/search?q=claes")).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (
            await Api.ClientFor((await Api.CreateUserAsync(role: "elected_official")).Id).GetAsync("/api/v1/users/search?q=claes")
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
