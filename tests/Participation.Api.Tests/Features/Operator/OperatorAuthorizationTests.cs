using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Operator;

/// <summary>
/// Who may use the vendor's console (issue 19): operators everything, support staff the reads, nobody else anything; a
/// city person's token is worth nothing there, and an operator's token nothing in a city.
/// </summary>
public sealed class OperatorAuthorizationTests(OperatorApiFactory api) : IClassFixture<OperatorApiFactory>
{
    public static readonly string[] Actors = ["anonymous", "city_admin", "support", "operator"];

    public static readonly string[] Actions =
    [
        "me",
        "list",
        "get",
        "create",
        "domains",
        "suspend",
        "reactivate",
        "archive",
        "audit",
        "people",
        "add_person",
        "role",
        "disable",
        "enable",
        "set_password",
        "my_password",
        "resend_invitation",
        "revoke_invitation",
        "lookup_invitation",
        "accept_invitation",
    ];

    private const string People =
        "SELECT string_agg(id || role || coalesce(disabled_at::text, '') || coalesce(password_hash, '') || credentials_version, ',' "
        + "ORDER BY id) || (SELECT count(*) FROM operator_invitations) FROM operators";

    private static readonly string[] Reads = ["me", "list", "get"];

    public static TheoryData<string, string, int> Matrix =>
        AuthorizationMatrix.Build(Actors, Actions, (actor, action) => (actor, action) switch
            {
                // The invitation's page: anonymous (the token is the proof), for everyone; the empty form is refused.
                (_, "lookup_invitation" or "accept_invitation") => 400,
                ("anonymous" or "city_admin", _) => 401,
                ("support", "my_password") => 400, // everyone changes their own password: the empty form is refused
                ("support", _) when !Reads.Contains(action) => 403,
                (_, "me" or "list" or "audit" or "people") => 200,
                // Past authorization: the empty form is refused, nothing written.
                (_, "create" or "add_person" or "set_password" or "my_password") => 400,
                _ => 404, // past authorization: no such city or person
            });

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_actor_gets_what_the_console_allows(string actor, string action, int expected)
    {
        var client = actor switch
        {
            "anonymous" => api.On(),
            "city_admin" => await api.CityAdminAsync(),
            "support" => await api.ConsoleAsync(OperatorApiFactory.SupportEmail),
            _ => await api.ConsoleAsync(OperatorApiFactory.OperatorEmail),
        };
        var city = Guid.NewGuid();
        var cities = await api.CountAsync("cities");
        var people = await api.ScalarAsync<string>(People);

        var response = action switch
        {
            "me" => await client.GetAsync("/api/v1/operator/me"),
            "list" => await client.GetAsync("/api/v1/operator/cities"),
            "get" => await client.GetAsync($"/api/v1/operator/cities/{city}"),
            "create" => await client.PostAsync("/api/v1/operator/cities", Http.Json("{}")),
            "domains" => await client.PutAsync($"/api/v1/operator/cities/{city}/domains", Http.Json("""{"domains":["x.test"]}""")),
            "suspend" => await client.PostAsync($"/api/v1/operator/cities/{city}/suspend", null),
            "reactivate" => await client.PostAsync($"/api/v1/operator/cities/{city}/reactivate", null),
            "archive" => await client.PostAsync($"/api/v1/operator/cities/{city}/archive", null),
            "audit" => await client.GetAsync("/api/v1/operator/audit"),
            "people" => await client.GetAsync("/api/v1/operator/operators"),
            "add_person" => await client.PostAsync("/api/v1/operator/operators", Http.Json("{}")),
            "role" => await client.PutAsync($"/api/v1/operator/operators/{city}/role", Http.Json("""{"role":"support"}""")),
            "disable" => await client.PostAsync($"/api/v1/operator/operators/{city}/disable", null),
            "enable" => await client.PostAsync($"/api/v1/operator/operators/{city}/enable", null),
            "set_password" => await client.PostAsync($"/api/v1/operator/operators/{city}/password", Http.Json("{}")),
            "my_password" => await client.PostAsync("/api/v1/operator/me/password", Http.Json("{}")),
            "resend_invitation" => await client.PostAsync($"/api/v1/operator/operators/{city}/invitation", null),
            "revoke_invitation" => await client.DeleteAsync($"/api/v1/operator/operators/{city}/invitation"),
            "lookup_invitation" => await client.PostAsync("/api/v1/operator/invitations/lookup", Http.Json("{}")),
            _ => await client.PostAsync("/api/v1/operator/invitations/accept", Http.Json("{}")),
        };

        if (expected == 200)
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        else
            await response.AssertProblemAsync((HttpStatusCode)expected);
        Assert.Equal(cities, await api.CountAsync("cities"));
        Assert.Equal(people, await api.ScalarAsync<string>(People));
    }

    [Fact]
    public async Task An_operator_token_is_refused_by_the_city_and_a_city_token_by_the_console()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var admin = await api.CityAdminAsync();

        var operatorInCity = await console.GetAsync("/api/v1/me");
        var operatorOnCityAdmin = await console.GetAsync("/api/v1/audit-log");
        var adminInConsole = await admin.GetAsync("/api/v1/operator/cities");

        await operatorInCity.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await operatorOnCityAdmin.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await adminInConsole.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Operators_sign_in_on_any_host_a_wrong_password_or_a_disabled_account_is_a_401()
    {
        var onUnknownHost = await api.On("nowhere.test")
            .PostJsonAsync("/api/v1/operator/auth/login", new { email = OperatorApiFactory.SupportEmail, password = ApiFactory.Password });
        var wrong = await api.On()
            .PostJsonAsync("/api/v1/operator/auth/login", new { email = OperatorApiFactory.OperatorEmail, password = "wrong password!!" });
        var cityPerson = await api.On()
            .PostJsonAsync("/api/v1/operator/auth/login", new { email = api.CityAdmin.Email, password = ApiFactory.Password });

        Assert.True(onUnknownHost.StatusCode == HttpStatusCode.OK, await onUnknownHost.Content.ReadAsStringAsync());
        var session = await onUnknownHost.ReadJsonAsync();
        Assert.Equal("support", session["operator"]!["role"]!.GetValue<string>());
        Assert.Equal("Bearer", session["tokenType"]!.GetValue<string>());
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await cityPerson.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var me = await (await api.ConsoleAsync(OperatorApiFactory.OperatorEmail, "nowhere.test")).GetAsync("/api/v1/operator/me");
        Assert.Equal(OperatorApiFactory.OperatorEmail, (await me.ReadJsonAsync())["email"]!.GetValue<string>());
    }
}
