using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Participation.Api.Features.Events;
using Participation.Api.Features.PersonalData;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Storage;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.PersonalData;

/// <summary>
/// The retention of inactive accounts: off by default; once an admin sets it, an inactive resident is warned once, 30 days
/// before, and deleted after the delay unless they sign in; staff and people with an export to collect are never deleted;
/// parallel runs warn and delete once. Also: activity written at most once a day, and organisations left without members
/// closed on account deletion.
/// </summary>
public sealed class AccountRetentionTests(ApiFactory api) : ApiTest(api)
{
    private const string Retention = "/api/v1/platform/settings/account-retention";

    private sealed class ClockAt(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A job of an instance whose clock says <paramref name="now"/> (the same database).</summary>
    private AccountRetentionJob Job(DateTimeOffset now) =>
        new(
            Api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.CityDb>(),
            Api.Services.GetRequiredService<EventRecorder>(),
            Api.Services.GetRequiredService<Participation.Api.Infrastructure.Auth.RoleVersionCheck>(),
            Api.Services.GetRequiredService<IFileStorage>(),
            Api.Services.GetRequiredService<EmailTemplates>(),
            new ClockAt(now),
            Api.Services.GetRequiredService<ILogger<AccountRetentionJob>>()
        );

    private static async Task<int> DrainAsync(AccountRetentionJob job)
    {
        var total = 0;
        int n;
        while ((n = await job.RunOnceAsync(CancellationToken.None)) > 0)
            total += n;
        return total;
    }

    private async Task SetRetentionAsync(int? months)
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var response = await admin.PutAsJsonAsync(Retention, new { inactiveAccountRetentionMonths = months });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<TestUser> InactiveAsync(DateTimeOffset since, string? role = null, string locale = "fr")
    {
        var user = await Api.CreateUserAsync(role: role);
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE users SET last_active_at = @Since, locale = @Locale WHERE id = @Id",
            new
            {
                Since = since.UtcDateTime,
                Locale = locale,
                user.Id,
            }
        );
        return user;
    }

    private Task<bool> ExistsAsync(TestUser u) => Api.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM users WHERE id = @Id)", new { u.Id });

    private async Task<List<Mail.Queued>> WarningsAsync(TestUser u) =>
        (await Api.OutboxAsync(u.Email)).Where(m => m.Category == "account_retention_warning").ToList();

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Off_by_default_nothing_is_warned_or_deleted()
    {
        var old = await InactiveAsync(Now.AddYears(-12));

        Assert.Equal(0, await DrainAsync(Job(Now)));
        Assert.Equal(0, await DrainAsync(Job(Now.AddYears(5))));

        Assert.True(await ExistsAsync(old));
        Assert.Empty(await Api.OutboxAsync(old.Email));
        var settings = await (
            await Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id).GetAsync("/api/v1/platform/settings")
        ).ReadJsonAsync();
        Assert.Null(settings["inactiveAccountRetentionMonths"]);
    }

    [Fact]
    public async Task An_inactive_resident_is_warned_once_in_their_language_then_deleted_after_the_delay()
    {
        await SetRetentionAsync(12);
        var nl = await InactiveAsync(Now.AddMonths(-12).AddDays(10), locale: "nl"); // 12 months are over in 10 days
        var recent = await InactiveAsync(Now.AddMonths(-6));

        Assert.Equal(1, await DrainAsync(Job(Now)));
        var warning = Assert.Single(await WarningsAsync(nl));
        Assert.Contains("wordt op", warning.Subject);
        Assert.Contains("https://participation.example/nl/login", warning.TextBody);
        Assert.Contains("lang=\"nl\"", warning.HtmlBody);
        // Addressed by name, with the day of the deletion as a Dutch reader writes it (30 days on: the warning's length).
        var day = Now.AddDays(30).UtcDateTime.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(day, warning.Subject);
        Assert.StartsWith($"Beste {nl.FirstName},", warning.TextBody);
        Assert.Contains(day, warning.TextBody);
        // Warned at once, and not again by later runs.
        Assert.Equal(0, await DrainAsync(Job(Now)));
        Assert.Equal(0, await DrainAsync(Job(Now.AddDays(20)))); // the months are over, but the warning is only 20 days old
        Assert.Single(await WarningsAsync(nl));
        Assert.True(await ExistsAsync(nl));

        Assert.Equal(1, await DrainAsync(Job(Now.AddDays(31))));

        Assert.False(await ExistsAsync(nl));
        Assert.True(await ExistsAsync(recent));
        var deleted = Assert.Single(await Api.EventsAsync("user.inactive_account_deleted"));
        Assert.DoesNotContain(nl.Id.ToString(), deleted.SubjectId);
        Assert.True(
            await Api.ScalarAsync<bool>(
                "SELECT audited AND actor_type = 'system' AND data::text = '{}' FROM events WHERE type = 'user.inactive_account_deleted'"
            )
        );
        Assert.Equal(
            0,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM events "
                    + "WHERE strpos(coalesce(before::text, '') || coalesce(after::text, '') || data::text, @Email) > 0",
                new { nl.Email }
            )
        );
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'user.account_deleted'"));
    }

    [Fact]
    public async Task A_warning_is_never_shorter_than_30_days_when_retention_is_turned_on_late()
    {
        var long_gone = await InactiveAsync(Now.AddYears(-5));
        await SetRetentionAsync(12);

        Assert.Equal(1, await DrainAsync(Job(Now)));
        Assert.Equal(0, await DrainAsync(Job(Now.AddDays(29))));
        Assert.True(await ExistsAsync(long_gone));
        Assert.Contains(
            Now.AddDays(30).UtcDateTime.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(await WarningsAsync(long_gone)).TextBody
        );

        Assert.Equal(1, await DrainAsync(Job(Now.AddDays(30).AddMinutes(1))));
        Assert.False(await ExistsAsync(long_gone));
    }

    [Fact]
    public async Task Signing_in_after_the_warning_keeps_the_account_and_the_clock_starts_again()
    {
        await SetRetentionAsync(12);
        var r = await InactiveAsync(Now.AddMonths(-12).AddDays(5));
        Assert.Equal(1, await DrainAsync(Job(Now)));

        var login = await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = r.Email, password = ApiFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(
            await Api.ScalarAsync<bool>(
                "SELECT retention_warned_at IS NULL AND last_active_at > now() - interval '1 minute' FROM users WHERE id = @Id",
                new { r.Id }
            )
        );

        Assert.Equal(0, await DrainAsync(Job(Now.AddDays(40))));
        Assert.True(await ExistsAsync(r));
        Assert.Single(await WarningsAsync(r));
        // A year after that sign-in less 29 days: warned again, a new warning.
        Assert.Equal(1, await DrainAsync(Job(DateTimeOffset.UtcNow.AddMonths(12).AddDays(-29))));
        Assert.Equal(2, (await WarningsAsync(r)).Count);
    }

    [Fact]
    public async Task Activity_is_written_at_most_once_a_day()
    {
        var r = await InactiveAsync(Now.AddHours(-3));
        var client = Api.CreateClient();
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = r.Email, password = ApiFactory.Password })).StatusCode
        );
        Assert.True(
            await Api.ScalarAsync<bool>("SELECT last_active_at < now() - interval '2 hours' FROM users WHERE id = @Id", new { r.Id })
        );

        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync("UPDATE users SET last_active_at = now() - interval '2 days' WHERE id = @Id", new { r.Id });
        var tokens = await (
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = r.Email, password = ApiFactory.Password })
        ).ReadJsonAsync();
        Assert.True(
            await Api.ScalarAsync<bool>("SELECT last_active_at > now() - interval '1 minute' FROM users WHERE id = @Id", new { r.Id })
        );

        // A refresh is activity too.
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync("UPDATE users SET last_active_at = now() - interval '2 days' WHERE id = @Id", new { r.Id });
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = (string)tokens["refreshToken"]! });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.True(
            await Api.ScalarAsync<bool>("SELECT last_active_at > now() - interval '1 minute' FROM users WHERE id = @Id", new { r.Id })
        );
    }

    [Fact]
    public async Task Staff_and_people_with_an_export_to_collect_are_never_deleted()
    {
        await SetRetentionAsync(12);
        var staff = new List<TestUser>();
        foreach (var role in new[] { "admin", "communication_manager", "it_manager", "elected_official" })
            staff.Add(await InactiveAsync(Now.AddYears(-5), role));
        var exporting = await InactiveAsync(Now.AddYears(-5));
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                "INSERT INTO personal_data_exports (id, user_id, language) VALUES (gen_random_uuid(), @Id, 'fr')",
                new { exporting.Id }
            );

        Assert.Equal(0, await DrainAsync(Job(Now)));
        Assert.Equal(0, await DrainAsync(Job(Now.AddYears(3))));

        foreach (var s in staff.Append(exporting))
        {
            Assert.True(await ExistsAsync(s));
            Assert.Empty(await WarningsAsync(s));
        }
    }

    [Fact]
    public async Task Parallel_runs_warn_once_and_delete_once()
    {
        await SetRetentionAsync(24);
        var residents = new List<TestUser>();
        for (var i = 0; i < 6; i++)
            residents.Add(await InactiveAsync(Now.AddYears(-3)));

        var warned = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DrainAsync(Job(Now))));

        Assert.Equal(6, warned.Sum());
        foreach (var r in residents)
            Assert.Single(await WarningsAsync(r));

        var deleted = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DrainAsync(Job(Now.AddDays(31)))));

        Assert.Equal(6, deleted.Sum());
        Assert.Equal(6, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'user.inactive_account_deleted'"));
        Assert.Equal(6, await Api.ScalarAsync<long>("SELECT count(*) FROM users WHERE deleted_at IS NOT NULL"));
        foreach (var r in residents)
            Assert.False(await ExistsAsync(r));
    }

    [Fact]
    public async Task An_admin_sets_the_retention_audited_and_turns_it_off_again()
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);

        var set = await admin.PutAsJsonAsync(Retention, new { inactiveAccountRetentionMonths = 36 });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(36, (await set.ReadJsonAsync())["inactiveAccountRetentionMonths"]!.GetValue<int>());
        var settings = await (await admin.GetAsync("/api/v1/platform/settings")).ReadJsonAsync();
        Assert.Equal(36, settings["inactiveAccountRetentionMonths"]!.GetValue<int>());
        Assert.Equal(1, settings["version"]!.GetValue<int>()); // the other settings' version is not touched
        var audit = Assert.Single(await Api.EventsAsync("platform.account_retention_changed"));
        Assert.Null(audit.BeforeJson!["inactiveAccountRetentionMonths"]);
        Assert.Equal(36, audit.AfterJson!["inactiveAccountRetentionMonths"]!.GetValue<int>());

        // The same value again records nothing; null turns it off.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Retention, new { inactiveAccountRetentionMonths = 36 })).StatusCode);
        Assert.Single(await Api.EventsAsync("platform.account_retention_changed"));
        var off = await admin.PutAsJsonAsync(Retention, new { inactiveAccountRetentionMonths = (int?)null });
        Assert.Null((await off.ReadJsonAsync())["inactiveAccountRetentionMonths"]);
        Assert.Equal(2, (await Api.EventsAsync("platform.account_retention_changed")).Count);
    }

    public static TheoryData<string> BadMonths => new() { "11", "121", "0", "-12", "1000000", "\"douze\"", "12.5", "[]" };

    [Theory]
    [MemberData(nameof(BadMonths))]
    public async Task Bad_input_is_a_400_and_nothing_is_written(string months)
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);

        var response = await admin.PutAsync(Retention, Http.Json($$"""{"inactiveAccountRetentionMonths": {{months}}}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Null(await Api.ScalarAsync<int?>("SELECT inactive_account_retention_months FROM platform_settings"));
        Assert.Empty(await Api.EventsAsync("platform.account_retention_changed"));
    }

    [Fact]
    public async Task An_organisation_whose_last_member_deletes_their_account_is_closed_with_its_content_kept()
    {
        var a = await Api.CreateUserAsync();
        var org = Guid.NewGuid();
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                """
                INSERT INTO organisations (id, name, status, created_by) VALUES (@Org, 'Comité du quartier', 'verified', @A);
                INSERT INTO organisation_members (organisation_id, user_id, role) VALUES (@Org, @A, 'owner');
                INSERT INTO organisation_invitations (organisation_id, email, invited_by) VALUES (@Org, 'dora@example.org', @A);
                """,
                new { Org = org, A = a.Id }
            );
        var listed = await (await Api.CreateClient().GetAsync("/api/v1/organisations")).ReadJsonAsync();
        Assert.Single(listed["items"]!.AsArray());

        var deleted = await Api.ClientFor(a.Id).PostAsJsonAsync("/api/v1/me/deletion", new { password = ApiFactory.Password });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await (await Api.CreateClient().GetAsync("/api/v1/organisations")).ReadJsonAsync())["items"]!.AsArray());
        var page = await (await Api.CreateClient().GetAsync($"/api/v1/organisations/{org}")).ReadJsonAsync();
        Assert.Equal("Comité du quartier", (string?)page["name"]);
        Assert.NotNull(page["closedAt"]);
        Assert.Equal(0, page["memberCount"]!.GetValue<int>());
        Assert.Equal(0, await Api.CountAsync("organisation_invitations"));
        var closed = Assert.Single(await Api.EventsAsync("organisation.closed"));
        Assert.Equal(org.ToString(), closed.SubjectId);
    }
}
