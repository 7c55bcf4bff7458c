using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Features.Events;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Notifications;

/// <summary>Notifications are written from the recorded events, in the transaction that records them.</summary>
public sealed class NotificationsFromEventsTests(ApiFactory api) : ApiTest(api)
{
    private NpgsqlDataSource Db => Api.Services.GetRequiredService<NpgsqlDataSource>();
    private EventRecorder Events => Api.Services.GetRequiredService<EventRecorder>();

    /// <summary>A status change of <paramref name="idea"/> by <paramref name="moderator"/>, as ChangeIdeaStatus records it.</summary>
    private Task<RecordedEvent> StatusChangedAsync(NpgsqlTransaction tx, IdeaCity c, Guid idea, long changeId) =>
        Events.RecordAsync(
            tx,
            EventType.IdeaStatusChanged,
            Actor.User(c.Moderator1.Id),
            idea,
            Scope.Project(c.P1),
            before: new { status = "proposed" },
            after: new
            {
                status = "accepted",
                feedback = "Oui",
                signedAs = "Espaces verts",
                changeId,
                ideaTitle = "Plus de bancs au parc",
            },
            data: new
            {
                projectId = c.P1,
                from = "proposed",
                to = "accepted",
                feedback = true,
            }
        );

    private Task<long> NotificationsAsync(string key) =>
        Api.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE event_key = @Key", new { Key = key });

    [Fact]
    public async Task A_rolled_back_change_writes_neither_its_event_nor_its_notifications()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        await c.B.PutAsync($"/api/v1/ideas/{idea}/follow", null);

        await using (var connection = await Db.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await StatusChangedAsync(tx, c, idea, changeId: 424242);
            // Inside the transaction the notifications are there, with the event…
            Assert.Equal(
                2L,
                await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM notifications WHERE event_key = 'idea_status:424242'",
                    transaction: tx
                )
            );
            await tx.RollbackAsync();
        }

        // …and they go with it.
        Assert.Equal(0, await NotificationsAsync("idea_status:424242"));
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'idea.status_changed'"));
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'idea.status_changed'"));
    }

    [Fact]
    public async Task Recording_the_same_fact_twice_even_at_once_notifies_each_person_once()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        await c.B.PutAsync($"/api/v1/ideas/{idea}/follow", null);

        // Two writers (two API instances) record the same fact concurrently: the second waits for the first's
        // notifications to commit, then skips them.
        await using var first = await Db.OpenConnectionAsync();
        await using var firstTx = await first.BeginTransactionAsync();
        await StatusChangedAsync(firstTx, c, idea, changeId: 777);
        var second = Task.Run(async () =>
        {
            await using var connection = await Db.OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await StatusChangedAsync(tx, c, idea, changeId: 777);
            await tx.CommitAsync();
        });
        await Task.Delay(200); // the second writer most likely waits on the first one's notifications now (either order is correct)
        await firstTx.CommitAsync();
        await second;
        // And once more, later (a retry).
        await using (var again = await Db.OpenConnectionAsync())
        await using (var tx = await again.BeginTransactionAsync())
        {
            await StatusChangedAsync(tx, c, idea, changeId: 777);
            await tx.CommitAsync();
        }

        Assert.Equal(3, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'idea.status_changed'"));
        await using var db = await Api.OpenAsync();
        var rows = (
            await db.QueryAsync<(Guid User, string Category)>(
                "SELECT user_id, category FROM notifications WHERE event_key = 'idea_status:777' ORDER BY category"
            )
        ).ToList();
        Assert.Equal(new[] { (c.ResidentB.Id, "idea_status_followed"), (c.ResidentA.Id, "idea_status_mine") }, rows);
    }

    [Fact]
    public async Task An_event_the_notifications_do_not_know_notifies_nobody()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await c.IdeaAsync(c.A);
        var before = await Api.CountAsync("notifications");
        await using var connection = await Db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await Events.RecordAsync(
            tx,
            EventType.IdeaCostSet,
            Actor.User(c.Moderator1.Id),
            Guid.NewGuid(),
            Scope.Project(c.P1),
            data: new { cost = 10 }
        );
        await tx.CommitAsync();
        Assert.Equal(before, await Api.CountAsync("notifications"));
    }

    private async Task<(JsonNode? Before, JsonNode? After, JsonNode Data)> EventAsync(string type, object subject)
    {
        await using var connection = await Api.OpenAsync();
        var row = await connection.QuerySingleAsync<(string? Before, string? After, string Data)>(
            "SELECT before::text, after::text, data::text FROM events WHERE type = @Type AND subject_id = @Subject",
            new { Type = type, Subject = subject.ToString() }
        );
        return (
            row.Before is null ? null : JsonNode.Parse(row.Before),
            row.After is null ? null : JsonNode.Parse(row.After),
            JsonNode.Parse(row.Data)!
        );
    }

    private static void AssertKeys(JsonNode? node, params string[] keys) =>
        Assert.Equal(keys.Order(), node!.AsObject().Select(p => p.Key).Order());

    [Fact]
    public async Task An_idea_s_life_is_recorded_with_what_changed_and_what_the_notifications_need()
    {
        var c = await IdeaCity.CreateAsync(Api, new { preModeration = true });
        var idea = await c.IdeaAsync(c.A);

        var submitted = await EventAsync("idea.submitted", idea);
        Assert.Null(submitted.Before);
        Assert.Equal("Plus de bancs au parc", submitted.After!["title"]!.GetValue<string>());
        Assert.Equal("prescreening", submitted.After["status"]!.GetValue<string>());
        Assert.Equal(new[] { "mobilier", "parc" }, submitted.After["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("person", submitted.Data["authorKind"]!.GetValue<string>());
        Assert.Equal("Alice Martin", submitted.Data["authorName"]!.GetValue<string>());
        Assert.Equal(
            $"new_idea:{idea}",
            await Api.ScalarAsync<string>(
                "SELECT event_key FROM notifications WHERE user_id = @Id AND category = 'new_idea_to_moderate'",
                new { c.Moderator1.Id }
            )
        );

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/review", new { decision = "approve" })).StatusCode
        );
        var approved = await EventAsync("idea.approved", idea);
        Assert.Equal("prescreening", approved.Before!["status"]!.GetValue<string>());
        Assert.Equal("proposed", approved.After!["status"]!.GetValue<string>());
        AssertKeys(approved.Data, "projectId", "reason");
        var changeId = approved.After["changeId"]!.GetValue<long>();
        Assert.Equal(
            "proposed",
            await Api.ScalarAsync<string>(
                "SELECT data ->> 'status' FROM notifications WHERE event_key = @Key AND user_id = @Id",
                new { Key = $"idea_status:{changeId}", c.ResidentA.Id }
            )
        );

        var rejectedIdea = await c.IdeaAsync(c.A, title: "Hors sujet");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await c.Mod1.PostJsonAsync($"/api/v1/ideas/{rejectedIdea}/review", new { decision = "reject", reason = "Hors périmètre" })
            ).StatusCode
        );
        var rejected = await EventAsync("idea.rejected", rejectedIdea);
        Assert.Equal("prescreening", rejected.Before!["status"]!.GetValue<string>());
        Assert.Equal("rejected", rejected.After!["status"]!.GetValue<string>());
        Assert.Equal("Hors périmètre", rejected.Data["reason"]!.GetValue<string>());
        var rejection = await (await c.A.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        Assert.Contains(rejection["items"]!.AsArray(), n =>
            n!["data"]!["feedback"]?.GetValue<string>() == "Hors périmètre"
            && n["data"]!["previousStatus"]!.GetValue<string>() == "prescreening"
        );

        await c.B.PutAsync($"/api/v1/ideas/{idea}/follow", null);
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "accepted", feedback = "Oui !" })).StatusCode
        );
        var changed = await EventAsync("idea.status_changed", idea);
        Assert.Equal("proposed", changed.Before!["status"]!.GetValue<string>());
        Assert.Equal("accepted", changed.After!["status"]!.GetValue<string>());
        Assert.Equal("Oui !", changed.After["feedback"]!.GetValue<string>());
        Assert.Equal("Espaces verts", changed.After["signedAs"]!.GetValue<string>());
        AssertKeys(changed.Data, "projectId", "from", "to", "feedback");
        Assert.Equal("proposed", changed.Data["from"]!.GetValue<string>());
        Assert.True(changed.Data["feedback"]!.GetValue<bool>());
        var statusData = JsonNode.Parse(
            await Api.ScalarAsync<string>(
                "SELECT data::text FROM notifications WHERE user_id = @Id AND category = 'idea_status_followed'",
                new { c.ResidentB.Id }
            )
        )!;
        AssertKeys(statusData, "ideaTitle", "status", "previousStatus", "feedback", "signedAs");
        Assert.Equal("Oui !", statusData["feedback"]!.GetValue<string>());
        Assert.Equal("Espaces verts", statusData["signedAs"]!.GetValue<string>());

        Assert.Equal(
            HttpStatusCode.Created,
            (
                await c.Mod1.PostJsonAsync(
                    $"/api/v1/ideas/{idea}/notes",
                    new { body = "<b>Voir</b> le règlement", mentions = new[] { c.City.Head1.Id } }
                )
            ).StatusCode
        );
        var note = await EventAsync("idea.note_added", idea);
        Assert.Null(note.Before);
        Assert.Equal(new[] { c.City.Head1.Id }, note.After!["mentions"]!.AsArray().Select(m => m!.GetValue<Guid>()));
        Assert.Equal("Voir le règlement", note.Data["excerpt"]!.GetValue<string>());
        Assert.Equal(
            $"note:{note.After["noteId"]!.GetValue<Guid>()}",
            await Api.ScalarAsync<string>(
                "SELECT event_key FROM notifications WHERE user_id = @Id AND category = 'mention'",
                new { c.City.Head1.Id }
            )
        );

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/hide", new { reason = "Doublon" })).StatusCode
        );
        var hidden = await EventAsync("idea.hidden", idea);
        Assert.False(hidden.Before!["hidden"]!.GetValue<bool>());
        Assert.True(hidden.After!["hidden"]!.GetValue<bool>());
        AssertKeys(hidden.Data, "projectId", "ideaId", "reason", "openFlags");
        Assert.Equal(HttpStatusCode.NoContent, (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/unhide", new { })).StatusCode);
        var kept = await EventAsync("idea.kept", idea);
        Assert.True(kept.Before!["hidden"]!.GetValue<bool>());
        Assert.False(kept.After!["hidden"]!.GetValue<bool>());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE category = 'content_hidden'"));
    }

    [Fact]
    public async Task A_comment_s_life_is_recorded_and_a_hide_is_notified_under_its_audit_entry()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var parent = await c.CommentAsync(c.B, idea, "Première remarque");
        var reply = await c.CommentAsync(c.A, idea, "Merci Bruno", parent);

        var posted = await EventAsync("comment.posted", reply);
        Assert.Null(posted.Before);
        Assert.Equal(idea, posted.After!["ideaId"]!.GetValue<Guid>());
        Assert.Equal(parent, posted.After["parentId"]!.GetValue<Guid>());
        Assert.Equal("person", posted.Data["authorKind"]!.GetValue<string>());
        Assert.Equal("Alice Martin", posted.Data["authorName"]!.GetValue<string>());
        Assert.Equal("Plus de bancs au parc", posted.Data["ideaTitle"]!.GetValue<string>());
        // the reply notifies the parent's author (B); A is the idea's author and the actor: not notified
        await using (var db = await Api.OpenAsync())
        {
            var rows = (
                await db.QueryAsync<(Guid User, string Category)>(
                    "SELECT user_id, category FROM notifications WHERE event_key = @Key",
                    new { Key = $"comment:{reply}" }
                )
            ).ToList();
            Assert.Equal(new[] { (c.ResidentB.Id, "reply_to_my_comment") }, rows);
        }
        var first = await EventAsync("comment.posted", parent);
        Assert.Null(first.After!["parentId"]);
        Assert.Equal(1, await NotificationsAsync($"comment:{parent}"));

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/comments/{parent}/hide", new { reason = "Hors sujet" })).StatusCode
        );
        var hidden = await EventAsync("comment.hidden", parent);
        Assert.False(hidden.Before!["hidden"]!.GetValue<bool>());
        Assert.True(hidden.After!["hidden"]!.GetValue<bool>());
        var auditId = await Api.ScalarAsync<long>(
            "SELECT id FROM audit_log WHERE action = 'comment.hidden' AND target_id = @Id",
            new { Id = parent.ToString() }
        );
        var notified = JsonNode.Parse(
            await Api.ScalarAsync<string>(
                "SELECT data::text FROM notifications WHERE user_id = @Id AND event_key = @Key AND comment_id = @Comment",
                new
                {
                    c.ResidentB.Id,
                    Key = $"hidden:{auditId}",
                    Comment = parent,
                }
            )
        )!;
        AssertKeys(notified, "ideaTitle", "reason", "kind");
        Assert.Equal("comment", notified["kind"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await c.Mod1.PostJsonAsync($"/api/v1/comments/{parent}/unhide", new { })).StatusCode);
        var kept = await EventAsync("comment.kept", parent);
        Assert.True(kept.Before!["hidden"]!.GetValue<bool>());
        Assert.False(kept.After!["hidden"]!.GetValue<bool>());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE category = 'content_hidden'"));
    }
}
