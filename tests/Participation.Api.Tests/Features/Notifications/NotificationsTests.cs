using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Notifications;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Notifications;

public sealed partial class NotificationsTests(ApiFactory api) : ApiTest(api)
{
    private Task<int> MailAsync() => Api.Services.GetRequiredService<NotificationMailer>().RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task A_status_change_notifies_the_author_followers_and_reactors_once_each_and_not_the_moderator()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var follower = await c.ResidentAsync("Fanny");
        await Api.ClientFor(follower.Id).PutAsync($"/api/v1/ideas/{idea}/follow", null);
        await c.B.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" });
        await c.B.PutAsync($"/api/v1/ideas/{idea}/follow", null);
        await c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" });

        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "accepted", feedback = "Oui !" })).StatusCode
        );

        await using var connection = await Api.OpenAsync();
        var rows = (
            await connection.QueryAsync<(Guid User, string Category, string Email)>(
                "SELECT user_id, category, email_state FROM notifications WHERE event_key LIKE 'idea_status:%'"
            )
        ).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains((c.ResidentA.Id, "idea_status_mine", "pending"), rows);
        Assert.Contains((c.ResidentB.Id, "idea_status_followed", "none"), rows);
        Assert.Contains((follower.Id, "idea_status_followed", "none"), rows);
        Assert.DoesNotContain(rows, r => r.User == c.Moderator1.Id);
    }

    [Fact]
    public async Task The_list_shows_unread_counts_and_only_the_callers_notifications_can_be_marked_read()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        for (var i = 0; i < 3; i++)
            await c.CommentAsync(c.B, idea, $"Commentaire {i}");
        var bIdea = await c.IdeaAsync(c.B, title: "Idée de B");
        await c.CommentAsync(c.A, bIdea, "Réponse de A");

        var list = await (await c.A.GetAsync("/api/v1/notifications?limit=2")).ReadJsonAsync();
        Assert.Equal(3, list["unread"]!.GetValue<int>());
        Assert.Equal(2, list["items"]!.AsArray().Count);
        Assert.Equal("Plus de bancs au parc", list["items"]![0]!["ideaTitle"]!.GetValue<string>());
        Assert.Equal("Parc du centre", list["items"]![0]!["projectTitle"]!["fr"]!.GetValue<string>());
        Assert.Equal("Bruno Peeters", list["items"]![0]!["data"]!["actorName"]!.GetValue<string>());
        var rest = await (
            await c.A.GetAsync($"/api/v1/notifications?limit=2&cursor={list["nextCursor"]!.GetValue<string>()}")
        ).ReadJsonAsync();
        Assert.Single(rest["items"]!.AsArray());

        var bNotification = (await (await c.B.GetAsync("/api/v1/notifications")).ReadJsonAsync())["items"]![0]!["id"]!.GetValue<long>();
        var first = list["items"]![0]!["id"]!.GetValue<long>();
        var marked = await (
            await c.A.PostJsonAsync("/api/v1/notifications/read", new { ids = new[] { first, bNotification } })
        ).ReadJsonAsync();
        Assert.Equal(2, marked["unread"]!.GetValue<int>());
        Assert.Equal(1, (await (await c.B.GetAsync("/api/v1/notifications/summary")).ReadJsonAsync())["unread"]!.GetValue<int>());
        Assert.Equal(2, (await (await c.A.GetAsync("/api/v1/notifications?unreadOnly=true")).ReadJsonAsync())["items"]!.AsArray().Count);
        Assert.Equal(
            0,
            (await (await c.A.PostJsonAsync("/api/v1/notifications/read", new { all = true })).ReadJsonAsync())["unread"]!.GetValue<int>()
        );
        await (await c.A.PostJsonAsync("/api/v1/notifications/read", new { })).AssertFieldErrorsAsync("ids");
        Assert.Equal(1, (await (await c.B.GetAsync("/api/v1/notifications/summary")).ReadJsonAsync())["unread"]!.GetValue<int>());
    }

    [Fact]
    public async Task Preferences_choose_the_channel_per_category()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var defaults = await (await c.A.GetAsync("/api/v1/notifications/preferences")).ReadJsonAsync();
        // Every category but those for a role the resident does not hold (officials' briefings).
        Assert.Equal(
            Enum.GetValues<NotificationCategory>().Count(category => NotificationCategories.RoleOf(category) is null),
            defaults.AsArray().Count
        );
        Assert.Equal(
            "in_app",
            defaults.AsArray().Single(p => p!["category"]!.GetValue<string>() == "idea_status_followed")!["channel"]!.GetValue<string>()
        );

        var saved = await c.A.PutAsJsonAsync(
            "/api/v1/notifications/preferences",
            new
            {
                preferences = new[]
                {
                    new { category = "comment_on_my_idea", channel = "off" },
                    new { category = "idea_status_mine", channel = "in_app" },
                },
            }
        );
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await (
            await c.A.PutAsJsonAsync(
                "/api/v1/notifications/preferences",
                new { preferences = new[] { new { category = "everything", channel = "email" } } }
            )
        ).AssertFieldErrorsAsync("preferences[0].category");
        await (
            await c.A.PutAsJsonAsync(
                "/api/v1/notifications/preferences",
                new { preferences = new[] { new { category = "mention", channel = "pigeon" } } }
            )
        ).AssertFieldErrorsAsync("preferences[0].channel");

        var idea = await c.IdeaAsync(c.A);
        await c.CommentAsync(c.B, idea);
        await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "accepted" });
        var items = (await (await c.A.GetAsync("/api/v1/notifications")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal("idea_status_mine", Assert.Single(items)!["category"]!.GetValue<string>());
        while (await MailAsync() > 0) { }
        Assert.Empty(await Api.OutboxAsync(c.ResidentA.Email));
        Assert.Single(await Api.OutboxAsync(c.Moderator1.Email), m => m.Category == "notification_new_idea_to_moderate");
    }

    [Fact]
    public async Task Notification_emails_are_queued_once_even_with_two_senders_and_carry_one_click_unsubscribe()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var ideas = new List<Guid>();
        for (var i = 0; i < 30; i++)
            ideas.Add(await c.IdeaAsync(c.A, title: $"Idée {i}"));
        foreach (var idea in ideas)
            await c.CommentAsync(c.B, idea, "Intéressant");
        var unconfirmed = await Api.CreateUserAsync(confirmed: false);
        var unconfirmedIdea = await c.IdeaAsync(c.Mod1, title: "Idée de la ville");
        await Api.ClientFor(unconfirmed.Id).PutAsJsonAsync($"/api/v1/ideas/{unconfirmedIdea}/reaction", new { kind = "like" });
        await Api.ClientFor(unconfirmed.Id).PutAsync($"/api/v1/ideas/{unconfirmedIdea}/follow", null);
        await Api.ClientFor(unconfirmed.Id)
            .PutAsJsonAsync(
                "/api/v1/notifications/preferences",
                new { preferences = new[] { new { category = "idea_status_followed", channel = "email" } } }
            );
        await c.Mod1.PostJsonAsync($"/api/v1/ideas/{unconfirmedIdea}/status", new { status = "accepted" });

        // Two instances' mailers at once, repeatedly, until nothing is left.
        var mailer1 = Api.Services.GetRequiredService<NotificationMailer>();
        var mailer2 = new NotificationMailer(
            Api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.CityDb>(),
            Api.Services.GetRequiredService<NotificationEmails>()
        );
        while ((await Task.WhenAll(mailer1.RunOnceAsync(CancellationToken.None), mailer2.RunOnceAsync(CancellationToken.None))).Sum() > 0)
        { }

        var mails = await Api.OutboxAsync(c.ResidentA.Email);
        Assert.Equal(30, mails.Count(m => m.Category == "notification_comment_on_my_idea"));
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE email_state = 'pending'"));
        Assert.Empty(await Api.OutboxAsync(unconfirmed.Email));
        Assert.Equal(
            30,
            await Api.ScalarAsync<long>(
                "SELECT count(DISTINCT dedup_key) FROM email_outbox WHERE category = 'notification_comment_on_my_idea'"
            )
        );

        var mail = Assert.Single(mails, m => m.Subject == "Bruno Peeters a commenté votre idée « Idée 0 »");
        Assert.Contains("Intéressant", mail.TextBody);
        // The link is the idea's readable address (its project's slug and its own).
        var slugs = await Api.ScalarAsync<string>(
            "SELECT p.slug || '/ideas/' || i.slug FROM ideas i JOIN projects p ON p.id = i.project_id WHERE i.id = @Id",
            new { Id = ideas[0] }
        );
        Assert.Contains($"https://participation.example/fr/projects/{slugs}", mail.TextBody);
        var headers = await Api.ScalarAsync<string>("SELECT headers::text FROM email_outbox WHERE id = @Id", new { mail.Id });
        Assert.Contains("\"List-Unsubscribe-Post\": \"List-Unsubscribe=One-Click\"", headers);
        var token = Uri.UnescapeDataString(UnsubscribeLink().Match(headers).Groups["token"].Value);

        // RFC 8058: the mail client POSTs the form body to the header's address, without signing in.
        var oneClick = await Api.CreateClient()
            .PostAsync(
                $"/api/v1/notifications/unsubscribe?token={Uri.EscapeDataString(token)}",
                new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])
            );
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal("comment_on_my_idea", (await oneClick.ReadJsonAsync())["category"]!.GetValue<string>());
        Assert.Equal(
            "in_app",
            await Api.ScalarAsync<string>(
                "SELECT channel FROM notification_preferences WHERE user_id = @Id AND category = 'comment_on_my_idea'",
                new { c.ResidentA.Id }
            )
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await Api.CreateClient().PostAsync($"/api/v1/notifications/unsubscribe?token={Uri.EscapeDataString(token)}", null)).StatusCode
        );

        await c.CommentAsync(c.B, ideas[1], "Encore un");
        Assert.Equal(
            "none",
            await Api.ScalarAsync<string>(
                "SELECT email_state FROM notifications WHERE user_id = @Id ORDER BY id DESC LIMIT 1",
                new { c.ResidentA.Id }
            )
        );
        await MailAsync();
        Assert.Equal(30, (await Api.OutboxAsync(c.ResidentA.Email)).Count(m => m.Category == "notification_comment_on_my_idea"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("AAAA.BBBB")]
    public async Task A_forged_unsubscribe_token_is_gone(string token)
    {
        await (await Api.CreateClient().PostAsync($"/api/v1/notifications/unsubscribe?token={token}", null)).AssertProblemAsync(
            HttpStatusCode.Gone
        );
        Assert.Equal(0, await Api.CountAsync("notification_preferences"));
    }

    [Fact]
    public async Task An_unsubscribe_token_cannot_be_turned_to_another_person_or_category()
    {
        var tokens = Api.Services.GetRequiredService<UnsubscribeTokens>();
        var user = await Api.CreateUserAsync();
        var token = tokens.Issue(user.Id, "mention");
        Assert.Equal((user.Id, "mention"), tokens.Read(token));
        var parts = token.Split('.');
        var otherPayload = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode([
            .. Guid.NewGuid().ToByteArray(),
            .. "mention"u8.ToArray(),
        ]);
        Assert.Null(tokens.Read($"{otherPayload}.{parts[1]}"));
        var otherCategory = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode([
            .. user.Id.ToByteArray(),
            .. "content_hidden"u8.ToArray(),
        ]);
        Assert.Null(tokens.Read($"{otherCategory}.{parts[1]}"));
    }

    [GeneratedRegex(@"unsubscribe\?token=(?<token>[^>""]+)")]
    private static partial Regex UnsubscribeLink();
}
