using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Feed;

/// <summary>The change feed: exact cursors, tombstones, scopes, and a follower that ends with exactly the public state.</summary>
public sealed class ChangeFeedTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>What a follower holds: every public resource by kind and id, applied entry by entry.</summary>
    private sealed class Mirror
    {
        public Dictionary<Guid, JsonNode> Projects { get; } = [];
        public Dictionary<Guid, (JsonNode Idea, Guid Project)> Ideas { get; } = [];
        public Dictionary<Guid, (JsonNode Comment, Guid Project)> Comments { get; } = [];
        public Dictionary<Guid, JsonNode> Events { get; } = [];
        public string? Cursor { get; set; }
        public int Entries { get; private set; }
        public int Tombstones { get; private set; }

        public Dictionary<Guid, List<string>> Log { get; } = [];

        public void Apply(JsonNode entry)
        {
            Entries++;
            var id = entry["id"]!.GetValue<Guid>();
            if (!Log.TryGetValue(id, out var log))
                Log[id] = log = [];
            log.Add(entry["event"] + (entry["tombstone"] is null ? "" : ":" + entry["tombstone"]!["reason"]));
            var project = entry["projectId"]?.GetValue<Guid>() ?? Guid.Empty;
            var kind = entry["kind"]!.GetValue<string>();
            if (entry["tombstone"] is not null)
            {
                Tombstones++;
                switch (kind)
                {
                    case "project":
                        Projects.Remove(id);
                        foreach (var idea in Ideas.Where(i => i.Value.Project == id).Select(i => i.Key).ToList())
                            Ideas.Remove(idea);
                        foreach (var comment in Comments.Where(c => c.Value.Project == id).Select(c => c.Key).ToList())
                            Comments.Remove(comment);
                        foreach (var ev in Events.Where(e => e.Value["projectId"]?.GetValue<Guid>() == id).Select(e => e.Key).ToList())
                            Events.Remove(ev);
                        break;
                    case "calendar_event":
                        Events.Remove(id);
                        break;
                    case "idea":
                        // An idea's tombstone covers its conversation.
                        Ideas.Remove(id);
                        foreach (
                            var comment in Comments
                                .Where(c => c.Value.Comment["ideaId"]!.GetValue<Guid>() == id)
                                .Select(c => c.Key)
                                .ToList()
                        )
                            Comments.Remove(comment);
                        break;
                    default:
                        Comments.Remove(id);
                        break;
                }
                return;
            }
            switch (kind)
            {
                case "project":
                    Projects[id] = entry["project"]!.DeepClone();
                    break;
                case "idea":
                    Ideas[id] = (entry["idea"]!.DeepClone(), project);
                    break;
                case "calendar_event":
                    Events[id] = entry["calendarEvent"]!.DeepClone();
                    break;
                default:
                    Comments[id] = (entry["comment"]!.DeepClone(), project);
                    break;
            }
        }

        /// <summary>The API whose writes the mirror follows (see <see cref="Http.SettledAsync"/>).</summary>
        public required ApiFactory Api { get; init; }

        /// <summary>Reads pages until the feed has nothing more readable now, every write made before the call included.</summary>
        public async Task CatchUpAsync(HttpClient client)
        {
            await Api.SettledAsync();
            for (var page = 0; page < 10_000; page++)
            {
                var response = await client.GetAsync("/api/v1/changes?limit=37" + (Cursor is null ? "" : $"&after={Cursor}"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.ReadJsonAsync();
                foreach (var entry in body["items"]!.AsArray())
                    Apply(entry!);
                Cursor = body["nextCursor"]!.GetValue<string>();
                if (!body["hasMore"]!.GetValue<bool>())
                    return;
            }
            throw new Xunit.Sdk.XunitException("the feed never ended");
        }
    }

    /// <summary>The writing transaction a cursor is at (the test knows the cursor's format; integrators need not).</summary>
    private static long TxOf(string? cursor)
    {
        if (cursor is null)
            return 0;
        var json = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(cursor));
        var node = JsonNode.Parse(json)!.AsObject();
        return node.First(p => string.Equals(p.Key, "t", StringComparison.OrdinalIgnoreCase)).Value!.GetValue<long>();
    }

    [Fact]
    public async Task A_follower_running_beside_parallel_writers_ends_with_exactly_the_public_state()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var reader = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("projects:read", "ideas:read"));
        var mirror = new Mirror { Api = Api };
        var writing = true;
        var residents = new List<HttpClient> { c.A, c.B };
        for (var i = 0; i < 2; i++)
            residents.Add(Api.ClientFor((await c.ResidentAsync($"Habitant{i}")).Id));

        // The follower reads all along, while the writers create, edit, hide, withdraw and delete.
        var follower = Task.Run(async () =>
        {
            for (var round = 0; round < 100_000 && Volatile.Read(ref writing); round++)
            {
                await mirror.CatchUpAsync(reader);
                await Task.Yield();
            }
        });
        var writers = residents
            .Select(
                (resident, n) =>
                    Task.Run(async () =>
                    {
                        for (var i = 0; i < 6; i++)
                        {
                            var project = i % 2 == 0 ? c.P1 : c.P2;
                            var idea = await c.IdeaAsync(resident, project, $"Idée {n}-{i}");
                            var comment = await c.CommentAsync(resident, idea, $"Commentaire {n}-{i}");
                            await resident.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" });
                            switch (i % 6)
                            {
                                case 0:
                                    await resident.PutAsJsonAsync($"/api/v1/ideas/{idea}", IdeaCity.Idea($"Idée {n}-{i} (revue)"));
                                    break;
                                case 1:
                                    await c.Admin.PostJsonAsync($"/api/v1/ideas/{idea}/hide", new { reason = "Hors sujet" });
                                    break;
                                case 2:
                                    await resident.PostAsync($"/api/v1/ideas/{idea}/withdraw", null);
                                    break;
                                case 3:
                                    await resident.DeleteAsync($"/api/v1/comments/{comment}");
                                    break;
                                case 4:
                                    await c.Admin.PostJsonAsync($"/api/v1/comments/{comment}/hide", new { reason = "Propos injurieux" });
                                    break;
                                default:
                                    await resident.PutAsJsonAsync(
                                        $"/api/v1/comments/{comment}",
                                        new { body = $"Commentaire {n}-{i} (corrigé)" }
                                    );
                                    break;
                            }
                        }
                    })
            )
            .ToList();
        var archived = await c.City.ProjectAsync(c.Admin, c.City.D1, "Ancien projet", "published");
        await c.Admin.PatchAsJsonAsync($"/api/v1/projects/{c.P1}", new { summary = new { fr = "Un parc pour tous" } });
        await c.Admin.PostJsonAsync($"/api/v1/projects/{archived}/status", new { status = "archived" });
        await Task.WhenAll(writers);
        Volatile.Write(ref writing, false);
        await follower;
        // Caught up means past the last event written: the feed reads below the oldest transaction still running, which
        // other tests on this server may hold back for a moment (the feed waits for them; it never skips).
        var last = await Api.ScalarAsync<long>("SELECT max(tx_id)::text::bigint FROM events");
        for (var round = 0; round < 10_000 && TxOf(mirror.Cursor) < last; round++)
        {
            await mirror.CatchUpAsync(reader);
            if (TxOf(mirror.Cursor) < last)
                await Task.Delay(10);
        }
        Assert.True(TxOf(mirror.Cursor) >= last, "the follower never caught up");

        // The public state, as a visitor reads it from the lists.
        var visitor = Api.CreateClient();
        var projects = new Dictionary<Guid, JsonNode>();
        foreach (
            var project in (await visitor.GetFromJsonAsync<JsonNode>("/api/v1/projects?status=published&limit=100"))!["items"]!.AsArray()
        )
        {
            var id = project!["id"]!.GetValue<Guid>();
            projects[id] = (await (await visitor.GetAsync($"/api/v1/projects/{id}")).ReadJsonAsync());
        }
        var ideas = new Dictionary<Guid, JsonNode>();
        var comments = new Dictionary<Guid, JsonNode>();
        foreach (var project in projects.Keys)
        {
            string? cursor = null;
            do
            {
                var page = await (
                    await visitor.GetAsync(
                        $"/api/v1/projects/{project}/ideas?sort=newest&limit=50" + (cursor is null ? "" : $"&cursor={cursor}")
                    )
                ).ReadJsonAsync();
                foreach (var idea in page["items"]!.AsArray())
                    ideas[idea!["id"]!.GetValue<Guid>()] = idea;
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null);
        }
        foreach (var idea in ideas.Keys)
        {
            var page = await (await visitor.GetAsync($"/api/v1/ideas/{idea}/comments?limit=100")).ReadJsonAsync();
            foreach (var comment in page["items"]!.AsArray().Where(x => x!["state"]!.GetValue<string>() == "visible"))
                comments[comment!["id"]!.GetValue<Guid>()] = comment;
        }

        Assert.Equal(projects.Keys.Order(), mirror.Projects.Keys.Order());
        Assert.DoesNotContain(archived, mirror.Projects.Keys);
        foreach (var (id, project) in projects)
            Assert.True(JsonNode.DeepEquals(project, mirror.Projects[id]), $"project {id}: {project} ≠ {mirror.Projects[id]}");
        var onlyPublic = ideas.Keys.Except(mirror.Ideas.Keys).ToList();
        var onlyMirror = mirror.Ideas.Keys.Except(ideas.Keys).ToList();
        Assert.True(
            onlyPublic.Count == 0 && onlyMirror.Count == 0,
            $"ideas public only: {string.Join(", ", onlyPublic.Select(i => ideas[i]["title"]))}; "
                + $"mirror only: {string.Join(", ", onlyMirror.Select(i => mirror.Ideas[i].Idea["title"]))}"
        );
        foreach (var (id, idea) in ideas)
            Assert.True(JsonNode.DeepEquals(idea, mirror.Ideas[id].Idea), $"idea {id}: {idea} ≠ {mirror.Ideas[id].Idea}");
        string Describe(IEnumerable<Guid> ids, Func<Guid, JsonNode> body) =>
            string.Join(", ", ids.Select(i => body(i)["body"] + " " + string.Join("/", mirror.Log.GetValueOrDefault(i, []))));
        var commentsOnlyPublic = comments.Keys.Except(mirror.Comments.Keys).ToList();
        var commentsOnlyMirror = mirror.Comments.Keys.Except(comments.Keys).ToList();
        Assert.True(
            commentsOnlyPublic.Count == 0 && commentsOnlyMirror.Count == 0,
            $"comments public only: {Describe(commentsOnlyPublic, i => comments[i])}; "
                + $"mirror only: {Describe(commentsOnlyMirror, i => mirror.Comments[i].Comment)}"
        );
        foreach (var (id, comment) in comments)
            Assert.Equal(comment["body"]!.GetValue<string>(), mirror.Comments[id].Comment["body"]!.GetValue<string>());
        // The run did what it says: 24 ideas, of which 4 hidden and 4 withdrawn; of the 16 comments on public ideas, 4 deleted
        // and 4 hidden.
        Assert.True(16 == ideas.Count, string.Join(", ", ideas.Values.Select(i => i["title"]!.GetValue<string>()).Order()));
        Assert.Equal(8, comments.Count);
        Assert.True(mirror.Tombstones >= 17, $"{mirror.Tombstones} tombstones");
    }

    [Fact]
    public async Task The_present_cursor_starts_after_what_the_lists_already_show()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var before = await c.IdeaAsync(c.A, c.P1, "Avant");
        var reader = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("ideas:read"));
        var cursor = await CursorAsync(reader);

        var after = await c.IdeaAsync(c.B, c.P1, "Après");
        await c.Admin.PostJsonAsync($"/api/v1/ideas/{before}/hide", new { reason = "Doublon" });
        var page = await ChangesAsync(reader, $"/api/v1/changes?after={cursor}");

        var entries = page["items"]!.AsArray();
        Assert.Equal(
            [(after, "idea.submitted", false), (before, "idea.hidden", true)],
            entries.Select(e => (e!["id"]!.GetValue<Guid>(), e["event"]!.GetValue<string>(), e["tombstone"] is not null))
        );
        Assert.Equal("hidden", entries[1]!["tombstone"]!["reason"]!.GetValue<string>());
        Assert.Equal("Après", entries[0]!["idea"]!["title"]!.GetValue<string>());
        // Resuming after the last entry gives nothing more.
        var rest = await ChangesAsync(reader, $"/api/v1/changes?after={entries[1]!["cursor"]}");
        Assert.Empty(rest["items"]!.AsArray());
        Assert.False(rest["hasMore"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_client_sees_only_the_kinds_its_scopes_allow_and_people_only_as_admin_or_IT_manager()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await c.IdeaAsync(c.A, c.P1);
        var projectsOnly = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("projects:read"));
        var resultsOnly = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("results:read"));

        var kinds = (await ChangesAsync(projectsOnly, "/api/v1/changes?limit=500"))["items"]!
            .AsArray()
            .Select(e => e!["kind"]!.GetValue<string>())
            .Distinct();

        // projects:read covers projects and their events (other tests on this server may have written events).
        Assert.Contains("project", kinds);
        Assert.Empty(kinds.Except(["project", "calendar_event"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await resultsOnly.GetAsync("/api/v1/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync("/api/v1/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.A.GetAsync("/api/v1/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Mod1.GetAsync("/api/v1/changes")).StatusCode);
        var it = Api.ClientFor((await Api.CreateUserAsync(role: "it_manager")).Id);
        var all = (await ChangesAsync(it, "/api/v1/changes?types=idea,project&limit=500"))["items"]!.AsArray();
        Assert.Equal(["idea", "project"], all.Select(e => e!["kind"]!.GetValue<string>()).Distinct().Order());
        Assert.Equal(HttpStatusCode.OK, (await c.Admin.GetAsync("/api/v1/changes/cursor")).StatusCode);
    }

    [Fact]
    public async Task An_event_is_followed_from_creation_through_registrations_to_cancellation_and_its_project_going_back_to_draft()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var reader = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("projects:read"));
        var ideasOnly = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("ideas:read"));
        var mirror = new Mirror { Api = Api, Cursor = await CursorAsync(reader) };
        var ideasCursor = await CursorAsync(ideasOnly);

        var id = await CalendarEvents.CalendarEventTestKit.CreateAsync(c.Mod1, CalendarEvents.CalendarEventTestKit.Body(c.P1, capacity: 5));
        await CalendarEvents.CalendarEventTestKit.RegisterAsync(c.A, id);
        await mirror.CatchUpAsync(reader);

        // The representation is the visitor's: the places left, no one's registration, no write access.
        var seen = mirror.Events[id];
        var visitor = await (await Api.CreateClient().GetAsync($"/api/v1/events/{id}")).ReadJsonAsync();
        Assert.True(JsonNode.DeepEquals(visitor, seen), $"{visitor} ≠ {seen}");
        Assert.Equal(4, seen["placesLeft"]!.GetValue<int>());
        Assert.Null(seen["myRegistration"]);
        Assert.False(seen["canEdit"]!.GetValue<bool>());
        Assert.Equal(["calendar_event.created", "calendar_event.registered"], mirror.Log[id]);
        Assert.EndsWith($"/events/{seen["slug"]!.GetValue<string>()}", seen["webUrl"]!.GetValue<string>());

        // Cancelled, it stays (marked); its project back to draft takes it out of the public state.
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PostJsonAsync($"/api/v1/events/{id}/cancel", new { reason = "Alerte météo" })).StatusCode
        );
        await mirror.CatchUpAsync(reader);
        Assert.Equal("cancelled", mirror.Events[id]["status"]!.GetValue<string>());
        var platformEvent = await CalendarEvents.CalendarEventTestKit.CreateAsync(
            c.Admin,
            CalendarEvents.CalendarEventTestKit.Body(null, "Marché de Noël")
        );
        var draft = await c.Admin.PostJsonAsync($"/api/v1/projects/{c.P1}/status", new { status = "draft" });
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        await mirror.CatchUpAsync(reader);
        Assert.DoesNotContain(id, mirror.Events.Keys);
        Assert.Null(mirror.Events[platformEvent]["projectId"]);
        Assert.Equal("project.status_changed:project_draft", mirror.Log[c.P1][^1]);

        // A client without projects:read sees no event.
        var ideasPage = await ChangesAsync(ideasOnly, $"/api/v1/changes?after={ideasCursor}&limit=500");
        Assert.DoesNotContain(ideasPage["items"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "calendar_event");
    }

    /// <summary>A page of the feed read once every write made before is readable (see <see cref="Http.SettledAsync"/>).</summary>
    private async Task<JsonNode> ChangesAsync(HttpClient client, string url)
    {
        await Api.SettledAsync();
        return await (await client.GetAsync(url)).ReadJsonAsync();
    }

    /// <summary>The present cursor, once every write made before is readable (it stands at the oldest running transaction).</summary>
    private async Task<string> CursorAsync(HttpClient reader) =>
        (await ChangesAsync(reader, "/api/v1/changes/cursor"))["cursor"]!.GetValue<string>();

    [Theory]
    [InlineData("after=garbage", "cursor")]
    [InlineData("after=eyJUIjotMSwiUCI6MH0", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("types=idea,vote", "types")]
    public async Task Bad_cursors_limits_and_types_are_400s(string query, string field)
    {
        var reader = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("ideas:read"));

        var response = await reader.GetAsync($"/api/v1/changes?{query}");

        await response.AssertFieldErrorsAsync(field);
    }
}
