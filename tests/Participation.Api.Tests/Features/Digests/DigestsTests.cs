using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Features.Digests;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Digests;

/// <summary>
/// Moderators' weekly "waiting for you" digests and department heads' monthly summaries: what each lists (their own
/// projects or department only), never sent empty (recorded skipped), once per person and period with two instances,
/// the one-click opt-out, the three languages, the preview and its authorization.
/// </summary>
public sealed class DigestsTests(ApiFactory api) : ApiTest(api)
{
    private async Task<List<(string Status, int Items)>> RowsAsync(string kind, Guid user)
    {
        await using var connection = await Api.OpenAsync();
        return (
            await connection.QueryAsync<(string, int)>(
                "SELECT status, items FROM digests WHERE kind = @Kind AND user_id = @User ORDER BY period_start",
                new { Kind = kind, User = user }
            )
        ).AsList();
    }

    /// <summary>The digests e-mailed (to the address), without the role grants' e-mails of the set-up.</summary>
    private async Task<List<Mail.Queued>> MailsAsync(string? to = null) =>
        (await Api.OutboxAsync(to)).Where(m => m.Category.StartsWith("digest_", StringComparison.Ordinal)).ToList();

    private static async Task<JsonNode> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        return await response.ReadJsonAsync();
    }

    /// <summary>P1 (moderator 1, D1): a new idea flagged and assigned to moderator 1, one awaiting pre-moderation, one
    /// 40 days old without answer, one answered; P2 (moderator 2, D2): one new idea.</summary>
    private static async Task<(Guid Flagged, Guid Prescreened, Guid Old, Guid Answered, Guid Other)> ActivityAsync(IdeaCity c)
    {
        var flagged = await c.IdeaAsync(c.A, title: "Des bancs & des tables");
        var prescreened = await c.IdeaAsync(c.A, title: "Un potager partagé");
        var old = await c.IdeaAsync(c.B, title: "Une fontaine à eau");
        var answered = await c.IdeaAsync(c.B, title: "Un kiosque à musique");
        var other = await c.IdeaAsync(c.B, c.P2, "Un atelier de théâtre");
        Assert.Equal(HttpStatusCode.OK, (await c.B.PostJsonAsync($"/api/v1/ideas/{flagged}/flags", new { reason = "spam" })).StatusCode);
        var head = await Projects.City.As(c.Api, c.City.Head1);
        (await head.PutAsJsonAsync($"/api/v1/ideas/{flagged}/assignee", new { assigneeId = c.Moderator1.Id })).EnsureSuccessStatusCode();
        (
            await c.Mod1.PostJsonAsync($"/api/v1/ideas/{answered}/status", new { status = "under_consideration", feedback = "Étudiée." })
        ).EnsureSuccessStatusCode();
        await using var connection = await c.Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE ideas SET status = 'prescreening' WHERE id = @Prescreened;
            UPDATE ideas SET created_at = now() - interval '40 days' WHERE id = @Old;
            """,
            new { Prescreened = prescreened, Old = old }
        );
        return (flagged, prescreened, old, answered, other);
    }

    [Fact]
    public async Task A_moderator_digest_lists_new_flagged_unanswered_and_assigned_ideas_of_his_projects_only()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var (flagged, prescreened, old, answered, other) = await ActivityAsync(c);

        // The preview (this week so far) of moderator 1: his project only.
        var preview = await GetAsync(c.Mod1, "/api/v1/digests/next?kind=moderator_digest");
        Assert.False(preview["empty"]!.GetValue<bool>());
        Assert.False(preview["optedOut"]!.GetValue<bool>());
        Assert.Equal("email", preview["channel"]!.GetValue<string>());
        var project = Assert.Single(preview["moderator"]!["projects"]!.AsArray())!;
        Assert.Equal(c.P1, project["projectId"]!.GetValue<Guid>());
        Assert.Equal(3, project["newIdeas"]!.GetValue<int>()); // the flagged, the answered and the pre-screened one (posted now)
        Assert.Equal(1, project["awaitingModeration"]!.GetValue<int>());
        Assert.Equal(1, project["openFlags"]!.GetValue<int>());
        Assert.Equal(2, project["unanswered"]!.GetValue<int>()); // the flagged one and the old one
        Assert.Equal(1, project["assignedToYou"]!.GetValue<int>());
        var news = preview["moderator"]!["newIdeas"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal(prescreened, news[0]); // awaiting pre-moderation first
        Assert.DoesNotContain(other, news);
        Assert.DoesNotContain(old, news);
        var unanswered = preview["moderator"]!["unanswered"]!.AsArray();
        Assert.Equal(new[] { old, flagged }, unanswered.Select(i => i!["id"]!.GetValue<Guid>())); // the oldest first
        Assert.True(unanswered[0]!["daysWaiting"]!.GetValue<int>() >= 39);
        Assert.Equal(flagged, Assert.Single(preview["moderator"]!["assigned"]!.AsArray())!["id"]!.GetValue<Guid>());

        // The week has ended: each moderator gets one e-mail about his own projects.
        Assert.Equal(2, await Api.Job(DigestTestKit.NextWeek()).DrainAsync(DigestKind.ModeratorDigest));
        var mail = Assert.Single(await MailsAsync(c.Moderator1.Email));
        Assert.Equal("digest_moderator_digest", mail.Category);
        Assert.StartsWith("Ce qui vous attend (semaine du ", mail.Subject);
        var expected = new[] { "Des bancs & des tables", "Un potager partagé", "en attente de pré-modération", "Une fontaine à eau" };
        foreach (var text in expected)
            Assert.Contains(text, mail.TextBody);
        Assert.Contains("Idées qui vous sont confiées, sans réponse (1)", mail.TextBody);
        Assert.Contains("Signalements ouverts : 1", mail.TextBody);
        Assert.Contains($"https://participation.example/fr/admin/projects/{c.P1}/ideas", mail.TextBody);
        Assert.Contains($"https://participation.example/fr/admin/projects/{c.P1}/moderation", mail.TextBody);
        Assert.Contains("/unsubscribe#token=", mail.TextBody);
        Assert.DoesNotContain("Un atelier de théâtre", mail.TextBody);
        Assert.DoesNotContain("Un kiosque à musique — ", mail.TextBody.Split("## Idées sans réponse")[1]); // answered
        Assert.Contains("Des bancs &amp; des tables", mail.HtmlBody);
        var theirs = Assert.Single(await MailsAsync(c.Moderator2.Email));
        Assert.Contains("Un atelier de théâtre", theirs.TextBody);
        Assert.DoesNotContain("Une fontaine", theirs.TextBody);
        // 3 new ideas, 1 awaiting pre-moderation, 1 open flag, 2 without an answer.
        Assert.Equal([("sent", 7)], await RowsAsync("moderator_digest", c.Moderator1.Id));

        await using var connection = await Api.OpenAsync();
        var headers = await connection.ExecuteScalarAsync<string>(
            "SELECT headers::text FROM email_outbox WHERE to_address = @Email AND category LIKE 'digest_%'",
            new { c.Moderator1.Email }
        );
        Assert.Contains("List-Unsubscribe-Post", headers);
        Assert.Contains("/api/v1/notifications/unsubscribe?token=", headers);
        var recorded = await connection.QueryAsync<(string, string, string)>(
            "SELECT actor_type, subject_id, data ->> 'kind' FROM events WHERE type = 'digest.sent' ORDER BY position"
        );
        Assert.Contains(("system", c.Moderator1.Id.ToString(), "moderator_digest"), recorded);
        Assert.Equal(2, recorded.Count());
    }

    [Fact]
    public async Task An_empty_week_or_month_sends_nothing_and_is_recorded_skipped()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var quiet = Api.Job(DigestTestKit.NextWeek());
        Assert.Equal(2, await quiet.DrainAsync(DigestKind.ModeratorDigest));
        Assert.Equal(2, await Api.Job(DigestTestKit.NextMonth()).DrainAsync(DigestKind.DepartmentSummary));

        Assert.Empty(await MailsAsync());
        Assert.Equal([("skipped_empty", 0)], await RowsAsync("moderator_digest", c.Moderator1.Id));
        Assert.Equal([("skipped_empty", 0)], await RowsAsync("department_summary", c.City.Head1.Id));
        Assert.Equal(0, await quiet.DrainAsync(DigestKind.ModeratorDigest)); // handled: never again for that week
        var preview = await GetAsync(c.Mod1, "/api/v1/digests/next?kind=moderator_digest");
        Assert.True(preview["empty"]!.GetValue<bool>());
        var summary = await GetAsync(await Projects.City.As(Api, c.City.Head1), "/api/v1/digests/next?kind=department_summary");
        Assert.True(summary["empty"]!.GetValue<bool>());
        Assert.Empty(summary["departments"]!.AsArray());
    }

    [Fact]
    public async Task Two_instances_running_at_once_send_each_digest_once()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await ActivityAsync(c);
        var (week, month) = (DigestTestKit.NextWeek(), DigestTestKit.NextMonth());
        var (one, two) = (Api.Job(week, batch: 1), Api.Job(week, batch: 1));
        var (three, four) = (Api.Job(month, batch: 1), Api.Job(month, batch: 1));

        var handled = await Task.WhenAll(
            one.DrainAsync(DigestKind.ModeratorDigest),
            two.DrainAsync(DigestKind.ModeratorDigest),
            three.DrainAsync(DigestKind.DepartmentSummary),
            four.DrainAsync(DigestKind.DepartmentSummary)
        );
        // Until nothing is left (an instance that met another's rows ends its pass early).
        var more = 0;
        int n;
        while (
            (n = await one.RunAsync(DigestKind.ModeratorDigest, default) + await three.RunAsync(DigestKind.DepartmentSummary, default)) > 0
        )
            more += n;

        Assert.Equal(4, handled.Sum() + more); // each person claimed once, by one of the instances
        foreach (var email in new[] { c.Moderator1.Email, c.Moderator2.Email, c.City.Head1.Email, c.City.Head2.Email })
            Assert.Single(await MailsAsync(email));
        Assert.Equal(4, await Api.ScalarAsync<long>("SELECT count(*) FROM digests WHERE status = 'sent'"));
        Assert.Equal(4, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'digest.sent'"));
    }

    [Fact]
    public async Task The_one_click_opt_out_stops_the_digest()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await ActivityAsync(c);
        await Api.Job(DigestTestKit.NextWeek()).DrainAsync(DigestKind.ModeratorDigest);
        var mail = Assert.Single(await MailsAsync(c.Moderator1.Email));
        var token = Uri.UnescapeDataString(mail.TextBody.Split("/unsubscribe#token=")[1].Split('\n')[0].Trim());

        var unsubscribed = await Api.CreateClient()
            .PostAsync($"/api/v1/notifications/unsubscribe?token={Uri.EscapeDataString(token)}", null);

        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal("moderator_digest", (await unsubscribed.ReadJsonAsync())["category"]!.GetValue<string>());
        var preview = await GetAsync(c.Mod1, "/api/v1/digests/next?kind=moderator_digest");
        Assert.True(preview["optedOut"]!.GetValue<bool>());
        Assert.Equal(2, await Api.Job(DigestTestKit.NextWeek(2)).DrainAsync(DigestKind.ModeratorDigest));
        Assert.Single(await MailsAsync(c.Moderator1.Email)); // last week's only
        Assert.Equal(2, (await MailsAsync(c.Moderator2.Email)).Count); // his P2 idea still waits for an answer
        Assert.Equal(["sent", "opted_out"], (await RowsAsync("moderator_digest", c.Moderator1.Id)).Select(r => r.Status));

        // Turned back on from the preferences (the "my digests" page's toggle).
        (
            await c.Mod1.PutAsJsonAsync(
                "/api/v1/notifications/preferences",
                new { preferences = new[] { new { category = "moderator_digest", channel = "email" } } }
            )
        ).EnsureSuccessStatusCode();
        Assert.False((await GetAsync(c.Mod1, "/api/v1/digests/next?kind=moderator_digest"))["optedOut"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Digests_are_written_in_the_reader_language()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await ActivityAsync(c);
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE users SET locale = 'nl' WHERE id = @Nl; UPDATE users SET locale = 'en' WHERE id = ANY(@En);",
                new { Nl = c.Moderator1.Id, En = new[] { c.Moderator2.Id, c.City.Head1.Id } }
            );
        await Api.Job(DigestTestKit.NextWeek()).DrainAsync(DigestKind.ModeratorDigest);
        await Api.Job(DigestTestKit.NextMonth()).DrainAsync(DigestKind.DepartmentSummary);

        var nl = Assert.Single(await MailsAsync(c.Moderator1.Email));
        Assert.StartsWith("Wat op u wacht (week van ", nl.Subject);
        Assert.Contains("Nieuwe ideeën van de week (3)", nl.TextBody);
        Assert.Contains("<html lang=\"nl\">", nl.HtmlBody);
        var en = Assert.Single(await MailsAsync(c.Moderator2.Email));
        Assert.StartsWith("Waiting for you (week of ", en.Subject);
        Assert.Contains("Stop this summary", en.TextBody);
        var head = Assert.Single(await MailsAsync(c.City.Head1.Email));
        Assert.StartsWith("Monthly summary ", head.Subject);
        Assert.Contains("See the department's dashboard", head.TextBody);
        var fr = Assert.Single(await MailsAsync(c.City.Head2.Email));
        Assert.StartsWith("Résumé mensuel du ", fr.Subject);
        Assert.Contains("Voir le tableau de bord du service", fr.TextBody);
    }

    [Fact]
    public async Task A_head_summary_covers_his_department_only_with_the_dashboard_figures()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var (_, _, _, answered, _) = await ActivityAsync(c);
        await c.CommentAsync(c.A, answered);
        var head1 = await Projects.City.As(Api, c.City.Head1);

        var from = DigestTestKit.MonthStart;
        var to = from.AddMonths(1).AddDays(-1);
        var dashboard = await GetAsync(
            c.Admin,
            $"/api/v1/dashboard?scopeType=department&scopeId={c.City.D1}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"
        );
        var preview = await GetAsync(head1, "/api/v1/digests/next?kind=department_summary");
        var department = Assert.Single(preview["departments"]!.AsArray())!;
        Assert.Equal(c.City.D1, department["departmentId"]!.GetValue<Guid>());
        Assert.Equal(dashboard["figures"]!.ToJsonString(), department["figures"]!.ToJsonString());
        Assert.Equal(dashboard["decisions"]!.ToJsonString(), department["decisions"]!.ToJsonString());
        Assert.Equal(dashboard["waitingTotal"]!.GetValue<int>(), department["waitingTotal"]!.GetValue<int>());
        var line = Assert.Single(department["projects"]!.AsArray())!;
        Assert.Equal(c.P1, line["projectId"]!.GetValue<Guid>());
        var p1 = await GetAsync(c.Admin, $"/api/v1/figures?scopeType=project&scopeId={c.P1}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        decimal Figure(JsonNode answer, string key) =>
            answer["figures"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == key)!["value"]!.GetValue<decimal>();
        Assert.Equal(Figure(p1, "participants"), line["participants"]!.GetValue<int>());
        Assert.Equal(Figure(p1, "ideas"), line["ideas"]!.GetValue<int>());

        Assert.Equal(2, await Api.Job(DigestTestKit.NextMonth()).DrainAsync(DigestKind.DepartmentSummary));
        var mail = Assert.Single(await MailsAsync(c.City.Head1.Email));
        Assert.Equal("digest_department_summary", mail.Category);
        Assert.Contains("Espaces verts", mail.Subject);
        Assert.Contains("Parc du centre", mail.TextBody);
        Assert.Contains("Un kiosque à musique", mail.TextBody); // the decision taken
        Assert.Contains("Une fontaine à eau", mail.TextBody); // waiting the longest
        Assert.DoesNotContain("Culture", mail.TextBody);
        Assert.DoesNotContain("Un atelier de théâtre", mail.TextBody);
        Assert.Contains($"https://participation.example/fr/dashboard/department/{c.City.D1}", mail.TextBody);
        var ideas = dashboard["figures"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "ideas")!;
        Assert.Contains($"{ideas["label"]!.GetValue<string>()} — {ideas["value"]} ({ideas["previous"]})", mail.TextBody);
        var other = Assert.Single(await MailsAsync(c.City.Head2.Email));
        Assert.Contains("Culture", other.Subject);
        Assert.DoesNotContain("Parc du centre", other.TextBody);
        Assert.Equal([("sent", 1)], await RowsAsync("department_summary", c.City.Head1.Id));
    }

    [Fact]
    public async Task Admins_read_the_log_newest_first_a_page_at_a_time()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await Api.Job(DigestTestKit.NextWeek()).DrainAsync(DigestKind.ModeratorDigest);
        await Api.Job(DigestTestKit.NextMonth()).DrainAsync(DigestKind.DepartmentSummary);

        var first = await GetAsync(c.Admin, "/api/v1/digests?limit=3");
        Assert.Equal(3, first["items"]!.AsArray().Count);
        Assert.Equal("department_summary", first["items"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("skipped_empty", first["items"]![0]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("@", first.ToJsonString());
        var second = await GetAsync(c.Admin, $"/api/v1/digests?limit=3&cursor={first["nextCursor"]!.GetValue<string>()}");
        Assert.Single(second["items"]!.AsArray());
        Assert.Null(second["nextCursor"]);
        var moderators = await GetAsync(c.Admin, "/api/v1/digests?kind=moderator_digest");
        Assert.Equal(2, moderators["items"]!.AsArray().Count);
    }

    public static TheoryData<string, string, int> Readers =>
        AuthorizationMatrix.Build(AuthorizationMatrix.Actors, ["moderator_digest", "department_summary", "log"], (actor, action) =>
            (actor, action) switch
            {
                ("anonymous", _) => 401,
                ("moderator_p1" or "moderator_p2", "moderator_digest") => 200,
                ("head_d1" or "head_d2", "department_summary") => 200,
                ("admin", "log") => 200,
                _ => 403,
            }
        );

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Staff_preview_their_own_digest_and_admins_read_the_log(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var client = await c.ClientAsync(actor);
        var url = action == "log" ? "/api/v1/digests" : $"/api/v1/digests/next?kind={action}";
        var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode == expected, $"{actor} {url}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/api/v1/digests/next", "kind")]
    [InlineData("/api/v1/digests/next?kind=galaxy", "kind")]
    [InlineData("/api/v1/digests?limit=0", "limit")]
    [InlineData("/api/v1/digests?kind=weekly", "kind")]
    [InlineData("/api/v1/digests?cursor=garbage", "cursor")]
    public async Task Bad_queries_are_400_with_the_field_named(string url, string field)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var client = url.Contains("next", StringComparison.Ordinal) ? c.Mod1 : c.Admin;
        await (await client.GetAsync(url)).AssertFieldErrorsAsync(field);
    }
}
