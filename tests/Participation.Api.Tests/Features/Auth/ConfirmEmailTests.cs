using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Auth;

public sealed class ConfirmEmailTests(ApiFactory api) : ApiTest(api)
{
    private async Task<string> RegisterAsync(string email)
    {
        var response = await Api.CreateClient()
            .PostJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email,
                    password = "a long enough password",
                    firstName = "Lucas",
                    lastName = "Martin",
                }
            );
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Api.TokenFromLastEmailAsync(email, "confirm-email");
    }

    [Fact]
    public async Task The_emailed_token_confirms_the_address_once()
    {
        var token = await RegisterAsync("lucas@example.org");
        var client = Api.CreateClient();

        var first = await client.PostJsonAsync("/api/v1/auth/confirm-email", new { token });
        var second = await client.PostJsonAsync("/api/v1/auth/confirm-email", new { token });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.True(await Api.ScalarAsync<bool>("SELECT email_confirmed_at IS NOT NULL FROM users WHERE email = 'lucas@example.org'"));
        await second.AssertProblemAsync(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Parallel_confirmations_consume_the_token_once()
    {
        var token = await RegisterAsync("parallel@example.org");

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => Api.CreateClient().PostJsonAsync("/api/v1/auth/confirm-email", new { token }))
        );

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Gone));
    }

    [Fact]
    public async Task An_unknown_or_expired_token_is_gone_without_detail()
    {
        var token = await RegisterAsync("late@example.org");
        await Api.ScalarAsync<int>("UPDATE user_tokens SET expires_at = now() - interval '1 second' RETURNING 1");

        var expired = await Api.CreateClient().PostJsonAsync("/api/v1/auth/confirm-email", new { token });
        var unknown = await Api.CreateClient().PostJsonAsync("/api/v1/auth/confirm-email", new { token = "garbage" });

        var a = await expired.AssertProblemAsync(HttpStatusCode.Gone);
        var b = await unknown.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(a["title"]!.GetValue<string>(), b["title"]!.GetValue<string>());
        Assert.False(await Api.ScalarAsync<bool>("SELECT email_confirmed_at IS NOT NULL FROM users"));
    }

    [Fact]
    public async Task An_empty_token_is_a_validation_error()
    {
        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/confirm-email", new { token = "" });
        await response.AssertFieldErrorsAsync("token");
    }

    [Fact]
    public async Task A_signed_in_unconfirmed_user_can_get_a_new_link_and_the_old_one_dies()
    {
        var old = await RegisterAsync("resend@example.org");
        await Api.ScalarAsync<int>("UPDATE user_tokens SET created_at = now() - interval '1 minute' RETURNING 1");
        var id = await Api.ScalarAsync<Guid>("SELECT id FROM users");
        var client = Api.ClientFor(id);

        var resent = await client.PostAsync("/api/v1/auth/confirm-email/resend", null);
        var tooSoon = await client.PostAsync("/api/v1/auth/confirm-email/resend", null);

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        await tooSoon.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(2, (await Api.OutboxAsync("resend@example.org")).Count);
        await (await client.PostJsonAsync("/api/v1/auth/confirm-email", new { token = old })).AssertProblemAsync(HttpStatusCode.Gone);
        var fresh = await Api.TokenFromLastEmailAsync("resend@example.org", "confirm-email");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await client.PostJsonAsync("/api/v1/auth/confirm-email", new { token = fresh })).StatusCode
        );
    }

    [Fact]
    public async Task Resending_is_refused_when_already_confirmed_and_for_anonymous_callers()
    {
        var user = await Api.CreateUserAsync(confirmed: true);

        await (await Api.ClientFor(user.Id).PostAsync("/api/v1/auth/confirm-email/resend", null)).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        await (await Api.CreateClient().PostAsync("/api/v1/auth/confirm-email/resend", null)).AssertProblemAsync(
            HttpStatusCode.Unauthorized
        );
        Assert.Equal(0, await Api.CountAsync("email_outbox"));
    }
}
