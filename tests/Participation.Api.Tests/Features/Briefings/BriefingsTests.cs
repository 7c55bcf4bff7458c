using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Participation.Api.Features.Briefings;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Briefings;

/// <summary>A clock the test moves: the briefings' schedule depends on "now".</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// Briefings for elected officials: one per official, scope and period, produced by the background job once whatever
/// the number of instances; never empty; opt-out in one click; the e-mail in fr/nl/en with its charts as inline PNG
/// images and alt texts; the figures are the dashboard's; launch e-mails once per official and project.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class BriefingsTests(ApiFactory api) : ApiTest(api)
{
    // Q1 2030 ended on 31 March; its briefings go out on 1 April from 08:00 in Brussels (06:00 UTC, summer time).
    private static readonly DateTimeOffset AfterQ1 = new(2030, 4, 1, 7, 0, 0, TimeSpan.Zero);

    private BriefingJob NewJob(TimeProvider clock) =>
        new(
            Api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.CityDb>(),
            Api.Services.GetRequiredService<BriefingProducer>(),
            Api.Services.GetRequiredService<BriefingEmails>(),
            clock,
            Api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Participation.Api.Infrastructure.Jobs.JobOptions>>()
        );

    private static string Html(string? html) => System.Net.WebUtility.HtmlDecode(html ?? "");

    private static async Task<int> DrainAsync(BriefingJob job)
    {
        var total = 0;
        int n;
        while ((n = await job.RunOnceAsync(CancellationToken.None)) > 0)
            total += n;
        return total;
    }

    internal static async Task<TestUser> OfficialAsync(ApiFactory api, Guid? department, string locale = "fr", string firstName = "Élu")
    {
        var user = await api.CreateUserAsync(firstName: firstName, lastName: "Communal");
        await using var connection = await api.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE users SET locale = @Locale WHERE id = @Id;
            INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, department_id)
            VALUES (gen_random_uuid(), @Id, 'elected_official', CASE WHEN @Department::uuid IS NULL THEN 'platform' ELSE 'department' END,
                    @Department, @Department);
            """,
            new
            {
                user.Id,
                Department = department,
                Locale = locale,
            }
        );
        return user;
    }

    /// <summary>Participation in Q1 2030: two ideas (one answered with feedback) and a comment in P1, an idea in P2.</summary>
    private static async Task<(Guid P1Idea, Guid P2Idea)> ActivityAsync(IdeaCity c, int year = 2030, int month = 2)
    {
        var (p1Idea, p2Idea, other) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var at = new DateTimeOffset(year, month, 10, 10, 0, 0, TimeSpan.Zero);
        await using var connection = await c.Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO ideas (id, project_id, author_id, title, body, status, likes_count, created_at)
            VALUES (@P1Idea, @P1, @A, 'Des bancs ombragés', 'Texte', 'accepted', 3, @At),
                   (@Other, @P1, @B, 'Une fontaine', 'Texte', 'proposed', 1, @At + interval '1 day'),
                   (@P2Idea, @P2, @B, 'Un atelier de théâtre', 'Texte', 'proposed', 0, @At + interval '2 days');
            INSERT INTO idea_status_changes (idea_id, from_status, to_status, created_at)
            VALUES (@P1Idea, NULL, 'proposed', @At), (@Other, NULL, 'proposed', @At), (@P2Idea, NULL, 'proposed', @At);
            INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, created_at)
            VALUES (@P1Idea, 'proposed', 'accepted', 'Nous les installerons au printemps.', 'Service des parcs', @At + interval '5 days');
            INSERT INTO comments (id, idea_id, author_id, body, created_at)
            VALUES (gen_random_uuid(), @P1Idea, @B, 'Oui !', @At + interval '3 days');
            """,
            new
            {
                P1Idea = p1Idea,
                P2Idea = p2Idea,
                Other = other,
                c.P1,
                c.P2,
                A = c.ResidentA.Id,
                B = c.ResidentB.Id,
                At = at,
            }
        );
        return (p1Idea, p2Idea);
    }

    [Fact]
    public async Task A_quarter_with_activity_sends_each_official_one_briefing_of_their_scope_only_with_the_dashboard_figures()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var mayor = await OfficialAsync(Api, null, "en", "Mayor");
        var parks = await OfficialAsync(Api, c.City.D1, "fr", "Parcs");
        var culture = await OfficialAsync(Api, c.City.D2, "nl", "Cultuur");
        await ActivityAsync(c);
        var clock = new TestClock(AfterQ1);

        // Two instances racing: each briefing is produced once.
        var (one, two) = (NewJob(clock), NewJob(clock));
        await Task.WhenAll(DrainAsync(one), DrainAsync(two));
        await Task.WhenAll(DrainAsync(one), DrainAsync(two));

        var rows = (
            await (await Api.OpenAsync()).QueryAsync<(Guid Official, string Status, DateOnly From, DateOnly To)>(
                "SELECT official_id, status, period_from, period_to FROM briefings ORDER BY official_id"
            )
        ).AsList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(("sent", new DateOnly(2030, 1, 1), new DateOnly(2030, 3, 31)), (r.Status, r.From, r.To)));
        var mails = (await Api.OutboxAsync()).Where(m => m.Category == "briefing").ToList();
        Assert.Equal(3, mails.Count);
        Assert.Equal(3, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'briefing.sent' AND actor_type = 'system'"));

        var parksMail = Assert.Single(mails, m => m.ToAddress == parks.Email);
        Assert.Contains("Des bancs ombragés", Html(parksMail.HtmlBody));
        Assert.Contains("Nous les installerons au printemps.", Html(parksMail.HtmlBody)); // the decision, with its feedback
        Assert.DoesNotContain("atelier de théâtre", Html(parksMail.HtmlBody)); // Culture's idea stays out of the Parks briefing
        var cultureMail = Assert.Single(mails, m => m.ToAddress == culture.Email);
        Assert.Contains("atelier de théâtre", Html(cultureMail.HtmlBody));
        Assert.DoesNotContain("Des bancs ombragés", Html(cultureMail.HtmlBody));
        var mayorMail = Assert.Single(mails, m => m.ToAddress == mayor.Email);
        Assert.Contains("atelier de théâtre", Html(mayorMail.HtmlBody));
        Assert.Contains("Des bancs ombragés", Html(mayorMail.HtmlBody));
        Assert.Contains(
            $"https://participation.example/fr/dashboard/department/{c.City.D1}?from=2030-01-01&amp;to=2030-03-31",
            parksMail.HtmlBody
        );

        // The figures of the e-mail are the dashboard's for the same scope and period.
        foreach (
            var (mail, scope, language) in new[]
            {
                (parksMail, $"scopeType=department&scopeId={c.City.D1}", "fr"),
                (cultureMail, $"scopeType=department&scopeId={c.City.D2}", "nl"),
                (mayorMail, "scopeType=platform", "en"),
            }
        )
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dashboard?{scope}&from=2030-01-01&to=2030-03-31");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var dashboard = await (await c.Admin.SendAsync(request)).ReadJsonAsync();
            var shown = 0;
            foreach (var figure in dashboard["figures"]!.AsArray())
            {
                if (figure!["value"] is not { } value)
                    continue;
                var label = figure["label"]!.GetValue<string>();
                var previous = figure["previous"] is { } p ? BriefingTexts.Number(language, p.GetValue<decimal>()) : "–";
                Assert.Contains($"- {label}: {BriefingTexts.Number(language, value.GetValue<decimal>())} (", mail.TextBody);
                Assert.Contains($": {previous})\n", mail.TextBody[mail.TextBody.IndexOf($"- {label}: ", StringComparison.Ordinal)..]);
                shown++;
            }
            Assert.True(shown >= 10);
        }
        Assert.Contains("- Idées : 2 (", parksMail.TextBody.Replace("- Idées: ", "- Idées : ", StringComparison.Ordinal));

        // Nothing more on the next runs, on any instance.
        Assert.Equal(0, await NewJob(clock).RunOnceAsync(CancellationToken.None));
        Assert.Equal(3, (await Api.OutboxAsync()).Count(m => m.Category == "briefing"));
    }

    [Fact]
    public async Task An_empty_quarter_sends_nothing_and_is_logged_as_skipped()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await OfficialAsync(Api, null);
        await OfficialAsync(Api, c.City.D1);
        var job = NewJob(new TestClock(AfterQ1));

        await DrainAsync(job);

        Assert.Equal(
            2,
            await Api.ScalarAsync<long>("SELECT count(*) FROM briefings WHERE status = 'skipped_empty' AND produced_at IS NOT NULL")
        );
        Assert.DoesNotContain(await Api.OutboxAsync(), m => m.Category == "briefing");
        var log = await (await c.Admin.GetAsync("/api/v1/briefings?status=skipped_empty")).ReadJsonAsync();
        Assert.Equal(2, log["items"]!.AsArray().Count);
        Assert.All(log["items"]!.AsArray(), i => Assert.Equal("2030-03-31", i!["to"]!.GetValue<string>()));
        Assert.Empty((await (await c.Admin.GetAsync("/api/v1/briefings?status=sent")).ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Nothing_goes_out_before_the_send_time_nor_when_the_schedule_is_off()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await OfficialAsync(Api, null);
        await ActivityAsync(c);
        await DrainAsync(NewJob(new TestClock(new DateTimeOffset(2030, 4, 1, 5, 59, 0, TimeSpan.Zero)))); // 07:59 in Brussels
        Assert.Equal(0, await Api.CountAsync("briefings"));

        var put = await c.Admin.PutAsJsonAsync(
            "/api/v1/briefings/schedule",
            new
            {
                frequency = "off",
                sendDay = 1,
                sendHour = 8,
            }
        );
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Null((await put.ReadJsonAsync())["next"]);
        await DrainAsync(NewJob(new TestClock(AfterQ1)));
        Assert.Equal(0, await Api.CountAsync("briefings"));
    }

    [Fact]
    public async Task Opting_out_with_the_one_click_link_stops_the_next_briefing()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var official = await OfficialAsync(Api, c.City.D1);
        await ActivityAsync(c);
        await ActivityAsync(c, 2030, 5);
        var clock = new TestClock(AfterQ1);
        var job = NewJob(clock);
        await DrainAsync(job);
        var mail = await Api.ScalarAsync<string>("SELECT headers::text FROM email_outbox WHERE category = 'briefing'");
        var token = Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Match(mail, @"token=([^>""]+)>").Groups[1].Value);

        var anonymous = Api.CreateClient();
        var off = await anonymous.PostAsync($"/api/v1/notifications/unsubscribe?token={Uri.EscapeDataString(token)}", null);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal("briefing", (await off.ReadJsonAsync())["category"]!.GetValue<string>());

        clock.Now = new DateTimeOffset(2030, 7, 1, 7, 0, 0, TimeSpan.Zero); // Q2 is due
        await DrainAsync(job);

        Assert.Equal(
            "opted_out",
            await Api.ScalarAsync<string>(
                "SELECT status FROM briefings WHERE period_from = '2030-04-01' AND official_id = @Id",
                new { official.Id }
            )
        );
        Assert.Equal(1, (await Api.OutboxAsync()).Count(m => m.Category == "briefing"));
        var officials = await (await c.Admin.GetAsync("/api/v1/briefings/officials")).ReadJsonAsync();
        var row = Assert.Single(officials["items"]!.AsArray());
        Assert.True(row!["optedOut"]!.GetValue<bool>());
        Assert.Equal("opted_out", row["last"]!["status"]!.GetValue<string>());
        // The preference page shows the category to officials only.
        var mine = await (await Api.ClientFor(official.Id).GetAsync("/api/v1/notifications/preferences")).ReadJsonAsync();
        Assert.Contains(mine.AsArray(), p => p!["category"]!.GetValue<string>() == "briefing");
        var resident = await (await c.A.GetAsync("/api/v1/notifications/preferences")).ReadJsonAsync();
        Assert.DoesNotContain(resident.AsArray(), p => p!["category"]!.GetValue<string>() == "briefing");
    }

    [Theory]
    [InlineData("fr", "Participants par semaine, à partir de la semaine du ", "Briefing Parcs")]
    [InlineData("nl", "Deelnemers per week, vanaf de week van ", "Briefing Parken")]
    [InlineData("en", "Participants per week, from the week of ", "Briefing Parcs")]
    public async Task The_briefing_email_renders_in_the_officials_language_with_inline_png_charts_and_alt_texts(
        string locale,
        string alt,
        string subject
    )
    {
        var c = await IdeaCity.CreateAsync(Api);
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE departments SET name = '{\"fr\": \"Parcs\", \"nl\": \"Parken\"}' WHERE id = @D1",
                new { c.City.D1 }
            );
        var official = await OfficialAsync(Api, c.City.D1, locale);
        await ActivityAsync(c);
        await DrainAsync(NewJob(new TestClock(AfterQ1)));
        var dispatcher = Api.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0) { }

        var file = Assert.Single(Directory.GetFiles(Api.MailDirectory, "*.eml"), f => File.ReadAllText(f).Contains(official.Email));
        var message = await MimeMessage.LoadAsync(file);
        Assert.StartsWith(subject, message.Subject);
        Assert.Contains("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("/api/v1/notifications/unsubscribe?token=", message.Headers["List-Unsubscribe"]);
        var related = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, related.Count); // participants per week, ideas by status
        foreach (var image in related)
        {
            Assert.False(string.IsNullOrEmpty(image.ContentId));
            using var bytes = new MemoryStream();
            await image.Content!.DecodeToAsync(bytes);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes.ToArray()[..8]);
            Assert.Contains($"src=\"cid:{image.ContentId}\"", Html(message.HtmlBody));
        }
        Assert.Contains(message.Body!.ContentType.MimeType, new[] { "multipart/alternative", "multipart/related" });
        Assert.Contains($"<html lang=\"{locale}\"", Html(message.HtmlBody));
        Assert.Contains($"alt=\"{alt}", Html(message.HtmlBody));
        Assert.Contains(alt, message.TextBody);
        Assert.Contains("/unsubscribe#token=", Html(message.HtmlBody));
        Assert.Contains(locale == "nl" ? "Parken" : "Parcs", message.Subject);
        Assert.Contains(
            locale switch
            {
                "fr" => "Idées les plus soutenues",
                "nl" => "Meest gesteunde ideeën",
                _ => "Most supported ideas",
            },
            Html(message.HtmlBody)
        );
    }

    [Fact]
    public async Task A_published_project_sends_a_launch_email_once_to_each_official_of_its_scope()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var mayor = await OfficialAsync(Api, null);
        var parks = await OfficialAsync(Api, c.City.D1, "en");
        var culture = await OfficialAsync(Api, c.City.D2);
        var project = await c.City.ProjectAsync(c.Admin, c.City.D1, "Jardins partagés", "draft");
        await IdeaCity.PhaseAsync(c.Admin, project, "ideation", new DateTimeOffset(2031, 3, 1, 9, 0, 0, TimeSpan.Zero), null, null);
        var job = NewJob(TimeProvider.System);
        await DrainAsync(job);
        Assert.DoesNotContain(await Api.OutboxAsync(), m => m.Category == "briefing_launch");

        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/projects/{project}/status", new { status = "published" })).StatusCode
        );
        await Task.WhenAll(DrainAsync(job), DrainAsync(NewJob(TimeProvider.System)));
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/projects/{project}/status", new { status = "archived" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/projects/{project}/status", new { status = "published" })).StatusCode
        );
        await DrainAsync(job);

        var launches = (await Api.OutboxAsync()).Where(m => m.Category == "briefing_launch").ToList();
        Assert.Equal(new[] { mayor.Email, parks.Email }.Order(), launches.Select(m => m.ToAddress).Order());
        Assert.DoesNotContain(launches, m => m.ToAddress == culture.Email);
        var english = Assert.Single(launches, m => m.ToAddress == parks.Email);
        Assert.Equal("New project launched: Jardins partagés", english.Subject);
        Assert.Contains($"https://participation.example/en/projects/{project}", english.TextBody); // in the English web app
        Assert.Contains("2031-03-01", english.TextBody);
    }

    [Fact]
    public async Task An_admin_previews_an_officials_next_briefing_and_sends_it_now_once_a_day()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var official = await OfficialAsync(Api, c.City.D1);
        await c.IdeaAsync(c.A, title: "Un potager");

        var preview = await (await c.Admin.GetAsync($"/api/v1/briefings/officials/{official.Id}/preview")).ReadJsonAsync();
        Assert.False(preview["empty"]!.GetValue<bool>());
        Assert.Equal(c.City.D1, preview["scope"]!["id"]!.GetValue<Guid>());
        Assert.Contains("Un potager", preview["html"]!.GetValue<string>());
        Assert.Contains("data:image/png;base64,", preview["html"]!.GetValue<string>());
        Assert.DoesNotContain("cid:", preview["html"]!.GetValue<string>());
        Assert.NotEmpty(preview["charts"]!.AsArray());
        Assert.DoesNotContain(official.Email, preview.ToJsonString());
        // The official sees their own.
        (await Api.ClientFor(official.Id).GetAsync($"/api/v1/briefings/officials/{official.Id}/preview")).EnsureSuccessStatusCode();

        var sent = await c.Admin.PostAsync($"/api/v1/briefings/officials/{official.Id}/send", null);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var answer = await sent.ReadJsonAsync();
        Assert.Equal("sent", answer["status"]!.GetValue<string>());
        var mail = Assert.Single(await Api.OutboxAsync(official.Email));
        Assert.Equal(preview["subject"]!.GetValue<string>(), mail.Subject);
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM email_outbox_attachments"));
        var admin = await Api.ScalarAsync<Guid>("SELECT actor_id FROM events WHERE type = 'briefing.sent'");
        Assert.Equal(await Api.ScalarAsync<Guid>("SELECT user_id FROM user_roles WHERE role = 'admin' LIMIT 1"), admin);

        await (await c.Admin.PostAsync($"/api/v1/briefings/officials/{official.Id}/send", null)).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        Assert.Single(await Api.OutboxAsync(official.Email));
        var log = await (await c.Admin.GetAsync("/api/v1/briefings")).ReadJsonAsync();
        Assert.Equal("on_demand", log["items"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_schedule_is_validated_and_its_changes_are_audited()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var initial = await (await c.Admin.GetAsync("/api/v1/briefings/schedule")).ReadJsonAsync();
        Assert.Equal(
            ("quarterly", 1, 8),
            (initial["frequency"]!.GetValue<string>(), initial["sendDay"]!.GetValue<int>(), initial["sendHour"]!.GetValue<int>())
        );

        await (
            await c.Admin.PutAsJsonAsync(
                "/api/v1/briefings/schedule",
                new
                {
                    frequency = "weekly",
                    sendDay = 1,
                    sendHour = 8,
                }
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (
            await c.Admin.PutAsJsonAsync(
                "/api/v1/briefings/schedule",
                new
                {
                    frequency = "monthly",
                    sendDay = 29,
                    sendHour = 24,
                }
            )
        ).AssertFieldErrorsAsync("sendDay", "sendHour");
        await (await c.Admin.PutAsJsonAsync("/api/v1/briefings/schedule", new { frequency = "monthly" })).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );
        await (await c.Admin.GetAsync("/api/v1/briefings?status=bogus")).AssertFieldErrorsAsync("status");
        await (await c.Admin.GetAsync("/api/v1/briefings/officials?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'briefing.schedule_changed'"));

        var set = await c.Admin.PutAsJsonAsync(
            "/api/v1/briefings/schedule",
            new
            {
                frequency = "half_yearly",
                sendDay = 5,
                sendHour = 9,
            }
        );
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var next = (await set.ReadJsonAsync())["next"]!;
        Assert.EndsWith("-05", next["sendAt"]!.GetValue<string>()[..10]);
        var audit = await Api.ScalarAsync<string>("SELECT after::text FROM events WHERE type = 'briefing.schedule_changed' AND audited");
        Assert.Contains("half_yearly", audit);
    }

    public static TheoryData<string, string, int> Matrix =>
        AuthorizationMatrix.Build(
            ["anonymous", "resident", "moderator_p1", "head_d1", "communication_manager", "it_manager", "official", "official_d1", "admin"],
            ["get_schedule", "put_schedule", "list_officials", "preview_other", "preview_own", "send", "log"],
            (actor, action) =>
                (actor, action) switch
                {
                    ("anonymous", _) => 401,
                    ("admin", "preview_own") => 404, // the admin is no official
                    ("admin", _) => 200,
                    ("official" or "official_d1", "preview_own") => 200,
                    (_, "preview_own") => 404,
                    _ => 403,
                }
        );

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_admins_manage_briefings_and_officials_only_read_their_own(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        await c.IdeaAsync(c.A);
        var target = await OfficialAsync(Api, c.City.D1);
        TestUser? self = null;
        HttpClient client;
        switch (actor)
        {
            case "anonymous":
                client = Api.CreateClient();
                break;
            case "resident":
                (self, client) = (c.ResidentA, c.A);
                break;
            case "moderator_p1":
                (self, client) = (c.Moderator1, c.Mod1);
                break;
            case "head_d1":
                (self, client) = (c.City.Head1, await Projects.City.As(Api, c.City.Head1));
                break;
            case "official" or "official_d1":
                self = await OfficialAsync(Api, actor == "official" ? null : c.City.D1);
                client = Api.ClientFor(self.Id);
                break;
            case "admin":
                self = new TestUser(await Api.ScalarAsync<Guid>("SELECT user_id FROM user_roles WHERE role = 'admin' LIMIT 1"), "", "", "");
                client = c.Admin;
                break;
            default:
                self = await Api.CreateUserAsync(role: actor);
                client = Api.ClientFor(self.Id);
                break;
        }
        var response = action switch
        {
            "get_schedule" => await client.GetAsync("/api/v1/briefings/schedule"),
            "put_schedule" => await client.PutAsJsonAsync(
                "/api/v1/briefings/schedule",
                new
                {
                    frequency = "monthly",
                    sendDay = 2,
                    sendHour = 7,
                }
            ),
            "list_officials" => await client.GetAsync("/api/v1/briefings/officials"),
            "preview_other" => await client.GetAsync($"/api/v1/briefings/officials/{target.Id}/preview"),
            "preview_own" => await client.GetAsync($"/api/v1/briefings/officials/{self?.Id ?? Guid.NewGuid()}/preview"),
            "send" => await client.PostAsync($"/api/v1/briefings/officials/{target.Id}/send", null),
            _ => await client.GetAsync("/api/v1/briefings"),
        };
        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected != 200 && action is "put_schedule" or "send")
        {
            Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type LIKE 'briefing.%'"));
            Assert.Equal(0, await Api.CountAsync("briefings"));
        }
    }
}
