using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Onboarding;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of onboarding: everyone signed in reads their own onboarding (residents get
/// none) and puts away the checklist of a role they hold (another role: 404); P1's setup checklist is read and answered by
/// P1's staff (moderator_p1, head_d1, admin) only; anonymous callers get 401, API clients 403; a refusal writes nothing.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class OnboardingAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions = ["get_onboarding", "dismiss", "get_setup", "save_setup"];

    private static string RoleOf(string actor) =>
        actor switch
        {
            "moderator_p1" or "moderator_p2" => "project_moderator",
            "head_d1" or "head_d2" => "department_head",
            "communication_manager" or "it_manager" or "elected_official" or "admin" => actor,
            _ => "admin", // residents hold no staff role
        };

    private static int Expected(string actor, string action) =>
        actor switch
        {
            "anonymous" => 401,
            "api_client" => 403,
            _ => action switch
            {
                "get_onboarding" => 200,
                "dismiss" => actor is "resident_a" or "resident_b" ? 404 : 200,
                _ => actor is "moderator_p1" or "head_d1" or "admin" ? 200 : 403,
            },
        };

    public static TheoryData<string, string, int> Matrix() =>
        AuthorizationMatrix.Build([.. AuthorizationMatrix.Actors, "api_client"], Actions, Expected);

    private const string State = """
        SELECT (SELECT count(*) FROM onboarding_dismissals) || '/'
               || coalesce((SELECT string_agg(row_to_json(s)::text, ',') FROM project_setups s), '-') || '/'
               || (SELECT count(*) FROM events WHERE type = 'project.setup_edited')
        """;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_read_their_onboarding_and_answer_a_project_s_setup(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var client =
            actor == "api_client"
                ? await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("projects:read", "ideas:read"))
                : await c.ClientAsync(actor);
        var before = await Api.ScalarAsync<string>(State);

        var response = action switch
        {
            "get_onboarding" => await client.GetAsync("/api/v1/me/onboarding"),
            "dismiss" => await client.PutAsJsonAsync("/api/v1/me/onboarding/dismissal", new { role = RoleOf(actor), dismissed = true }),
            "get_setup" => await client.GetAsync($"/api/v1/projects/{c.P1}/setup"),
            "save_setup" => await client.PutAsJsonAsync($"/api/v1/projects/{c.P1}/setup", ProjectSetupTests.Body(0)),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(before, await Api.ScalarAsync<string>(State));
        }
    }
}
