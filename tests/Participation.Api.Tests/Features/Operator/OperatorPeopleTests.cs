using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Operator;

/// <summary>
/// The console's people managed in the console (issue 19): an operator adds a person, changes their role, disables and
/// enables them; a disabled person cannot sign in and their tokens are refused at once; nobody changes their own access
/// (403); every change is in the operators' audit; bad input writes nothing.
/// </summary>
public sealed class OperatorPeopleTests(OperatorApiFactory api) : IClassFixture<OperatorApiFactory>
{
    private const string Audit = "SELECT count(*) FROM operator_audit WHERE action NOT IN ('operator.signed_in')";

    private static async Task<JsonNode> AddAsync(HttpClient console, string email, string role = "support")
    {
        var response = await console.PostJsonAsync(
            "/api/v1/operator/operators",
            new
            {
                email,
                displayName = "Nina Nouvelle",
                role,
                password = ApiFactory.Password,
            }
        );
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.EndsWith($"/api/v1/operator/operators/{(await response.ReadJsonAsync())["id"]}", response.Headers.Location!.ToString());
        return await response.ReadJsonAsync();
    }

    private HttpClient WithToken(string token)
    {
        var client = api.On();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The password a person added here chooses at their first sign-in (the first one was set by an operator).</summary>
    private const string Chosen = "the password I chose myself";

    private async Task<string> SignInAsync(string email)
    {
        var login = await api.On().PostJsonAsync("/api/v1/operator/auth/login", new { email, password = Chosen });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return (await login.ReadJsonAsync())["accessToken"]!.GetValue<string>();
    }

    /// <summary>The added person's first sign-in: they replace the password the operator gave them.</summary>
    private async Task ChooseOwnPasswordAsync(string email)
    {
        var login = await api.On().PostJsonAsync("/api/v1/operator/auth/login", new { email, password = ApiFactory.Password });
        var change = await WithToken((await login.ReadJsonAsync())["accessToken"]!.GetValue<string>())
            .PostJsonAsync("/api/v1/operator/me/password", new { currentPassword = ApiFactory.Password, newPassword = Chosen });
        Assert.True(change.StatusCode == HttpStatusCode.OK, await change.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_operator_adds_a_person_promotes_disables_and_enables_them_and_the_audit_shows_each_step()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = $"{OperatorApiFactory.Unique("nina")}@vendor.test";

        var added = await AddAsync(console, email.ToUpperInvariant());
        var id = added["id"]!.GetValue<Guid>();
        Assert.Equal(email, added["email"]!.GetValue<string>());
        Assert.Equal("support", added["role"]!.GetValue<string>());
        var list = await (await console.GetAsync("/api/v1/operator/operators")).ReadJsonAsync();
        Assert.Contains(list["items"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == id && p["disabledAt"] is null);

        await ChooseOwnPasswordAsync(email);
        var supportToken = await SignInAsync(email);
        var promoted = await console.PutAsJsonAsync($"/api/v1/operator/operators/{id}/role", new { role = "operator" });
        Assert.Equal("operator", (await promoted.ReadJsonAsync())["role"]!.GetValue<string>());
        // The token names the old role: refused at once; a new sign-in carries the new one.
        await (await WithToken(supportToken).GetAsync("/api/v1/operator/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var operatorToken = await SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(operatorToken).GetAsync("/api/v1/operator/operators")).StatusCode);

        var disabled = await console.PostAsync($"/api/v1/operator/operators/{id}/disable", null);
        Assert.NotNull((await disabled.ReadJsonAsync())["disabledAt"]);
        await (await WithToken(operatorToken).GetAsync("/api/v1/operator/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var refused = await api.On().PostJsonAsync("/api/v1/operator/auth/login", new { email, password = Chosen });
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var again = await console.PostAsync($"/api/v1/operator/operators/{id}/disable", null); // already: nothing more
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var enabled = await console.PostAsync($"/api/v1/operator/operators/{id}/enable", null);
        Assert.Null((await enabled.ReadJsonAsync())["disabledAt"]);
        Assert.NotEmpty(await SignInAsync(email));

        var audit = await (await console.GetAsync("/api/v1/operator/audit?limit=100")).ReadJsonAsync();
        var steps = audit["items"]!
            .AsArray()
            .Where(e => e!["details"]!["target"]?["id"]?.GetValue<Guid>() == id)
            .Select(e => e!["action"]!.GetValue<string>())
            .Reverse()
            .ToList();
        Assert.Equal(["operator.created", "operator.role_changed", "operator.disabled", "operator.enabled"], steps);
    }

    [Fact]
    public async Task Nobody_disables_or_demotes_themselves_403_and_nothing_is_written()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var me = (await (await console.GetAsync("/api/v1/operator/me")).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var audit = await api.ScalarAsync<long>(Audit);

        var disable = await console.PostAsync($"/api/v1/operator/operators/{me}/disable", null);
        var demote = await console.PutAsJsonAsync($"/api/v1/operator/operators/{me}/role", new { role = "support" });

        await disable.AssertProblemAsync(HttpStatusCode.Forbidden);
        await demote.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await console.GetAsync("/api/v1/operator/me")).StatusCode);
        Assert.Equal(audit, await api.ScalarAsync<long>(Audit));
    }

    [Theory]
    [InlineData("""{"email":"x@vendor.test","displayName":"X","role":"boss","password":"correct horse battery"}""", "role")]
    [InlineData("""{"email":"not an address","displayName":"X","role":"support","password":"correct horse battery"}""", "email")]
    [InlineData("""{"email":"y@vendor.test","displayName":"","role":"support","password":"correct horse battery"}""", "displayName")]
    [InlineData("""{"email":"z@vendor.test","displayName":"Z","role":"support","password":"short"}""", "password")]
    [InlineData("""{"email":"w@vendor.test","displayName":"W\u0000","role":"support","password":"correct horse battery"}""", "displayName")]
    public async Task Bad_input_when_adding_is_a_400_with_the_field_and_writes_nothing(string body, string field)
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var (people, audit) = (await api.CountAsync("operators"), await api.ScalarAsync<long>(Audit));

        var response = await console.PostAsync("/api/v1/operator/operators", Http.Json(body));

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(people, await api.CountAsync("operators"));
        Assert.Equal(audit, await api.ScalarAsync<long>(Audit));
    }

    [Fact]
    public async Task An_unknown_role_or_an_address_already_in_the_console_is_refused_and_writes_nothing()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var id = (await AddAsync(console, $"{OperatorApiFactory.Unique("odile")}@vendor.test"))["id"]!.GetValue<Guid>();
        var (people, audit) = (await api.CountAsync("operators"), await api.ScalarAsync<long>(Audit));

        var role = await console.PutAsync($"/api/v1/operator/operators/{id}/role", Http.Json("""{"role":"admin"}"""));
        var noRole = await console.PutAsync($"/api/v1/operator/operators/{id}/role", Http.Json("{}"));
        var taken = await console.PostJsonAsync(
            "/api/v1/operator/operators",
            new
            {
                email = OperatorApiFactory.SupportEmail,
                displayName = "Someone Else",
                role = "operator",
                password = ApiFactory.Password,
            }
        );

        await role.AssertProblemAsync(HttpStatusCode.BadRequest);
        await noRole.AssertProblemAsync(HttpStatusCode.BadRequest);
        await taken.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(people, await api.CountAsync("operators"));
        Assert.Equal(audit, await api.ScalarAsync<long>(Audit));
        var support = await api.ScalarAsync<string>(
            "SELECT role FROM operators WHERE email = @e",
            new { e = OperatorApiFactory.SupportEmail }
        );
        Assert.Equal("support", support);
    }
}

/// <summary>The last enabled operator stays, whatever the timing: a deployment of its own with exactly two operators.</summary>
public sealed class OperatorPeopleRaceTests(OperatorApiFactory api) : IClassFixture<OperatorApiFactory>
{
    [Fact]
    public async Task Two_operators_disabling_each_other_at_once_leave_one_enabled_operator()
    {
        var first = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = $"{OperatorApiFactory.Unique("second")}@vendor.test";
        var created = await first.PostJsonAsync(
            "/api/v1/operator/operators",
            new
            {
                email,
                displayName = "Second Operator",
                role = "operator",
                password = ApiFactory.Password,
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secondId = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var firstId = (await (await first.GetAsync("/api/v1/operator/me")).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var second = await api.ConsoleAsync(email);
        Assert.Equal(2L, await api.ScalarAsync<long>("SELECT count(*) FROM operators WHERE role = 'operator' AND disabled_at IS NULL"));

        var answers = await Task.WhenAll(
            first.PostAsync($"/api/v1/operator/operators/{secondId}/disable", null),
            second.PostAsync($"/api/v1/operator/operators/{firstId}/disable", null)
        );

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM operators WHERE role = 'operator' AND disabled_at IS NULL"));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM operator_audit WHERE action = 'operator.disabled'"));
    }
}
