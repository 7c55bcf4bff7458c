using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Consents;

public sealed class ConsentsTests(ApiFactory api) : ApiTest(api)
{
    private async Task<HttpResponseMessage> RegisterAsync(string email, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["email"] = email,
            ["password"] = "a long enough password",
            ["firstName"] = "Lucas",
            ["lastName"] = "Martin",
        };
        foreach (var p in extra?.GetType().GetProperties() ?? [])
            body[p.Name] = p.GetValue(extra);
        return await Api.CreateClient().PostJsonAsync("/api/v1/auth/register", body);
    }

    private async Task<HttpClient> RegisteredClientAsync(string email, object? extra = null)
    {
        var response = await RegisterAsync(email, extra);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Api.ClientFor((await response.ReadJsonAsync())["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Registering_records_the_terms_version_accepted_and_the_newsletter_choice_with_their_dates()
    {
        var terms = await (await Api.CreateClient().GetAsync("/api/v1/consents/terms")).ReadJsonAsync();
        Assert.Equal("1", terms["version"]!.GetValue<string>());

        var yes = await RegisteredClientAsync("yes@example.org", new { acceptedTermsVersion = "1", newsletterConsent = true });
        var mine = await (await yes.GetAsync("/api/v1/consents/mine")).ReadJsonAsync();
        Assert.Equal("1", mine["terms"]!["acceptedVersion"]!.GetValue<string>());
        Assert.True(mine["terms"]!["upToDate"]!.GetValue<bool>());
        Assert.NotNull(mine["terms"]!["acceptedAt"]);
        Assert.True(mine["newsletter"]!["consented"]!.GetValue<bool>());
        Assert.NotNull(mine["newsletter"]!["changedAt"]);
        Assert.Equal(2, mine["history"]!.AsArray().Count);
        Assert.All(mine["history"]!.AsArray(), r => Assert.Equal("registration", r!["source"]!.GetValue<string>()));
        Assert.Single(await Api.EventsAsync("user.terms_accepted"));

        // Without a choice: the newsletter "no" is recorded too, the terms are asked later.
        var no = await RegisteredClientAsync("no@example.org");
        mine = await (await no.GetAsync("/api/v1/consents/mine")).ReadJsonAsync();
        Assert.Null(mine["terms"]!["acceptedVersion"]);
        Assert.False(mine["terms"]!["upToDate"]!.GetValue<bool>());
        Assert.False(mine["newsletter"]!["consented"]!.GetValue<bool>());
        Assert.Equal("newsletter", Assert.Single(mine["history"]!.AsArray())!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_change_adds_a_row_and_a_new_terms_version_is_accepted_once()
    {
        var client = await RegisteredClientAsync("history@example.org", new { acceptedTermsVersion = "1" });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/newsletter/consent", new { consented = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/newsletter/consent", new { consented = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/newsletter/consent", new { consented = false })).StatusCode);

        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var published = await admin.PostJsonAsync("/api/v1/consents/terms", new { version = "2026-12" });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var audited = Assert.Single(await Api.EventsAsync("platform.terms_version_published"));
        Assert.True(audited.Audited);

        var mine = await (await client.GetAsync("/api/v1/consents/mine")).ReadJsonAsync();
        Assert.Equal("2026-12", mine["terms"]!["currentVersion"]!.GetValue<string>());
        Assert.False(mine["terms"]!["upToDate"]!.GetValue<bool>());
        Assert.False(mine["newsletter"]!["consented"]!.GetValue<bool>());

        // An old version is refused; the current one accepted, twice in parallel: one row.
        await (await client.PostJsonAsync("/api/v1/consents/mine/terms", new { version = "1" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        var accepts = await Task.WhenAll(
            Enumerable.Range(0, 5).Select(_ => client.PostJsonAsync("/api/v1/consents/mine/terms", new { version = "2026-12" }))
        );
        Assert.All(accepts, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        mine = await (await client.GetAsync("/api/v1/consents/mine")).ReadJsonAsync();
        Assert.True(mine["terms"]!["upToDate"]!.GetValue<bool>());
        var history = mine["history"]!.AsArray().Select(r => (r!["kind"]!.GetValue<string>(), r["given"]!.GetValue<bool>())).ToList();
        // Newest first: terms 2026-12, newsletter no, newsletter yes, then the registration's two rows (same instant: the
        // terms row, written second, first).
        Assert.Equal(
            new[] { ("terms", true), ("newsletter", false), ("newsletter", true), ("terms", true), ("newsletter", false) },
            history
        );

        // A new registration must accept the current version.
        await (await RegisterAsync("late@example.org", new { acceptedTermsVersion = "1" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'late@example.org'"));
    }

    [Fact]
    public async Task Only_admins_publish_versions_people_read_their_own_and_bad_input_writes_nothing()
    {
        var client = await RegisteredClientAsync("own@example.org");
        var anonymous = Api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/consents/mine")).StatusCode);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await anonymous.PostJsonAsync("/api/v1/consents/mine/terms", new { version = "1" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await anonymous.PostJsonAsync("/api/v1/consents/terms", new { version = "9" })).StatusCode
        );
        foreach (var role in new[] { "communication_manager", "it_manager" })
            await (
                await Api.ClientFor((await Api.CreateUserAsync(role: role)).Id)
                    .PostJsonAsync("/api/v1/consents/terms", new { version = "9" })
            ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync("/api/v1/consents/terms", new { version = "9" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        await (await admin.PostJsonAsync("/api/v1/consents/terms", new { version = "" })).AssertFieldErrorsAsync("version");
        await (await admin.PostJsonAsync("/api/v1/consents/terms", new { version = new string('9', 41) })).AssertFieldErrorsAsync(
            "version"
        );
        await (await admin.PostJsonAsync("/api/v1/consents/terms", new { version = "a\u202eb" })).AssertFieldErrorsAsync("version");
        await (await admin.PostJsonAsync("/api/v1/consents/terms", new { version = "1" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostJsonAsync("/api/v1/consents/mine/terms", new { version = "" })).AssertFieldErrorsAsync("version");
        await (await client.PostJsonAsync("/api/v1/consents/mine/terms", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await RegisterAsync("bad@example.org", new { acceptedTermsVersion = new string('1', 41) })).AssertFieldErrorsAsync(
            "acceptedTermsVersion"
        );

        Assert.Equal(1, await Api.CountAsync("terms_versions"));
        Assert.Equal(1, await Api.CountAsync("consents"));
        Assert.Empty(await Api.EventsAsync("user.terms_accepted"));
    }

    [Fact]
    public async Task Consents_are_in_the_personal_export_and_go_with_the_account()
    {
        var client = await RegisteredClientAsync("gone@example.org", new { acceptedTermsVersion = "1", newsletterConsent = true });
        var id = await Api.ScalarAsync<Guid>("SELECT id FROM users WHERE email = 'gone@example.org'");
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM consents WHERE user_id = @Id", new { Id = id }));
        // The export's section reads both rows (terms and newsletter).
        var section = Assert.Single(Participation.Api.Features.PersonalData.PersonalDataSections.All, s => s.Name == "consents");
        await using (var connection = await Api.OpenAsync())
        {
            var rows = (await Dapper.SqlMapper.QueryAsync(connection, section.Sql, new { UserId = id }))
                .Select(r => ((string)r.kind, (string?)r.terms_version))
                .OrderBy(r => r.Item1)
                .ToList();
            Assert.Equal(new[] { ("newsletter", (string?)null), ("terms", (string?)"1") }, rows);
        }

        // Deleting the account (the person's own deletion, as the retention's) takes them away.
        var deleted = await client.PostJsonAsync("/api/v1/me/deletion", new { password = "a long enough password" });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await Api.CountAsync("consents"));
    }
}
