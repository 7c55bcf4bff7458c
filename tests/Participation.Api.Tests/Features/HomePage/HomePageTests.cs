using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Features.HomePage;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.HomePage;

/// <summary>
/// The home page: a good default out of the box; drafts edited per language by communication managers and admins,
/// previewed, then published (versioned, audited); readers get the published layout with its sections' content in a
/// constant number of statements, falling back to the default language's, then to the built-in layout.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class HomePageTests(ApiFactory api) : ApiTest(api)
{
    private const string Key = "0123456789abcdef0123456789abcdef.png";

    private const string Snapshot = "SELECT coalesce(string_agg(row_to_json(h)::text, ',' ORDER BY h.language), '') FROM home_pages h";

    private static object Layout(
        string title = "Bienvenue",
        string? imageKey = null,
        string? imageAlt = null,
        Guid[]? pinned = null,
        string? ctaLink = "/projects",
        object[]? sections = null
    ) =>
        new
        {
            banner = new
            {
                imageKey,
                imageAlt,
                title,
                text = "<p onclick=\"x()\">Participez <script>alert(1)</script></p>",
                ctaLabel = ctaLink is null ? null : "Voir les projets",
                ctaLink,
            },
            pinnedProjectIds = pinned ?? [],
            sections = sections
                ?? new object[]
                {
                    new { kind = "closing_soon", visible = true },
                    new
                    {
                        kind = "open_projects",
                        visible = true,
                        heading = "À vous de jouer",
                    },
                    new { kind = "upcoming_events", visible = false },
                    new { kind = "results_and_decisions", visible = true },
                    new { kind = "figures", visible = true },
                },
        };

    private static async Task<JsonNode> SaveAsync(HttpClient client, int version, object layout, string language = "fr")
    {
        var response = await client.PutAsJsonAsync(
            "/api/v1/home-page/draft",
            new
            {
                version,
                language,
                layout,
            }
        );
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task AddImageAsync()
    {
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO media (key, content_type, size_bytes, width, height) VALUES (@Key, 'image/png', 10, 1600, 600);",
            new { Key }
        );
    }

    [Fact]
    public async Task Out_of_the_box_everyone_gets_the_built_in_layout_with_every_section()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var home = await (await Api.CreateClient().GetAsync("/api/v1/home-page?language=nl")).ReadJsonAsync();

        Assert.Equal("built_in", home["source"]!.GetValue<string>());
        Assert.Equal("nl", home["language"]!.GetValue<string>()); // nl is enabled by default
        Assert.Equal(
            ["open_projects", "closing_soon", "upcoming_events", "results_and_decisions", "figures"],
            home["sections"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ToArray()
        );
        Assert.Equal(2, home["openProjects"]!.AsArray().Count);
        Assert.Contains(home["openProjects"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == c.P1);
        Assert.Equal(4, home["figures"]!.AsArray().Count);
        await (await Api.CreateClient().GetAsync("/api/v1/home-page?language=de")).AssertFieldErrorsAsync("language");
    }

    [Fact]
    public async Task A_communication_manager_saves_previews_and_publishes_and_readers_see_it_with_its_content()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await AddImageAsync();
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync("UPDATE phases SET ends_at = now() + interval '5 days' WHERE project_id = @P2;", new { c.P2 });
        var editor = Api.ClientFor((await Api.CreateUserAsync(role: "communication_manager")).Id);
        var anonymous = Api.CreateClient();

        var draft = await (await editor.GetAsync("/api/v1/home-page/draft?language=fr")).ReadJsonAsync();
        Assert.Equal(0, draft["version"]!.GetValue<int>());
        var saved = await SaveAsync(editor, 0, Layout(imageKey: Key, imageAlt: "Le parc au printemps", pinned: [c.P2, c.P1]));

        Assert.Equal(1, saved["version"]!.GetValue<int>());
        Assert.False(saved["isPublished"]!.GetValue<bool>());
        var text = saved["layout"]!["banner"]!["text"]!.GetValue<string>();
        Assert.DoesNotContain("script", text);
        Assert.DoesNotContain("onclick", text);
        Assert.Equal("built_in", (await (await anonymous.GetAsync("/api/v1/home-page")).ReadJsonAsync())["source"]!.GetValue<string>());

        var preview = await (await editor.GetAsync("/api/v1/home-page/preview?language=fr")).ReadJsonAsync();
        Assert.Equal("draft", preview["source"]!.GetValue<string>());
        Assert.Equal("Bienvenue", preview["banner"]!["title"]!.GetValue<string>());

        var published = await (
            await editor.PostAsJsonAsync("/api/v1/home-page/publish", new { version = 1, language = "fr" })
        ).ReadJsonAsync();
        Assert.Equal(2, published["version"]!.GetValue<int>());
        Assert.True(published["isPublished"]!.GetValue<bool>());
        Assert.False(published["hasUnpublishedChanges"]!.GetValue<bool>());

        var home = await (await anonymous.GetAsync("/api/v1/home-page?language=fr")).ReadJsonAsync();
        Assert.Equal("published", home["source"]!.GetValue<string>());
        Assert.Equal($"/api/v1/media/{Key}", home["imageUrl"]!.GetValue<string>());
        Assert.Equal("Le parc au printemps", home["banner"]!["imageAlt"]!.GetValue<string>());
        Assert.Equal([c.P2, c.P1], home["pinnedProjects"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ToArray());
        // Hidden sections are left out, the others keep their order and heading.
        Assert.Equal(
            ["closing_soon", "open_projects", "results_and_decisions", "figures"],
            home["sections"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ToArray()
        );
        Assert.Equal("À vous de jouer", home["sections"]![1]!["heading"]!.GetValue<string>());
        Assert.Equal([c.P2], home["closingSoon"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ToArray());
        Assert.Empty(home["upcomingEvents"]!.AsArray());

        // English has nothing published: the default language's layout; a draft project is never pinned.
        var en = await (await anonymous.GetAsync("/api/v1/home-page?language=en")).ReadJsonAsync();
        Assert.Equal("default_language", en["source"]!.GetValue<string>());
        Assert.Equal("fr", en["language"]!.GetValue<string>());

        var updated = Assert.Single(await Api.EventsAsync("home_page.updated"));
        Assert.True(updated.Audited);
        Assert.True(Assert.Single(await Api.EventsAsync("home_page.published")).Audited);
    }

    [Fact]
    public async Task A_stale_version_and_bad_input_are_refused_and_nothing_is_written()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var editor = c.Admin;
        await SaveAsync(editor, 0, Layout());
        var before = await Api.ScalarAsync<string>(Snapshot);
        var events = await Api.CountAsync("events");

        var stale = await editor.PutAsJsonAsync(
            "/api/v1/home-page/draft",
            new
            {
                version = 0,
                language = "fr",
                layout = Layout("Autre"),
            }
        );
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        await (await editor.PostAsJsonAsync("/api/v1/home-page/publish", new { version = 7, language = "fr" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        await (await editor.PostAsJsonAsync("/api/v1/home-page/publish", new { version = 1, language = "en" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );

        async Task Refused(object layout, params string[] fields) =>
            await (
                await editor.PutAsJsonAsync(
                    "/api/v1/home-page/draft",
                    new
                    {
                        version = 1,
                        language = "fr",
                        layout,
                    }
                )
            ).AssertFieldErrorsAsync(fields);
        await Refused(Layout(imageKey: Key), "layout.banner.imageAlt");
        await Refused(Layout(imageKey: Key, imageAlt: "Un parc"), "layout.banner.imageKey"); // never uploaded
        await Refused(Layout(ctaLink: "javascript:alert(1)"), "layout.banner.ctaLink");
        await Refused(Layout(ctaLink: "//evil.example"), "layout.banner.ctaLink");
        await Refused(Layout(ctaLink: "http://example.org"), "layout.banner.ctaLink");
        await Refused(Layout(title: ""), "layout.banner.title");
        await Refused(Layout(pinned: [Guid.NewGuid()]), "layout.pinnedProjectIds");
        await Refused(Layout(pinned: [c.P1, c.P1]), "layout.pinnedProjectIds");
        await Refused(
            Layout(sections: [new { kind = "figures", visible = true }, new { kind = "figures", visible = false }]),
            "layout.sections"
        );
        await (await editor.PutAsJsonAsync("/api/v1/home-page/draft", new { version = 1, language = "fr" })).AssertFieldErrorsAsync(
            "layout"
        );

        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync("UPDATE platform_settings SET languages = ARRAY['fr'] WHERE id = 1;");
        await (
            await editor.PutAsJsonAsync(
                "/api/v1/home-page/draft",
                new
                {
                    version = 0,
                    language = "nl",
                    layout = Layout(),
                }
            )
        ).AssertFieldErrorsAsync("language");
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync("UPDATE platform_settings SET languages = ARRAY['fr', 'nl', 'en'] WHERE id = 1;");

        Assert.Equal(before, await Api.ScalarAsync<string>(Snapshot));
        Assert.Equal(events, await Api.CountAsync("events"));
    }

    [Fact]
    public async Task The_public_home_page_runs_the_same_number_of_statements_whatever_its_content()
    {
        var c = await IdeaCity.CreateAsync(Api);
        async Task<int> Count()
        {
            using var counter = new SqlCounter();
            await Api.Send(new GetHomePage.Query(HomePageLanguage.Fr));
            return counter.Count;
        }
        var few = await Count();
        for (var i = 0; i < 4; i++)
        {
            var p = await c.City.ProjectAsync(c.Admin, c.City.D1, $"Projet {i}", "published");
            var now = DateTimeOffset.UtcNow;
            await IdeaCity.PhaseAsync(c.Admin, p, "ideation", now.AddDays(-1), now.AddDays(3), null);
        }
        await SaveAsync(c.Admin, 0, Layout(pinned: [c.P1, c.P2]));
        await c.Admin.PostAsJsonAsync("/api/v1/home-page/publish", new { version = 1, language = "fr" });

        Assert.Equal(few, await Count());
    }
}
