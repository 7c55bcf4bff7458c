using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Widgets.WidgetTestKit;

namespace Participation.Api.Tests.Features.Widgets;

[Collection(ApiCollection.C)]
public sealed class WidgetsTests(ApiFactory api) : ApiTest(api)
{
    private async Task<(HttpClient Client, TestUser User)> StaffAsync(string role = "communication_manager")
    {
        var user = await Api.CreateUserAsync(role: role);
        return (Api.ClientFor(user.Id), user);
    }

    [Fact]
    public async Task A_communication_manager_creates_a_widget_and_gets_its_snippets()
    {
        var (client, _) = await StaffAsync();

        var response = await client.PostJsonAsync("/api/v1/widgets", Settings());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var widget = await response.ReadJsonAsync();
        var id = widget["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/widgets/{id}", response.Headers.Location!.OriginalString);
        // Normalised: colours and origins in lower case, the trailing slash gone.
        Assert.Equal("#1d4ed8", widget["accentColour"]!.GetValue<string>());
        Assert.Equal(
            ["https://www.city.example", "http://localhost:8080"],
            widget["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>())
        );
        var embedUrl = $"http://localhost/embed/widgets/{id}";
        Assert.Equal(embedUrl, widget["embedUrl"]!.GetValue<string>());
        var snippets = widget["snippets"]!;
        Assert.Equal(
            $"<iframe src=\"{embedUrl}\" title=\"Participez aux projets\" width=\"420\" height=\"640\" "
                + "style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>",
            snippets["iframe"]!.GetValue<string>()
        );
        Assert.StartsWith(
            $"<script src=\"http://localhost/embed/embed.js\" data-participation-widget=\"{id}\"",
            snippets["script"]!.GetValue<string>()
        );
        var button = snippets["button"]!.GetValue<string>();
        Assert.StartsWith("<a href=\"https://participation.example/fr/projects\" lang=\"fr\"", button);
        Assert.Contains("background:#1d4ed8;color:#ffffff", button);
        Assert.EndsWith(">Participer</a>", button);

        var read = await (await client.GetAsync($"/api/v1/widgets/{id}")).ReadJsonAsync();
        Assert.Equal(widget.ToJsonString(), read.ToJsonString());
        var list = await (await client.GetAsync("/api/v1/widgets")).ReadJsonAsync();
        Assert.Equal(id, Assert.Single(list["items"]!.AsArray())!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task The_snippets_use_the_configured_public_address_of_the_API()
    {
        using var factory = Api.WithWebHostBuilder(b => b.UseSetting("Email:ApiBaseUrl", "https://api.city.example/"));
        var staff = await Api.CreateUserAsync(role: "it_manager");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = Api.ClientFor(staff.Id).DefaultRequestHeaders.Authorization;

        var widget = await (await client.PostJsonAsync("/api/v1/widgets", Settings())).ReadJsonAsync();

        Assert.StartsWith("https://api.city.example/embed/widgets/", widget["embedUrl"]!.GetValue<string>());
        Assert.StartsWith("<script src=\"https://api.city.example/embed/embed.js\"", widget["snippets"]!["script"]!.GetValue<string>());
    }

    [Fact]
    public async Task Absent_optional_settings_take_their_defaults()
    {
        var (client, _) = await StaffAsync("it_manager");

        var response = await client.PostJsonAsync(
            "/api/v1/widgets",
            new
            {
                name = "Minimal",
                selection = "current",
                language = "en",
            }
        );

        var widget = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(
            (6, "#1d4ed8", "#1f2933", "#ffffff", "cards", 400, 600, 0),
            (
                widget["maxItems"]!.GetValue<int>(),
                widget["accentColour"]!.GetValue<string>(),
                widget["textColour"]!.GetValue<string>(),
                widget["backgroundColour"]!.GetValue<string>(),
                widget["layout"]!.GetValue<string>(),
                widget["width"]!.GetValue<int>(),
                widget["height"]!.GetValue<int>(),
                widget["allowedOrigins"]!.AsArray().Count
            )
        );
        Assert.EndsWith(">Take part</a>", widget["snippets"]!["button"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chosen_projects_keep_their_order_and_may_include_a_draft()
    {
        var city = await City.CreateAsync(Api);
        var (published, draft, archived) = await ProjectsAsync(city);
        var (client, _) = await StaffAsync("admin");

        var response = await client.PostJsonAsync(
            "/api/v1/widgets",
            Settings(selection: "chosen", projectIds: [archived, draft, published, draft])
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(
            [archived, draft, published],
            (await response.ReadJsonAsync())["projectIds"]!.AsArray().Select(p => p!.GetValue<Guid>())
        );
    }

    [Fact]
    public async Task An_unknown_chosen_project_is_refused_and_nothing_is_written()
    {
        var city = await City.CreateAsync(Api);
        var (published, _, _) = await ProjectsAsync(city);
        var (client, _) = await StaffAsync();

        await (
            await client.PostJsonAsync("/api/v1/widgets", Settings(selection: "chosen", projectIds: [published, Guid.NewGuid()]))
        ).AssertFieldErrorsAsync("projectIds");

        Assert.Equal(0, await Api.CountAsync("widgets"));
        Assert.Empty(await Api.EventsAsync("widget.created"));
    }

    public static TheoryData<string, object?, string> BadSettings =>
        new()
        {
            { "name", null, "name" },
            { "name", "", "name" },
            { "name", new string('x', 121), "name" },
            { "name", "a\u202Eb", "name" },
            { "selection", null, "selection" },
            { "selection", "all", "selection" },
            { "language", "de", "language" },
            { "layout", "grid", "layout" },
            { "maxItems", 0, "maxItems" },
            { "maxItems", 13, "maxItems" },
            { "width", 50, "width" },
            { "height", 5000, "height" },
            { "accentColour", "red", "accentColour" },
            { "accentColour", "#12345", "accentColour" },
            { "textColour", "#1234567", "textColour" },
            { "backgroundColour", "javascript:x", "backgroundColour" },
            // Contrast below WCAG AA 4.5:1 on the white background: white text, #777777 (4.48:1), a yellow accent.
            { "textColour", "#ffffff", "textColour" },
            { "textColour", "#777777", "textColour" },
            { "accentColour", "#ffcc00", "accentColour" },
            { "allowedOrigins", new[] { "https://city.example/widgets" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "javascript:alert(1)" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "http://city.example" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "https://city.example?x=1" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "https://city.example#top" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "https://*.city.example" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "https://user@city.example" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "https://city.example; script-src *" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "city.example" }, "allowedOrigins" },
            { "allowedOrigins", new[] { "" }, "allowedOrigins" },
            { "allowedOrigins", new string?[] { null }, "allowedOrigins" },
            { "allowedOrigins", Enumerable.Range(1, 11).Select(i => $"https://site{i}.example").ToArray(), "allowedOrigins" },
            { "projectIds", new[] { Guid.NewGuid() }, "projectIds" }, // "current" takes none
        };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_are_refused_with_the_field_named_and_nothing_is_written(string field, object? value, string error)
    {
        var (client, _) = await StaffAsync();

        await (await client.PostJsonAsync("/api/v1/widgets", Settings().With(field, value))).AssertFieldErrorsAsync(error);

        Assert.Equal(0, await Api.CountAsync("widgets"));
        Assert.Equal(0, await Api.CountAsync("events"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public async Task Chosen_needs_one_to_twelve_projects(int count)
    {
        var (client, _) = await StaffAsync();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();

        await (await client.PostJsonAsync("/api/v1/widgets", Settings(selection: "chosen", projectIds: ids))).AssertFieldErrorsAsync(
            "projectIds"
        );
        Assert.Equal(0, await Api.CountAsync("widgets"));
    }

    [Fact]
    public async Task A_contrast_error_says_the_ratio_in_the_callers_language()
    {
        var (client, _) = await StaffAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var problem = await (await client.PostJsonAsync("/api/v1/widgets", Settings().With("textColour", "#777777"))).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );

        Assert.Equal(
            "The text is not readable enough on this background (contrast 4.4:1): at least 4.5:1 is needed.",
            problem["errors"]!["textColour"]![0]!.GetValue<string>()
        );
    }

    [Fact]
    public async Task Valid_origins_are_normalised()
    {
        var (client, _) = await StaffAsync();

        var widget = await (
            await client.PostJsonAsync(
                "/api/v1/widgets",
                Settings(
                    origins: ["https://WWW.Example.ORG:443", "https://bücher.example", "https://a.example:8443", "http://127.0.0.1:3000"]
                )
            )
        ).ReadJsonAsync();

        Assert.Equal(
            ["https://www.example.org", "https://xn--bcher-kva.example", "https://a.example:8443", "http://127.0.0.1:3000"],
            widget["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>())
        );
    }

    [Fact]
    public async Task Editing_records_the_changed_fields_before_and_after_and_an_unchanged_edit_records_nothing()
    {
        var (client, staff) = await StaffAsync("it_manager");
        var id = await CreateAsync(client, Settings());

        var edited = await client.PutAsJsonAsync(
            $"/api/v1/widgets/{id}",
            Settings(language: "nl", origins: ["https://www.city.example", "https://news.city.example"]).With("maxItems", 3)
        );
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = await edited.ReadJsonAsync();
        Assert.Equal(("nl", 3), (body["language"]!.GetValue<string>(), body["maxItems"]!.GetValue<int>()));
        Assert.EndsWith(">Doe mee</a>", body["snippets"]!["button"]!.GetValue<string>());

        var e = Assert.Single(await Api.EventsAsync("widget.edited"));
        Assert.Equal(
            ("user", staff.Id, "widget", id.ToString(), (Guid?)null, true),
            (e.ActorType, e.ActorId, e.SubjectType, e.SubjectId, e.ProjectId, e.Audited)
        );
        Assert.Equal(
            await Api.JsonbAsync(
                new
                {
                    maxItems = 6,
                    language = "fr",
                    allowedOrigins = new[] { "https://www.city.example", "http://localhost:8080" },
                }
            ),
            e.Before
        );
        Assert.Equal(
            await Api.JsonbAsync(
                new
                {
                    maxItems = 3,
                    language = "nl",
                    allowedOrigins = new[] { "https://www.city.example", "https://news.city.example" },
                }
            ),
            e.After
        );

        Assert.Equal(
            HttpStatusCode.OK,
            (
                await client.PutAsJsonAsync(
                    $"/api/v1/widgets/{id}",
                    Settings(language: "nl", origins: ["https://www.city.example", "https://news.city.example"]).With("maxItems", 3)
                )
            ).StatusCode
        );
        Assert.Single(await Api.EventsAsync("widget.edited"));
    }

    [Fact]
    public async Task A_refused_edit_changes_nothing()
    {
        var (client, _) = await StaffAsync();
        var id = await CreateAsync(client, Settings());
        var before = await Api.ScalarAsync<string>("SELECT row_to_json(w)::text FROM widgets w");

        await (await client.PutAsJsonAsync($"/api/v1/widgets/{id}", Settings().With("textColour", "#eeeeee"))).AssertFieldErrorsAsync(
            "textColour"
        );
        await (
            await client.PutAsJsonAsync($"/api/v1/widgets/{id}", Settings(selection: "chosen", projectIds: [Guid.NewGuid()]))
        ).AssertFieldErrorsAsync("projectIds");
        await (await client.PutAsJsonAsync($"/api/v1/widgets/{Guid.NewGuid()}", Settings())).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await Api.ScalarAsync<string>("SELECT row_to_json(w)::text FROM widgets w"));
        Assert.Empty(await Api.EventsAsync("widget.edited"));
    }

    [Fact]
    public async Task Creating_and_deleting_record_the_settings_and_the_audit_log_shows_them()
    {
        var (client, staff) = await StaffAsync("admin");
        var id = await CreateAsync(client, Settings(name: "Accueil"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/widgets/{id}")).StatusCode);

        await (await client.GetAsync($"/api/v1/widgets/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/v1/widgets/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync($"/embed/widgets/{id}")).StatusCode);
        var created = Assert.Single(await Api.EventsAsync("widget.created"));
        var deleted = Assert.Single(await Api.EventsAsync("widget.deleted"));
        Assert.Null(created.Before);
        Assert.Null(deleted.After);
        Assert.Equal(created.After, deleted.Before);
        Assert.Equal("Accueil", created.AfterJson!["name"]!.GetValue<string>());
        Assert.Equal("#1d4ed8", created.AfterJson!["accentColour"]!.GetValue<string>());
        foreach (var e in new[] { created, deleted })
            Assert.Equal(
                ("user", staff.Id, "widget", id.ToString(), true, "Accueil"),
                (e.ActorType, e.ActorId, e.SubjectType, e.SubjectId, e.Audited, e.DataJson["name"]!.GetValue<string>())
            );
        var audit = await (await client.GetAsync("/api/v1/audit-log")).ReadJsonAsync();
        Assert.Equal(
            ["widget.deleted", "widget.created"],
            audit["items"]!
                .AsArray()
                .Select(i => i!["action"]!.GetValue<string>())
                .Where(a => a.StartsWith("widget.", StringComparison.Ordinal))
        );
    }

    [Fact]
    public async Task The_list_is_paginated_newest_first()
    {
        var (client, _) = await StaffAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await CreateAsync(client, Settings(name: $"W{i}")));

        var first = await (await client.GetAsync("/api/v1/widgets?limit=2")).ReadJsonAsync();
        var next = first["nextCursor"]!.GetValue<string>();
        var second = await (await client.GetAsync($"/api/v1/widgets?limit=2&cursor={next}")).ReadJsonAsync();

        Assert.Equal(
            [ids[2], ids[1], ids[0]],
            first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(w => w!["id"]!.GetValue<Guid>())
        );
        Assert.Null(second["nextCursor"]);
        await (await client.GetAsync("/api/v1/widgets?limit=0")).AssertFieldErrorsAsync("limit");
        await (await client.GetAsync("/api/v1/widgets?cursor=garbage")).AssertFieldErrorsAsync("cursor");
    }
}
