using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Support;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of support with consent: granting, listing and revoking support access are the
/// admins'; the contact-support form and the list of requests are every staff member's; residents get 403, visitors 401.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class SupportAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions = ["grant", "list_grants", "revoke", "send_request", "list_requests"];

    private static int Expected(string actor, string action) =>
        (actor, action) switch
        {
            ("anonymous", _) => 401,
            ("resident_a" or "resident_b", _) => 403,
            (_, "send_request") => 201,
            (_, "list_requests") => 200,
            ("admin", "revoke") => 204,
            ("admin", _) => 200,
            _ => 403,
        };

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_grant_support_access_and_write_to_support(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var grant = (await (await c.Admin.PostJsonAsync("/api/v1/support/grants", new { hours = 3 })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();
        var client = await c.ClientAsync(actor);
        const string state = """
            SELECT coalesce(string_agg(row_to_json(x)::text, ',' ORDER BY x.id), '') FROM support_grants x;
            """;
        var before = await Api.ScalarAsync<string>(state);
        var requests = await Api.CountAsync("support_requests");

        var response = action switch
        {
            "grant" => await client.PostJsonAsync("/api/v1/support/grants", new { hours = 5 }),
            "list_grants" => await client.GetAsync("/api/v1/support/grants"),
            "revoke" => await client.DeleteAsync($"/api/v1/support/grants/{grant}"),
            "send_request" => await client.PostJsonAsync("/api/v1/support/requests", new { subject = "Aide", message = "Bonjour" }),
            "list_requests" => await client.GetAsync("/api/v1/support/requests"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(before, await Api.ScalarAsync<string>(state));
            Assert.Equal(requests, await Api.CountAsync("support_requests"));
        }
    }
}
