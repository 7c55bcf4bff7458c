using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Operator;

/// <summary>
/// The console's people choose their own password (issue 19): a person added by an operator, or given a new password by
/// one, signs in with a password someone else knows and must replace it before anything else; a change refuses every
/// token issued before it; wrong or unchanged passwords are refused with nothing written; each change is audited.
/// </summary>
public sealed class OperatorPasswordTests(OperatorApiFactory api) : IClassFixture<OperatorApiFactory>
{
    private const string NewPassword = "un mot de passe bien à moi";

    private HttpClient WithToken(string token)
    {
        var client = api.On();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonNode> SignInAsync(string email, string password = ApiFactory.Password)
    {
        var login = await api.On().PostJsonAsync("/api/v1/operator/auth/login", new { email, password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return await login.ReadJsonAsync();
    }

    private static string Token(JsonNode session) => session["accessToken"]!.GetValue<string>();

    private async Task<(Guid Id, string Email)> AddAsync(HttpClient console, string role = "support")
    {
        var email = $"{OperatorApiFactory.Unique("pat")}@vendor.test";
        var response = await console.PostJsonAsync(
            "/api/v1/operator/operators",
            new
            {
                email,
                displayName = "Pat Nouveau",
                role,
                password = ApiFactory.Password,
            }
        );
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.ReadJsonAsync())["id"]!.GetValue<Guid>(), email);
    }

    private Task<string> StateAsync(Guid id) =>
        api.ScalarAsync<string>(
            "SELECT password_hash || '/' || credentials_version || '/' || password_change_required FROM operators WHERE id = @id",
            new { id }
        );

    private Task<long> AuditAsync(string action, Guid id) =>
        api.ScalarAsync<long>(
            "SELECT count(*) FROM operator_audit "
                + "WHERE action = @action AND (operator_id = @id OR details -> 'target' ->> 'id' = @id::text)",
            new { action, id }
        );

    [Fact]
    public async Task A_person_added_by_an_operator_must_choose_their_own_password_before_anything_else()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var (id, email) = await AddAsync(console, "operator");

        var first = await SignInAsync(email);
        Assert.True(first["operator"]!["passwordChangeRequired"]!.GetValue<bool>());
        var pending = WithToken(Token(first));
        var cities = await pending.GetAsync("/api/v1/operator/cities");
        var problem = await cities.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("password_change_required", problem["reason"]!.GetValue<string>());
        await (await pending.PostAsync("/api/v1/operator/operators", Http.Json("{}"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var me = await (await pending.GetAsync("/api/v1/operator/me")).ReadJsonAsync();
        Assert.True(me["passwordChangeRequired"]!.GetValue<bool>());

        // A wrong current password, or the same one again: refused, nothing written.
        var before = await StateAsync(id);
        var wrong = await pending.PostJsonAsync(
            "/api/v1/operator/me/password",
            new { currentPassword = "not my password at all", newPassword = NewPassword }
        );
        Assert.Contains(
            "currentPassword",
            (await wrong.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key)
        );
        var same = await pending.PostJsonAsync(
            "/api/v1/operator/me/password",
            new { currentPassword = ApiFactory.Password, newPassword = ApiFactory.Password }
        );
        Assert.Contains("newPassword", (await same.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await StateAsync(id));

        var changed = await pending.PostJsonAsync(
            "/api/v1/operator/me/password",
            new { currentPassword = ApiFactory.Password, newPassword = NewPassword }
        );
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var session = await changed.ReadJsonAsync();
        Assert.False(session["operator"]!["passwordChangeRequired"]!.GetValue<bool>());
        // The token of the first password is refused; the new one opens the console.
        await (await pending.GetAsync("/api/v1/operator/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(Token(session)).GetAsync("/api/v1/operator/cities")).StatusCode);
        var old = await api.On().PostJsonAsync("/api/v1/operator/auth/login", new { email, password = ApiFactory.Password });
        await old.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False((await SignInAsync(email, NewPassword))["operator"]!["passwordChangeRequired"]!.GetValue<bool>());
        Assert.Equal(1, await AuditAsync("operator.password_changed", id));
    }

    [Fact]
    public async Task An_operator_gives_a_colleague_a_new_password_their_tokens_end_and_they_must_replace_it()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var (id, email) = await AddAsync(console);
        var own = await WithToken(Token(await SignInAsync(email)))
            .PostJsonAsync("/api/v1/operator/me/password", new { currentPassword = ApiFactory.Password, newPassword = NewPassword });
        var colleague = WithToken(Token(await own.ReadJsonAsync()));
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/v1/operator/cities")).StatusCode);

        // Bad input, oneself, nobody, a support person: refused, nothing written.
        var before = await StateAsync(id);
        await (await console.PostJsonAsync($"/api/v1/operator/operators/{id}/password", new { password = "court" })).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );
        var self = await api.ScalarAsync<Guid>("SELECT id FROM operators WHERE email = @e", new { e = OperatorApiFactory.OperatorEmail });
        await (
            await console.PostJsonAsync($"/api/v1/operator/operators/{self}/password", new { password = "a temporary password" })
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (
            await console.PostJsonAsync($"/api/v1/operator/operators/{Guid.NewGuid()}/password", new { password = "a temporary password" })
        ).AssertProblemAsync(HttpStatusCode.NotFound);
        var support = await api.ConsoleAsync(OperatorApiFactory.SupportEmail);
        await (
            await support.PostJsonAsync($"/api/v1/operator/operators/{id}/password", new { password = "a temporary password" })
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await StateAsync(id));

        var set = await console.PostJsonAsync($"/api/v1/operator/operators/{id}/password", new { password = "a temporary password" });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        await (await colleague.GetAsync("/api/v1/operator/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var next = await SignInAsync(email, "a temporary password");
        Assert.True(next["operator"]!["passwordChangeRequired"]!.GetValue<bool>());
        await (await WithToken(Token(next)).GetAsync("/api/v1/operator/cities")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await AuditAsync("operator.password_set", id));
        Assert.DoesNotContain(
            "temporary",
            await api.ScalarAsync<string>("SELECT string_agg(details::text, '') FROM operator_audit WHERE action LIKE 'operator.password%'")
        );
    }

    [Fact]
    public async Task Two_changes_with_the_same_current_password_at_once_one_wins_the_other_is_refused()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var (id, email) = await AddAsync(console);
        var pending = WithToken(Token(await SignInAsync(email)));

        var answers = await Task.WhenAll(
            Enumerable
                .Range(0, 6)
                .Select(i =>
                    pending.PostJsonAsync(
                        "/api/v1/operator/me/password",
                        new { currentPassword = ApiFactory.Password, newPassword = $"{NewPassword} {i}" }
                    )
                )
        );

        // One change went through; the others found the password already changed (their current password is wrong now) or
        // their token already refused.
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
            Assert.Contains(r.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized })
        );
        Assert.EndsWith("/2/false", await StateAsync(id));
        Assert.Equal(1, await AuditAsync("operator.password_changed", id));
    }
}
