using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Widgets.WidgetTestKit;

namespace Participation.Api.Tests.Features.Widgets;

/// <summary>The embed page a city website frames: who may frame it, what it shows (published content only), its weight.</summary>
public sealed partial class EmbedPageTests(ApiFactory api) : ApiTest(api)
{
    private async Task<HttpClient> StaffAsync() => Api.ClientFor((await Api.CreateUserAsync(role: "communication_manager")).Id);

    private async Task<(HttpResponseMessage Response, string Html)> PageAsync(Guid id)
    {
        var response = await Api.CreateClient().GetAsync($"/embed/widgets/{id}");
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    [Fact]
    public async Task Only_the_configured_origins_and_the_web_app_may_frame_the_page()
    {
        var id = await CreateAsync(await StaffAsync(), Settings(origins: ["https://www.city.example", "http://localhost:8080"]));

        var (response, html) = await PageAsync(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        var csp = Csp(response);
        var ancestors = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        Assert.Equal("frame-ancestors https://participation.example https://www.city.example http://localhost:8080", ancestors);
        Assert.StartsWith("default-src 'none';", csp);
        Assert.Contains("img-src 'self'", csp);
        // The page's one style sheet and one script carry the policy's nonce; nothing else is loaded.
        var nonce = Nonce().Match(csp).Groups[1].Value;
        Assert.Contains($"<style nonce=\"{nonce}\">", html);
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
        Assert.Equal(1, Regex.Count(html, "<script"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // Another widget with other origins, and every other route, keep their own answer.
        var other = await CreateAsync(await StaffAsync(), Settings(origins: []));
        Assert.EndsWith("frame-ancestors https://participation.example", Csp((await PageAsync(other)).Response));
        var api = await Api.CreateClient().GetAsync("/api/v1/platform");
        Assert.Equal("DENY", api.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", Csp(api));
    }

    [Fact]
    public async Task Changing_the_origins_changes_who_may_frame_the_page()
    {
        var staff = await StaffAsync();
        var id = await CreateAsync(staff, Settings(origins: ["https://old.city.example"]));

        await staff.PutAsJsonAsync($"/api/v1/widgets/{id}", Settings(origins: ["https://new.city.example"]));

        Assert.EndsWith("frame-ancestors https://participation.example https://new.city.example", Csp((await PageAsync(id)).Response));
    }

    [Theory]
    [InlineData("/embed/widgets/0190a000-0000-7000-8000-00000000ff01")]
    [InlineData("/embed/widgets/not-a-guid")]
    public async Task An_unknown_widget_is_a_404_that_cannot_be_framed(string url)
    {
        var response = await Api.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", Csp(response));
    }

    [Fact]
    public async Task The_page_of_an_unknown_widget_says_so_in_the_visitors_language()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/embed/widgets/{Guid.NewGuid()}");
        request.Headers.AcceptLanguage.ParseAdd("nl");

        var response = await Api.CreateClient().SendAsync(request);

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"nl\">", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chosen_projects_show_published_and_archived_ones_in_order_never_a_draft()
    {
        var city = await City.CreateAsync(Api);
        var (published, draft, archived) = await ProjectsAsync(city);
        var id = await CreateAsync(await StaffAsync(), Settings(selection: "chosen", projectIds: [draft, archived, published]));

        var (_, html) = await PageAsync(id);

        Assert.DoesNotContain("Projet secret", html);
        Assert.DoesNotContain(draft.ToString(), html);
        Assert.True(html.IndexOf("Ancienne place", StringComparison.Ordinal) < html.IndexOf("Parc du centre", StringComparison.Ordinal));
        Assert.Contains("Projet terminé", html);
        // The link is the project's readable address (its slug), which the web app serves.
        var slug = await Api.ScalarAsync<string>("SELECT slug FROM projects WHERE id = @Id", new { Id = published });
        Assert.Contains(
            $"<a href=\"https://participation.example/fr/projects/{slug}\" target=\"_blank\" rel=\"noopener\">Parc du centre",
            html
        );
        Assert.Contains("Phase ideation · Proposez vos idées jusqu'au 12 mars 2099", WebUtility.HtmlDecode(html));

        // Once published, the draft appears where it was chosen.
        await city.Admin.PostJsonAsync($"/api/v1/projects/{draft}/status", new { status = "published" });
        var (_, later) = await PageAsync(id);
        Assert.True(later.IndexOf("Projet secret", StringComparison.Ordinal) < later.IndexOf("Ancienne place", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Current_shows_published_projects_newest_first_up_to_the_maximum()
    {
        var city = await City.CreateAsync(Api);
        await ProjectsAsync(city);
        var newer = await city.ProjectAsync(city.Admin, city.D2, "Bibliothèque", "published");
        var staff = await StaffAsync();
        var id = await CreateAsync(staff, Settings());

        var (_, html) = await PageAsync(id);

        Assert.DoesNotContain("Projet secret", html);
        Assert.DoesNotContain("Ancienne place", html);
        Assert.True(html.IndexOf("Bibliothèque", StringComparison.Ordinal) < html.IndexOf("Parc du centre", StringComparison.Ordinal));
        Assert.Equal(2, Regex.Count(html, "<li>"));

        await staff.PutAsJsonAsync($"/api/v1/widgets/{id}", Settings().With("maxItems", 1));
        var (_, one) = await PageAsync(id);
        Assert.Equal(1, Regex.Count(one, "<li>"));
        Assert.Contains(
            $"/projects/{await Api.ScalarAsync<string>("SELECT slug FROM projects WHERE id = @Id", new { Id = newer })}\"",
            one
        );
    }

    [Fact]
    public async Task The_page_speaks_the_widgets_language_with_its_colours()
    {
        var city = await City.CreateAsync(Api);
        await ProjectsAsync(city);
        var id = await CreateAsync(
            await StaffAsync(),
            Settings(language: "nl").With("textColour", "#000000").With("backgroundColour", "#FFFFF0").With("layout", "list")
        );

        var (_, html) = await PageAsync(id);

        Assert.StartsWith($"<!doctype html><html lang=\"nl\" data-widget=\"{id}\">", html);
        Assert.Contains("<h1>Doe mee met de projecten</h1>", html);
        Assert.Contains("Parc du centre (nl)", html); // the Dutch title
        Assert.Contains("Deel je ideeën tot 12 maart 2099", html);
        Assert.Contains("(nieuw tabblad)", html);
        Assert.Contains("--accent:#1d4ed8;--text:#000000;--bg:#fffff0", html);
        Assert.Contains("<main class=\"list\">", html);
    }

    [Fact]
    public async Task Hostile_text_is_encoded()
    {
        var city = await City.CreateAsync(Api);
        var project = await city.ProjectAsync(city.Admin, city.D1, "<script>alert(1)</script>\"'&", "published");
        var id = await CreateAsync(await StaffAsync(), Settings(selection: "chosen", projectIds: [project]));

        var (_, html) = await PageAsync(id);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;", html);
        Assert.Equal(1, Regex.Count(html, "<script"));
    }

    [Fact]
    public async Task The_page_is_light_and_stands_alone()
    {
        var city = await City.CreateAsync(Api);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var created = await city.Admin.PostJsonAsync(
                "/api/v1/projects",
                new
                {
                    departmentId = city.D1,
                    title = new { fr = $"Un projet au titre assez long pour remplir la carte numéro {i}" },
                    summary = new { fr = new string('é', 300) },
                }
            );
            var project = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
            await city.Admin.PostJsonAsync($"/api/v1/projects/{project}/status", new { status = "published" });
            ids.Add(project);
        }
        var id = await CreateAsync(await StaffAsync(), Settings(selection: "chosen", projectIds: [.. ids]).With("maxItems", 12));

        var (response, html) = await PageAsync(id);

        Assert.Equal(12, Regex.Count(html, "<li>"));
        Assert.True(response.Content.Headers.ContentLength < 30_000, $"{response.Content.Headers.ContentLength} bytes");
        // No web app bundle, no other style sheet or script, no font: the page is all there is.
        Assert.DoesNotContain("/assets/", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain(" src=\"http", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public async Task The_script_snippets_code_is_public_cacheable_javascript()
    {
        var response = await Api.CreateClient().GetAsync("/embed/embed.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl!.ToString());
        var code = await response.Content.ReadAsStringAsync();
        Assert.Contains("event.origin !== origin", code);
        Assert.Contains("frame.title", code);
        Assert.True(code.Length < 3_000);
    }

    [GeneratedRegex("style-src 'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
