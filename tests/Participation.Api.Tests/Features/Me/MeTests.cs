using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Me;

public sealed class MeTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Me_shows_my_own_email_confirmation_state_and_roles()
    {
        var user = await Api.CreateUserAsync(email: "elu@example.org", confirmed: false, role: "elected_official");

        var response = await Api.ClientFor(user.Id).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.ReadJsonAsync();
        Assert.Equal("elu@example.org", me["email"]!.GetValue<string>());
        Assert.False(me["emailConfirmed"]!.GetValue<bool>());
        Assert.Equal("fr", me["locale"]!.GetValue<string>());
        var role = Assert.Single(me["roles"]!.AsArray());
        Assert.Equal("elected_official", role!["role"]!.GetValue<string>());
        Assert.Equal("platform", role["scopeType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Me_requires_a_signed_in_user()
    {
        await (await Api.CreateClient().GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_an_account_that_no_longer_exists_is_refused()
    {
        await (await Api.ClientFor(Guid.NewGuid()).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Patching_changes_only_the_given_fields_and_returns_the_profile()
    {
        var user = await Api.CreateUserAsync(firstName: "Alice", lastName: "Martin");
        var client = Api.ClientFor(user.Id);

        var response = await client.PatchAsync("/api/v1/me", Http.Json("""{"firstName":"  Alicia ","locale":"en"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.ReadJsonAsync();
        Assert.Equal("Alicia", me["firstName"]!.GetValue<string>());
        Assert.Equal("Martin", me["lastName"]!.GetValue<string>());
        Assert.Equal("en", me["locale"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patching_with_invalid_values_changes_nothing()
    {
        var user = await Api.CreateUserAsync(firstName: "Alice");

        var response = await Api.ClientFor(user.Id)
            .PatchAsync("/api/v1/me", Http.Json("""{"firstName":"","lastName":"   ","locale":"de"}"""));

        await response.AssertFieldErrorsAsync("firstName", "lastName", "locale");
        Assert.Equal("Alice", await Api.ScalarAsync<string>("SELECT first_name FROM users"));
    }

    [Theory]
    [InlineData("email", "\"evil@example.org\"")]
    [InlineData("roles", """[{"role":"admin","scopeType":"platform"}]""")]
    [InlineData("emailConfirmed", "true")]
    [InlineData("id", "\"00000000-0000-0000-0000-000000000000\"")]
    public async Task Patching_cannot_change_email_roles_or_confirmation(string field, string value)
    {
        var user = await Api.CreateUserAsync(email: "alice@example.org", confirmed: false);

        var response = await Api.ClientFor(user.Id).PatchAsync("/api/v1/me", Http.Json($$"""{"firstName":"Eve","{{field}}":{{value}}}"""));

        // Fields the caller may not set are refused by name (unknown to the request), never applied; nor is the rest.
        await response.AssertFieldErrorsAsync(field);
        Assert.Equal("Alice", await Api.ScalarAsync<string>("SELECT first_name FROM users"));
        Assert.Equal("alice@example.org", await Api.ScalarAsync<string>("SELECT email FROM users"));
        Assert.Equal(0, await Api.CountAsync("user_roles"));
        Assert.False(await Api.ScalarAsync<bool>("SELECT email_confirmed_at IS NOT NULL FROM users"));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_ends_other_sessions_and_keeps_this_one()
    {
        var user = await Api.CreateUserAsync(email: "alice@example.org");
        var anonymous = Api.CreateClient();
        var session = await (
            await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = ApiFactory.Password })
        ).ReadJsonAsync();
        var client = Api.ClientFor(user.Id);

        var wrong = await client.PostJsonAsync(
            "/api/v1/me/password",
            new { currentPassword = "not my password", newPassword = "a brand new password" }
        );
        var right = await client.PostJsonAsync(
            "/api/v1/me/password",
            new { currentPassword = ApiFactory.Password, newPassword = "a brand new password" }
        );

        await wrong.AssertFieldErrorsAsync("currentPassword");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var fresh = await right.ReadJsonAsync();
        await (
            await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = session["refreshToken"]!.GetValue<string>() })
        ).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = fresh["refreshToken"]!.GetValue<string>() })
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "a brand new password" })).StatusCode
        );
    }

    [Fact]
    public async Task A_weak_new_password_is_refused()
    {
        var user = await Api.CreateUserAsync();
        var response = await Api.ClientFor(user.Id)
            .PostJsonAsync("/api/v1/me/password", new { currentPassword = ApiFactory.Password, newPassword = "short" });
        await response.AssertFieldErrorsAsync("newPassword");
    }
}
