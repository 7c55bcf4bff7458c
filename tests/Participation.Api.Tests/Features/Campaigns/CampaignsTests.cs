using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Campaigns.CampaignTestKit;

namespace Participation.Api.Tests.Features.Campaigns;

[Collection(ApiCollection.C)]
public sealed class CampaignsTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_count_previewed_is_the_count_sent_and_only_consenting_confirmed_people_get_it()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var consenting = new List<TestUser>();
        for (var i = 0; i < 7; i++)
            consenting.Add(await Api.ResidentAsync(first: $"Oui{i}"));
        await Api.ResidentAsync(consented: false, first: "Non");
        var unconfirmed = await Api.CreateUserAsync(confirmed: false);
        await SetConsentAsync(Api, unconfirmed.Id, true);

        var preview = await (
            await c.Admin.PostJsonAsync("/api/v1/campaigns/recipients/preview", new { kind = "newsletter" })
        ).ReadJsonAsync();
        Assert.Equal(7, preview["count"]!.GetValue<int>());
        Assert.Equal(5, preview["sample"]!.AsArray().Count);
        Assert.DoesNotContain("@", preview.ToJsonString());

        var id = await CreateAsync(c.Admin);
        await ScheduleAsync(c.Admin, id);
        await Api.SendDueAsync();

        var campaign = await (await c.Admin.GetAsync($"/api/v1/campaigns/{id}")).ReadJsonAsync();
        Assert.Equal(7, campaign["stats"]!["recipients"]!.GetValue<int>());
        Assert.Equal(7, campaign["stats"]!["queued"]!.GetValue<int>());
        Assert.Equal("sending", campaign["status"]!.GetValue<string>());
        Assert.Equal(7, await CampaignMailsAsync(Api, id));
        Assert.Equal(consenting.Select(u => u.Id).Order(), (await RecipientsAsync(Api, id)).Order());
        var mail = (await Api.OutboxAsync(consenting[0].Email)).Single(m => m.Category == "campaign");
        Assert.Equal("Nouvelles du quartier", mail.Subject);
        Assert.Contains("<strong>fête</strong>", mail.HtmlBody);
        Assert.Contains("La fête du parc a lieu samedi.", mail.TextBody);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'campaign.sent'"));
    }

    [Fact]
    public async Task Under_parallel_consent_changes_the_frozen_set_is_exactly_what_is_queued()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var staying = new List<TestUser>();
        var leaving = new List<TestUser>();
        var joining = new List<TestUser>();
        for (var i = 0; i < 15; i++)
        {
            staying.Add(await Api.ResidentAsync(first: $"Reste{i}"));
            leaving.Add(await Api.ResidentAsync(first: $"Part{i}"));
            joining.Add(await Api.ResidentAsync(consented: false, first: $"Arrive{i}"));
        }
        var id = await CreateAsync(c.Admin);
        await ScheduleAsync(c.Admin, id);

        var changes = leaving
            .Select(u => SetConsentAsync(Api, u.Id, false))
            .Concat(joining.Select(u => SetConsentAsync(Api, u.Id, true)))
            .Append(Api.SendDueAsync());
        await Task.WhenAll(changes);

        var recipients = await RecipientsAsync(Api, id);
        var counted = await Api.ScalarAsync<int>("SELECT recipients_count FROM campaigns WHERE id = @id", new { id });
        Assert.Equal(recipients.Count, counted);
        Assert.Equal(recipients.Count, await CampaignMailsAsync(Api, id));
        Assert.All(staying, u => Assert.Contains(u.Id, recipients));
        // Every recipient consented at the freeze: those who left after it still get it, those who left before do not.
        Assert.Equal(
            recipients.Count,
            await Api.ScalarAsync<long>(
                """
                SELECT count(*) FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
                  JOIN newsletter_consents n ON n.user_id = r.user_id
                 WHERE r.campaign_id = @id AND n.given_at <= c.sent_at + interval '1 minute'
                """,
                new { id }
            )
        );
    }

    [Fact]
    public async Task A_withdrawal_before_the_send_is_honoured_and_the_preview_follows_it()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var stays = await Api.ResidentAsync(first: "Reste");
        var leaves = await Api.ResidentAsync(first: "Part");
        Assert.Equal(2, await PreviewCountAsync(c.Admin));
        await SetConsentAsync(Api, leaves.Id, false);
        Assert.Equal(1, await PreviewCountAsync(c.Admin));

        var id = await CreateAsync(c.Admin);
        await ScheduleAsync(c.Admin, id);
        await Api.SendDueAsync();

        Assert.Equal([stays.Id], await RecipientsAsync(Api, id));
        Assert.DoesNotContain(await Api.OutboxAsync(leaves.Email), m => m.Category == "campaign");
    }

    [Fact]
    public async Task Two_senders_in_parallel_send_each_campaign_once()
    {
        var c = await IdeaCity.CreateAsync(Api);
        for (var i = 0; i < 10; i++)
            await Api.ResidentAsync(first: $"R{i}");
        var first = await CreateAsync(c.Admin, Draft("Un"));
        var second = await CreateAsync(c.Admin, Draft("Deux"));
        await ScheduleAsync(c.Admin, first);
        await ScheduleAsync(c.Admin, second);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Api.SendDueAsync())));

        Assert.Equal(10, await CampaignMailsAsync(Api, first));
        Assert.Equal(10, await CampaignMailsAsync(Api, second));
        Assert.Equal(20, await Api.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE category = 'campaign'"));
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'campaign.sent'"));
    }

    [Fact]
    public async Task The_send_is_set_based_whatever_the_number_of_recipients()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var small = await CreateAsync(c.Admin, Draft("Petit"));
        await ScheduleAsync(c.Admin, small);
        await Api.ResidentAsync();
        int Statements(Func<Task> send)
        {
            using var counter = new SqlCounter();
            send().GetAwaiter().GetResult();
            return counter.Count;
        }
        var one = Statements(() => Api.SendDueAsync());
        await Api.ScalarAsync<int>(
            """
            WITH u AS (INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
                       SELECT gen_random_uuid(), 'bulk' || g || '@example.org', 'x', 'Bulk', 'Person', now()
                         FROM generate_series(1, 500) g RETURNING id)
            INSERT INTO newsletter_consents (user_id, status) SELECT id, 'given' FROM u;
            SELECT 1;
            """
        );
        var large = await CreateAsync(c.Admin, Draft("Grand"));
        await ScheduleAsync(c.Admin, large);
        var many = Statements(() => Api.SendDueAsync());

        Assert.Equal(501, await CampaignMailsAsync(Api, large));
        Assert.Equal(one, many);
    }

    [Fact]
    public async Task The_one_click_unsubscribe_of_a_campaign_e_mail_withdraws_the_consent()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var resident = await Api.ResidentAsync();
        var id = await CreateAsync(c.Admin);
        await ScheduleAsync(c.Admin, id);
        await Api.SendDueAsync();
        var headers = await Api.ScalarAsync<string>(
            "SELECT headers::text FROM email_outbox WHERE to_address = @Email AND category = 'campaign'",
            new { resident.Email }
        );
        Assert.Contains("List-Unsubscribe=One-Click", headers);
        Assert.Contains("/api/v1/newsletter/unsubscribe?token=", headers);
        var token = await Api.TokenFromLastEmailAsync(resident.Email, "unsubscribe");

        var anonymous = Api.CreateClient();
        (await anonymous.PostAsync($"/api/v1/newsletter/unsubscribe?token={token}", null)).EnsureSuccessStatusCode();
        (await anonymous.PostAsync($"/api/v1/newsletter/unsubscribe?token={token}", null)).EnsureSuccessStatusCode();
        Assert.Equal(
            HttpStatusCode.Gone,
            (await anonymous.PostAsync($"/api/v1/newsletter/unsubscribe?token={new string('a', 64)}", null)).StatusCode
        );
        await (await anonymous.PostAsync("/api/v1/newsletter/unsubscribe?token=nope", null)).AssertProblemAsync(HttpStatusCode.Gone);

        var consent = await (await Api.ClientFor(resident.Id).GetAsync("/api/v1/newsletter/consent")).ReadJsonAsync();
        Assert.False(consent["consented"]!.GetValue<bool>());
        Assert.NotNull(consent["withdrawnAt"]);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'user.newsletter_consent_withdrawn'"));
        Assert.Equal(0, await PreviewCountAsync(c.Admin));
    }

    [Fact]
    public async Task Consent_given_at_registration_is_recorded_with_its_date_and_never_presumed()
    {
        var client = Api.CreateClient();
        object Body(string email, bool? consent) =>
            new
            {
                email,
                password = "a long enough password 2026",
                firstName = "Inès",
                lastName = "Peeters",
                locale = "nl",
                newsletterConsent = consent,
            };
        (await client.PostJsonAsync("/api/v1/auth/register", Body("oui@example.org", true))).EnsureSuccessStatusCode();
        (await client.PostJsonAsync("/api/v1/auth/register", Body("non@example.org", null))).EnsureSuccessStatusCode();

        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                """
                SELECT count(*) FROM newsletter_consents n JOIN users u ON u.id = n.user_id
                 WHERE u.email = 'oui@example.org' AND n.status = 'given' AND n.given_at > now() - interval '1 minute'
                """
            )
        );
        Assert.Equal(1, await Api.CountAsync("newsletter_consents"));
        Assert.Equal(
            "registration",
            await Api.ScalarAsync<string>("SELECT data->>'source' FROM events WHERE type = 'user.newsletter_consent_given'")
        );
    }

    [Fact]
    public async Task A_test_goes_to_the_sender_only_marked_and_uncounted()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var manager = await Api.CreateUserAsync(role: "communication_manager", firstName: "Camille");
        await Api.ResidentAsync();
        var client = Api.ClientFor(manager.Id);
        var id = await CreateAsync(client);

        var response = await client.PostJsonAsync($"/api/v1/campaigns/{id}/test", new { });
        var campaign = await response.ReadJsonAsync();

        Assert.Equal(1, campaign["testsSent"]!.GetValue<int>());
        Assert.Equal("draft", campaign["status"]!.GetValue<string>());
        var mail = Assert.Single(await Api.OutboxAsync(manager.Email));
        Assert.Equal("campaign_test", mail.Category);
        Assert.Equal("[TEST] Nouvelles du quartier", mail.Subject);
        Assert.Empty(await RecipientsAsync(Api, id));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE category LIKE 'campaign%'"));
    }

    [Fact]
    public async Task Segments_reach_participants_followers_and_staff_roles_among_consenting_people()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await SetConsentAsync(Api, c.ResidentA.Id, true);
        await SetConsentAsync(Api, c.ResidentB.Id, true);
        var idea = await c.IdeaAsync(c.A);
        (await c.B.PutAsJsonAsync($"/api/v1/ideas/{idea}/follow", new { })).EnsureSuccessStatusCode();
        var manager = await Api.CreateUserAsync(role: "communication_manager");
        await SetConsentAsync(Api, manager.Id, true);
        await Api.CreateUserAsync(role: "it_manager"); // no consent: never reached

        Assert.Equal(1, await PreviewCountAsync(c.Admin, new { kind = "project_participants", projectId = c.P1 }));
        Assert.Equal(0, await PreviewCountAsync(c.Admin, new { kind = "project_participants", projectId = c.P2 }));
        Assert.True(await PreviewCountAsync(c.Admin, new { kind = "project_followers", projectId = c.P1 }) >= 1);
        Assert.Equal(
            1,
            await PreviewCountAsync(c.Admin, new { kind = "staff_roles", roles = new[] { "communication_manager", "it_manager" } })
        );
        Assert.Equal(3, await PreviewCountAsync(c.Admin));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_and_nothing_written()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var events = await Api.CountAsync("events");
        await (await c.Admin.PostJsonAsync("/api/v1/campaigns", Draft(subject: ""))).AssertFieldErrorsAsync("subject");
        await (await c.Admin.PostJsonAsync("/api/v1/campaigns", Draft(segment: new { kind = "staff_roles" }))).AssertFieldErrorsAsync(
            "segment.roles"
        );
        await (
            await c.Admin.PostJsonAsync("/api/v1/campaigns", Draft(segment: new { kind = "project_followers", projectId = Guid.NewGuid() }))
        ).AssertFieldErrorsAsync("segment.projectId");
        await (await c.Admin.PostJsonAsync("/api/v1/campaigns", Draft(segment: new { kind = "everyone" }))).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );
        var body = new
        {
            subject = "X",
            body = "<img src=\"https://evil.example/x.png\" onerror=\"alert(1)\">",
            segment = new { kind = "newsletter" },
        };
        await (await c.Admin.PostJsonAsync("/api/v1/campaigns", body)).AssertFieldErrorsAsync("body");
        var id = await CreateAsync(c.Admin);
        await (
            await c.Admin.PostJsonAsync($"/api/v1/campaigns/{id}/schedule", new { scheduledAt = DateTimeOffset.UtcNow.AddDays(-2) })
        ).AssertFieldErrorsAsync("scheduledAt");
        await (await c.Admin.PostJsonAsync($"/api/v1/campaigns/{id}/cancel", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await Api.CountAsync("campaigns"));
        Assert.Equal(events + 1, await Api.CountAsync("events"));

        await ScheduleAsync(c.Admin, id);
        await (await c.Admin.PutAsJsonAsync($"/api/v1/campaigns/{id}", Draft("Trop tard"))).AssertProblemAsync(HttpStatusCode.Conflict);
        (await c.Admin.PostJsonAsync($"/api/v1/campaigns/{id}/cancel", new { })).EnsureSuccessStatusCode();
        await Api.SendDueAsync();
        Assert.Equal(0, await Api.CountAsync("campaign_recipients"));
    }
}
