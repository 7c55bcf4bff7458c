using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Operator;

/// <summary>
/// The operator opens, changes, suspends and archives cities (issue 19): a new city answers on its addresses with its own
/// settings, its first admin is invited by e-mail on its address and signs in there, its health counts its real rows,
/// and every change is in the operators' audit. Refused requests write nothing.
/// </summary>
public sealed class CityConsoleTests(OperatorApiFactory api) : IClassFixture<OperatorApiFactory>
{
    // A city's page outside /api/v1 (the embed script): what CityRouting answers for a suspended (503) or unknown (404)
    // host is not an operation's answer, so the probe stays out of the contract's checks.
    private const string Outside = "/embed/embed.js";

    private async Task<(HttpClient Admin, string Host)> AcceptedAdminAsync(JsonNode city, string adminEmail)
    {
        var host = city["domains"]![0]!.GetValue<string>();
        var mail = Assert.Single(await api.OutboxAsync(adminEmail));
        Assert.Contains($"https://{host}/nl/invitation#token=", mail.TextBody, StringComparison.Ordinal);
        var token = await api.TokenFromLastEmailAsync(adminEmail, "invitation");
        var accepted = await api.On(host)
            .PostAsJsonAsync(
                "/api/v1/invitations/accept",
                new
                {
                    token,
                    firstName = "Inès",
                    lastName = "Maes",
                    password = ApiFactory.Password,
                }
            );
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var login = await api.On(host).PostJsonAsync("/api/v1/auth/login", new { email = adminEmail, password = ApiFactory.Password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var admin = api.On(host);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            (await login.ReadJsonAsync())["accessToken"]!.GetValue<string>()
        );
        return (admin, host);
    }

    [Fact]
    public async Task A_new_city_answers_on_its_addresses_and_its_first_admin_is_invited_there_and_signs_in()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var slug = OperatorApiFactory.Unique("liege");
        var adminEmail = $"admin@{slug}.test";

        var city = await OperatorApiFactory.CreateCityAsync(console, slug, adminEmail);

        Assert.Equal(new[] { $"{slug}.test", $"www.{slug}.test" }, city["domains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("active", city["status"]!.GetValue<string>());
        var settings = await (await api.On($"www.{slug}.test").GetAsync("/api/v1/platform")).ReadJsonAsync();
        Assert.Equal($"Ville {slug}", settings["name"]!.GetValue<string>());
        var (admin, host) = await AcceptedAdminAsync(city, adminEmail);
        var me = await (await admin.GetAsync("/api/v1/me")).Content.ReadAsStringAsync();
        Assert.Contains("admin", me, StringComparison.Ordinal);
        // The same address is nobody in the default city.
        var elsewhere = await api.On().PostJsonAsync("/api/v1/auth/login", new { email = adminEmail, password = ApiFactory.Password });
        await elsewhere.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var audit = await api.ScalarAsync<string>(
            "SELECT action FROM operator_audit WHERE city_id = @Id",
            new { Id = city["id"]!.GetValue<Guid>() }
        );
        Assert.Equal("city.created", audit);
        Assert.NotNull(host);
    }

    [Fact]
    public async Task A_suspended_city_answers_503_until_reactivated_an_archived_one_404()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var slug = OperatorApiFactory.Unique("namur");
        var city = await OperatorApiFactory.CreateCityAsync(console, slug);
        var id = city["id"]!.GetValue<Guid>();
        var host = $"{slug}.test";

        var suspended = await console.PostAsync($"/api/v1/operator/cities/{id}/suspend", null);
        var whileSuspended = await api.On(host).GetAsync(Outside);
        var again = await console.PostAsync($"/api/v1/operator/cities/{id}/suspend", null);
        var reactivated = await console.PostAsync($"/api/v1/operator/cities/{id}/reactivate", null);
        var whileActive = await api.On(host).GetAsync(Outside);
        var archived = await console.PostAsync($"/api/v1/operator/cities/{id}/archive", null);
        var whileArchived = await api.On(host).GetAsync(Outside);
        var back = await console.PostAsync($"/api/v1/operator/cities/{id}/reactivate", null);

        Assert.Equal("suspended", (await suspended.ReadJsonAsync())["status"]!.GetValue<string>());
        await whileSuspended.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("active", (await reactivated.ReadJsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, whileActive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        await whileArchived.AssertProblemAsync(HttpStatusCode.NotFound);
        await back.AssertProblemAsync(HttpStatusCode.Conflict);
        var actions = (
            await (await api.OpenAsync()).QueryAsync<string>(
                "SELECT action FROM operator_audit WHERE city_id = @id ORDER BY at, id",
                new { id }
            )
        ).AsList();
        Assert.Equal(["city.created", "city.suspended", "city.reactivated", "city.archived"], actions);
    }

    [Fact]
    public async Task Changed_addresses_route_at_once_and_a_taken_address_or_slug_is_a_409_that_writes_nothing()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var slug = OperatorApiFactory.Unique("gand");
        var city = await OperatorApiFactory.CreateCityAsync(console, slug);
        var id = city["id"]!.GetValue<Guid>();
        var (cities, domains, audits, outbox) = await CountsAsync();

        var sameSlug = await console.PostJsonAsync("/api/v1/operator/cities", OperatorApiFactory.NewCity(slug, null, "other.test"));
        var takenDomain = await console.PostJsonAsync(
            "/api/v1/operator/cities",
            OperatorApiFactory.NewCity(OperatorApiFactory.Unique("x"), null, "fresh.test", OperatorApiFactory.Host)
        );
        var badInput = await console.PostJsonAsync(
            "/api/v1/operator/cities",
            new
            {
                name = "",
                slug = "Not A Slug",
                domains = new[] { "https://x.test/" },
                languages = new[] { "de" },
                defaultLanguage = "fr",
                adminEmail = "nobody",
            }
        );
        var takenByOther = await console.PutAsJsonAsync(
            $"/api/v1/operator/cities/{id}/domains",
            new { domains = new[] { OperatorApiFactory.Host } }
        );
        Assert.Equal((cities, domains, audits, outbox), await CountsAsync());

        var changed = await console.PutAsJsonAsync(
            $"/api/v1/operator/cities/{id}/domains",
            new { domains = new[] { $"new-{slug}.test", $"{slug}.test" } }
        );
        var onNew = await api.On($"new-{slug}.test").GetAsync("/api/v1/platform");
        var onRemoved = await api.On($"www.{slug}.test").GetAsync(Outside);

        await sameSlug.AssertProblemAsync(HttpStatusCode.Conflict);
        await takenDomain.AssertProblemAsync(HttpStatusCode.Conflict);
        await badInput.AssertFieldErrorsAsync("name", "slug", "domains", "languages", "defaultLanguage", "adminEmail");
        await takenByOther.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        Assert.Equal(
            new[] { $"new-{slug}.test", $"{slug}.test" },
            (await changed.ReadJsonAsync())["domains"]!.AsArray().Select(d => d!.GetValue<string>())
        );
        Assert.Equal(HttpStatusCode.OK, onNew.StatusCode);
        await onRemoved.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(audits + 1, (await CountsAsync()).Audits);
    }

    [Fact]
    public async Task The_health_of_each_city_counts_its_own_rows_and_the_audit_pages_newest_first()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var slug = OperatorApiFactory.Unique("mons");
        var adminEmail = $"admin@{slug}.test";
        var city = await OperatorApiFactory.CreateCityAsync(console, slug, adminEmail);
        var id = city["id"]!.GetValue<Guid>();
        Assert.Equal(0, city["health"]!["users"]!.GetValue<long>());
        Assert.Equal(1, city["health"]!["email"]!["pending"]!.GetValue<long>()); // the invitation

        var (admin, host) = await AcceptedAdminAsync(city, adminEmail);
        var register = await api.On(host)
            .PostJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email = $"resident@{slug}.test",
                    password = ApiFactory.Password,
                    firstName = "Anne",
                    lastName = "Dupont",
                    acceptedTermsVersion = "1",
                }
            );
        Assert.True(register.IsSuccessStatusCode, await register.Content.ReadAsStringAsync());
        var department = (await (await admin.PostJsonAsync("/api/v1/departments", new { name = new { fr = "Travaux" } })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();
        var created = await admin.PostJsonAsync(
            "/api/v1/projects",
            new
            {
                departmentId = department,
                title = new { fr = "Place du marché" },
                summary = new { fr = "Réaménager la place" },
                description = new { fr = "<p>Bonjour</p>" },
            }
        );
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var project = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var published = await admin.PostJsonAsync($"/api/v1/projects/{project}/status", new { status = "published" });
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var now = DateTimeOffset.UtcNow;
        await Ideas.IdeaCity.PhaseAsync(admin, project, "ideation", now.AddDays(-1), now.AddDays(30), null);
        var idea = await admin.PostJsonAsync(
            $"/api/v1/projects/{project}/ideas",
            new { title = "Des arbres sur la place", body = "<p>De l'ombre en été.</p>" }
        );
        Assert.True(idea.StatusCode == HttpStatusCode.Created, await idea.Content.ReadAsStringAsync());
        var ideaId = (await idea.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var comment = await admin.PostJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body = "Bonne idée !" });
        Assert.True(comment.StatusCode == HttpStatusCode.Created, await comment.Content.ReadAsStringAsync());

        var list = await (await console.GetAsync("/api/v1/operator/cities")).ReadJsonAsync();
        var health = list["items"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == id)!["health"]!;
        var defaultHealth = list["items"]!.AsArray().Single(c => c!["slug"]!.GetValue<string>() == "default")!["health"]!;

        Assert.Equal(2, health["users"]!.GetValue<long>());
        Assert.Equal(1, health["staff"]!.GetValue<long>());
        Assert.Equal(1, health["ideas30Days"]!.GetValue<long>());
        Assert.Equal(1, health["comments30Days"]!.GetValue<long>());
        Assert.True(health["email"]!["pending"]!.GetValue<long>() >= 2); // the invitation, the resident's confirmation
        Assert.Equal(0, health["errors7Days"]!.GetValue<long>());
        Assert.Equal(0, defaultHealth["ideas30Days"]!.GetValue<long>());

        var first = await (await console.GetAsync($"/api/v1/operator/audit?cityId={id}&limit=1")).ReadJsonAsync();
        var next = first["nextCursor"]?.GetValue<string>();
        var all = await (await console.GetAsync("/api/v1/operator/audit?limit=100")).ReadJsonAsync();
        Assert.Equal("city.created", first["items"]![0]!["action"]!.GetValue<string>());
        Assert.Null(next);
        Assert.Contains(all["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "operator.signed_in");
        var bad = await console.GetAsync("/api/v1/operator/audit?cursor=garbage");
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<(long Cities, long Domains, long Audits, long Outbox)> CountsAsync() =>
        (
            await api.CountAsync("cities"),
            await api.CountAsync("city_domains"),
            await api.ScalarAsync<long>("SELECT count(*) FROM operator_audit WHERE action <> 'operator.signed_in'"),
            await api.CountAsync("email_outbox")
        );
}
