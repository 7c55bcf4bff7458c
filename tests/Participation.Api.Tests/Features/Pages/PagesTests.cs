using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Pages.PageTestKit;

namespace Participation.Api.Tests.Features.Pages;

/// <summary>
/// Pages: the standard ones out of the box, written by communication managers and admins with sanitised rich text, drafts
/// private, slugs unique and lasting (a former slug still leads to the page), saves versioned, changes audited.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class PagesTests(ApiFactory api) : ApiTest(api)
{
    private async Task<HttpClient> EditorAsync() => Api.ClientFor((await Api.CreateUserAsync(role: "communication_manager")).Id);

    private static string PagesSnapshot =>
        "SELECT coalesce(string_agg(row_to_json(x)::text, ',' ORDER BY x.slug), '') FROM "
        + "(SELECT t.*, p.status, p.version, p.in_footer FROM page_texts t JOIN pages p ON p.id = t.page_id) x";

    [Fact]
    public async Task The_standard_pages_are_published_in_the_footer_in_three_languages_out_of_the_box()
    {
        var anonymous = Api.CreateClient();

        var fr = await (await anonymous.GetAsync("/api/v1/pages")).ReadJsonAsync();
        var items = fr["items"]!.AsArray();
        Assert.Equal(["about", "faq", "accessibility", "privacy", "terms"], items.Select(i => i!["kind"]!.GetValue<string>()).ToArray());
        Assert.All(items, i => Assert.True(i!["inFooter"]!.GetValue<bool>()));
        Assert.Equal("a-propos", items[0]!["slug"]!.GetValue<string>());
        var en = await (await anonymous.GetAsync("/api/v1/pages?language=en")).ReadJsonAsync();
        Assert.Equal("Accessibility statement", en["items"]![2]!["title"]!.GetValue<string>());

        await (await anonymous.GetAsync("/api/v1/pages?language=de")).AssertFieldErrorsAsync("language");
        await (await anonymous.GetAsync("/api/v1/pages/by-slug/Not%20a%20slug")).AssertProblemAsync(HttpStatusCode.NotFound);

        foreach (var (slug, language) in new[] { ("accessibilite", "fr"), ("toegankelijkheid", "nl"), ("accessibility", "en") })
        {
            var page = await (await anonymous.GetAsync($"/api/v1/pages/by-slug/{slug}?language={language}")).ReadJsonAsync();
            var body = page["body"]!.GetValue<string>();
            Assert.Contains("WCAG 2.1", body);
            Assert.Contains("EN 301 549", body);
            Assert.Equal(language, page["language"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_communication_manager_writes_a_page_with_images_sanitised_publishes_it_and_both_are_audited()
    {
        var editor = await EditorAsync();
        var hostile =
            $"<h2 onclick=\"x()\">Étapes</h2><script>alert(1)</script><p>Voir <a href=\"javascript:alert(1)\">ici</a></p>"
            + $"<img src=\"{Image}\" alt=\"Plan du parc\"><img src=\"https://evil.example/x.png\">"
            + "<iframe src=\"https://x.example\"></iframe>";

        var page = await CreateAsync(editor, Body(body: hostile));

        Assert.Equal("draft", page["status"]!.GetValue<string>());
        var body = page["texts"]!["fr"]!["body"]!.GetValue<string>();
        Assert.Contains($"<img src=\"{Image}\" alt=\"Plan du parc\">", body);
        Assert.DoesNotContain("evil.example", body);
        Assert.DoesNotContain("script", body);
        Assert.DoesNotContain("onclick", body);
        Assert.DoesNotContain("javascript:", body);
        Assert.DoesNotContain("iframe", body);
        var anonymous = Api.CreateClient();
        await (await anonymous.GetAsync("/api/v1/pages/by-slug/budget-participatif")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await anonymous.GetAsync("/api/v1/pages")).ReadJsonAsync();
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["slug"]!.GetValue<string>() == "budget-participatif");

        var published = await PublishAsync(editor, page);

        Assert.Equal(page["version"]!.GetValue<int>() + 1, published["version"]!.GetValue<int>());
        var read = await (await anonymous.GetAsync("/api/v1/pages/by-slug/budget-participatif")).ReadJsonAsync();
        Assert.Equal(body, read["body"]!.GetValue<string>());
        Assert.Single(await Api.EventsAsync("page.created"));
        var publishedEvent = Assert.Single(await Api.EventsAsync("page.published"));
        Assert.True(publishedEvent.Audited);
        Assert.Equal("page", publishedEvent.SubjectType);
    }

    [Fact]
    public async Task A_renamed_slug_keeps_the_old_one_leading_to_the_page_and_the_reader_learns_the_current_slugs()
    {
        var editor = await EditorAsync();
        var page = await PublishAsync(editor, await CreateAsync(editor, Body(enSlug: "participatory-budget")));

        var saved = await editor.PutAsJsonAsync(
            $"/api/v1/pages/{page["id"]}",
            Update(
                page["version"]!.GetValue<int>(),
                Body(slug: "budget-citoyen", title: "Le budget citoyen", enSlug: "participatory-budget")
            )
        );

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var old = await (await Api.CreateClient().GetAsync("/api/v1/pages/by-slug/budget-participatif?language=fr")).ReadJsonAsync();
        Assert.Equal("budget-citoyen", old["slug"]!.GetValue<string>());
        Assert.Equal("Le budget citoyen", old["title"]!.GetValue<string>());
        Assert.Equal("participatory-budget", old["slugs"]!["en"]!.GetValue<string>());
        Assert.Null(old["slugs"]!["nl"]);
        // No Dutch text: the default language's (French).
        var nl = await (await Api.CreateClient().GetAsync("/api/v1/pages/by-slug/participatory-budget?language=nl")).ReadJsonAsync();
        Assert.Equal("fr", nl["language"]!.GetValue<string>());
        var updated = Assert.Single(await Api.EventsAsync("page.updated"));
        Assert.Contains("budget-citoyen", updated.After);

        // The old slug stays the page's: another page cannot take it.
        var other = await editor.PostJsonAsync("/api/v1/pages", Body(slug: "budget-participatif", title: "Autre"));
        var problem = await other.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(problem["errors"]!["texts.fr.slug"]);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_409_and_nothing_is_written()
    {
        var editor = await EditorAsync();
        var page = await CreateAsync(editor);
        var version = page["version"]!.GetValue<int>();
        Assert.Equal(
            HttpStatusCode.OK,
            (await editor.PutAsJsonAsync($"/api/v1/pages/{page["id"]}", Update(version, Body(title: "Un")))).StatusCode
        );
        var before = await Api.ScalarAsync<string>(PagesSnapshot);
        var events = await Api.CountAsync("events");

        var stale = await editor.PutAsJsonAsync($"/api/v1/pages/{page["id"]}", Update(version, Body(title: "Deux")));
        var staleStatus = await editor.PutAsJsonAsync($"/api/v1/pages/{page["id"]}/status", new { version, status = "published" });

        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(problem["errors"]!["version"]);
        await staleStatus.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await Api.ScalarAsync<string>(PagesSnapshot));
        Assert.Equal(events, await Api.CountAsync("events"));
    }

    public static TheoryData<string, string> BadBodies() =>
        new()
        {
            {
                """{"kind":"free","texts":{"fr":{"title":"T","slug":"Mauvais Slug","body":"<p>x</p>"}},"inFooter":false,"footerOrder":0}""",
                "texts.fr.slug"
            },
            {
                """{"kind":"free","texts":{"fr":{"title":"T","slug":"a--b","body":"<p>x</p>"}},"inFooter":false,"footerOrder":0}""",
                "texts.fr.slug"
            },
            {
                """{"kind":"free","texts":{"fr":{"title":"","slug":"ok","body":"<p>x</p>"}},"inFooter":false,"footerOrder":0}""",
                "texts.fr.title"
            },
            { """{"kind":"free","texts":{"nl":{"title":"T","slug":"ok","body":""}},"inFooter":false,"footerOrder":0}""", "texts.nl.body" },
            {
                """{"kind":"free","texts":{"fr":{"title":"T","slug":"ok","body":"<img src=\"https://evil.example/x.png\">"}},"""
                    + "\"inFooter\":false,\"footerOrder\":0}",
                "texts.fr.body"
            },
            { """{"kind":"free","texts":{},"inFooter":false,"footerOrder":0}""", "texts" },
            {
                """{"kind":"free","texts":{"fr":{"title":"T","slug":"ok","body":"<p>x</p>"}},"inFooter":false,"footerOrder":1000}""",
                "footerOrder"
            },
            { """{"kind":"shop","texts":{"fr":{"title":"T","slug":"ok","body":"<p>x</p>"}},"inFooter":false,"footerOrder":0}""", "kind" },
            { """{"texts":{"fr":{"title":"T","slug":"ok","body":"<p>x</p>"}},"inFooter":false,"footerOrder":0}""", "kind" },
        };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var editor = await EditorAsync();
        var before = await Api.ScalarAsync<string>(PagesSnapshot);
        var events = await Api.CountAsync("events");

        var response = await editor.PostAsync("/api/v1/pages", Http.Json(body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is not null || field == "kind", problem.ToJsonString());
        Assert.Equal(before, await Api.ScalarAsync<string>(PagesSnapshot));
        Assert.Equal(events, await Api.CountAsync("events"));
    }

    [Fact]
    public async Task Parallel_creates_with_the_same_slug_make_one_page()
    {
        var editor = await EditorAsync();
        var pages = await Api.CountAsync("pages");

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => editor.PostJsonAsync("/api/v1/pages", Body(slug: "meme-adresse", title: $"Page {i}")))
        );

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(pages + 1, await Api.CountAsync("pages"));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM page_slugs WHERE slug = 'meme-adresse'"));
        Assert.Single(await Api.EventsAsync("page.created"));
    }

    [Fact]
    public async Task A_standard_page_exists_once_and_is_never_deleted_a_free_page_is()
    {
        var editor = await EditorAsync();
        var list = await (await editor.GetAsync("/api/v1/pages/editable")).ReadJsonAsync();
        var about = list["items"]!.AsArray().First(i => i!["kind"]!.GetValue<string>() == "about")!;

        var second = await editor.PostJsonAsync("/api/v1/pages", new Dictionary<string, object?>(Body()) { ["kind"] = "about" });
        var delete = await editor.DeleteAsync($"/api/v1/pages/{about["id"]}");

        await second.AssertProblemAsync(HttpStatusCode.Conflict);
        await delete.AssertProblemAsync(HttpStatusCode.Conflict);
        var free = await PublishAsync(editor, await CreateAsync(editor));
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/pages/{free["id"]}")).StatusCode);
        await (await Api.CreateClient().GetAsync("/api/v1/pages/by-slug/budget-participatif")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await Api.EventsAsync("page.deleted"));
    }

    [Fact]
    public async Task Unpublishing_takes_a_page_out_of_the_footer_and_its_address()
    {
        var editor = await EditorAsync();
        var list = await (await editor.GetAsync("/api/v1/pages/editable")).ReadJsonAsync();
        var terms = list["items"]!.AsArray().First(i => i!["kind"]!.GetValue<string>() == "terms")!;

        var response = await editor.PutAsJsonAsync(
            $"/api/v1/pages/{terms["id"]}/status",
            new { version = terms["version"]!.GetValue<int>(), status = "draft" }
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var footer = await (await Api.CreateClient().GetAsync("/api/v1/pages")).ReadJsonAsync();
        Assert.DoesNotContain(footer["items"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "terms");
        await (await Api.CreateClient().GetAsync("/api/v1/pages/by-slug/terms")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await Api.EventsAsync("page.unpublished"));
    }
}
