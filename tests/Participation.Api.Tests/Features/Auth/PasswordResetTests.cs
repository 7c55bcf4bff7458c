using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Auth;

public sealed class PasswordResetTests(ApiFactory api) : ApiTest(api)
{
    private const string NewPassword = "a brand new password";

    [Fact]
    public async Task An_unknown_address_gets_the_same_202_and_no_email()
    {
        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/password-reset", new { email = "nobody@example.org" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, await Api.CountAsync("email_outbox"));
    }

    [Fact]
    public async Task A_malformed_address_is_a_validation_error()
    {
        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/password-reset", new { email = "nope" });
        await response.AssertFieldErrorsAsync("email");
    }

    [Fact]
    public async Task A_known_address_gets_one_link_per_20_seconds()
    {
        await Api.CreateUserAsync(email: "alice@example.org");
        var client = Api.CreateClient();

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 5).Select(_ => client.PostJsonAsync("/api/v1/auth/password-reset", new { email = "ALICE@example.org" }))
        );

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var mail = Assert.Single(await Api.OutboxAsync("alice@example.org"));
        Assert.Equal("account_password_reset", mail.Category);
    }

    [Fact]
    public async Task The_link_sets_a_new_password_ends_every_session_and_works_once()
    {
        var user = await Api.CreateUserAsync(email: "alice@example.org", confirmed: false);
        var client = Api.CreateClient();
        var session = await (
            await client.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = ApiFactory.Password })
        ).ReadJsonAsync();
        await client.PostJsonAsync("/api/v1/auth/password-reset", new { email = user.Email });
        var token = await Api.TokenFromLastEmailAsync(user.Email, "reset-password");

        var reset = await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = NewPassword });
        var again = await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "yet another password" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await again.AssertProblemAsync(HttpStatusCode.Gone);
        await (
            await client.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = ApiFactory.Password })
        ).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = NewPassword })).StatusCode
        );
        await (
            await client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = session["refreshToken"]!.GetValue<string>() })
        ).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(await Api.ScalarAsync<bool>("SELECT email_confirmed_at IS NOT NULL FROM users"));
    }

    [Fact]
    public async Task An_older_or_expired_link_does_not_work()
    {
        var user = await Api.CreateUserAsync(email: "alice@example.org");
        var client = Api.CreateClient();
        await client.PostJsonAsync("/api/v1/auth/password-reset", new { email = user.Email });
        var older = await Api.TokenFromLastEmailAsync(user.Email, "reset-password");
        await Api.ScalarAsync<int>("UPDATE user_tokens SET created_at = now() - interval '1 minute' RETURNING 1");
        await client.PostJsonAsync("/api/v1/auth/password-reset", new { email = user.Email });
        var newer = await Api.TokenFromLastEmailAsync(user.Email, "reset-password");
        await Api.ScalarAsync<int>("UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE used_at IS NULL RETURNING 1");

        await (
            await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token = older, newPassword = NewPassword })
        ).AssertProblemAsync(HttpStatusCode.Gone);
        await (
            await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token = newer, newPassword = NewPassword })
        ).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = ApiFactory.Password })).StatusCode
        );
    }

    [Fact]
    public async Task A_confirmation_token_cannot_reset_a_password()
    {
        await Api.CreateClient()
            .PostJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email = "bob@example.org",
                    password = "a long enough password",
                    firstName = "Bob",
                    lastName = "B",
                }
            );
        var confirmToken = await Api.TokenFromLastEmailAsync("bob@example.org", "confirm-email");

        var response = await Api.CreateClient()
            .PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token = confirmToken, newPassword = NewPassword });

        await response.AssertProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_before_the_token_is_spent()
    {
        var user = await Api.CreateUserAsync(email: "alice@example.org");
        await Api.CreateClient().PostJsonAsync("/api/v1/auth/password-reset", new { email = user.Email });
        var token = await Api.TokenFromLastEmailAsync(user.Email, "reset-password");

        await (
            await Api.CreateClient().PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "short" })
        ).AssertFieldErrorsAsync("newPassword");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await Api.CreateClient().PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = NewPassword })
            ).StatusCode
        );
    }
}
