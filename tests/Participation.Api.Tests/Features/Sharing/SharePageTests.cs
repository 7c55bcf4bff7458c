using System.Net;
using AngleSharp.Html.Parser;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Sharing;

/// <summary>
/// Share pages: link-preview crawlers get Open Graph and Twitter card meta (title, description, absolute image and address)
/// for public projects, ideas and events, served by the API; people are sent on to the web app; nothing private leaks.
/// </summary>
public sealed class SharePageTests(ApiFactory api) : ApiTest(api)
{
    private const string App = "https://participation.example";

    private async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Document, string Html)> GetAsync(
        string url,
        string userAgent = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"
    )
    {
        var client = Api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, new HtmlParser().ParseDocument(html), html);
    }

    private static string? Meta(AngleSharp.Html.Dom.IHtmlDocument document, string name) =>
        document.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content");

    [Fact]
    public async Task A_crawler_gets_the_open_graph_and_twitter_meta_of_a_published_project()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await Api.ScalarAsync<int>(
            "UPDATE projects SET image_key = '0123456789abcdef0123456789abcdef.png' WHERE id = @Id RETURNING 1",
            new { Id = c.P1 }
        );

        var (status, document, _) = await GetAsync("/share/projects/parc-du-centre?lang=nl");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Parc du centre (nl)", Meta(document, "og:title"));
        Assert.Equal("Réaménager le parc", Meta(document, "og:description")); // no Dutch summary: the French one
        Assert.Equal($"{App}/share/projects/parc-du-centre?lang=nl", Meta(document, "og:url"));
        Assert.Equal($"{App}/api/v1/projects/{c.P1}/image?v=0123456789abcdef0123456789abcdef", Meta(document, "og:image"));
        Assert.Equal("summary_large_image", Meta(document, "twitter:card"));
        Assert.Equal("Parc du centre (nl)", Meta(document, "twitter:title"));
        // The web app's page in the language shared, and its other languages for search engines.
        Assert.Equal($"{App}/nl/projects/parc-du-centre", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(
            new[] { $"{App}/fr/projects/parc-du-centre", $"{App}/nl/projects/parc-du-centre", $"{App}/en/projects/parc-du-centre" },
            new[] { "fr", "nl", "en" }.Select(l => document.QuerySelector($"link[rel=alternate][hreflang={l}]")?.GetAttribute("href"))
        );
        Assert.Equal(
            $"{App}/projects/parc-du-centre",
            document.QuerySelector("link[rel=alternate][hreflang=x-default]")?.GetAttribute("href")
        );
        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang"));
        Assert.Null(document.QuerySelector("meta[http-equiv=refresh]")); // the crawler reads this page, not the app's
    }

    [Fact]
    public async Task A_person_is_sent_on_to_the_web_apps_page()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A, title: "Des bancs \"solides\" <b>près</b> du kiosque");

        var (status, document, html) = await GetAsync($"/share/ideas/{idea}", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            $"0;url={App}/fr/projects/parc-du-centre/ideas/des-bancs-solides-b-pres-b-du-kiosque",
            document.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content")
        );
        Assert.Equal(
            $"{App}/fr/projects/parc-du-centre/ideas/des-bancs-solides-b-pres-b-du-kiosque",
            document.QuerySelector("main a")?.GetAttribute("href")
        );
        Assert.Equal("Des bancs \"solides\" <b>près</b> du kiosque", Meta(document, "og:title"));
        Assert.DoesNotContain("<b>", html); // encoded, never markup
        Assert.Equal("summary", Meta(document, "twitter:card")); // no image anywhere: a small card
    }

    [Fact]
    public async Task Drafts_hidden_ideas_and_unknown_items_are_404_without_their_titles()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var draft = await c.City.ProjectAsync(c.Admin, c.City.D1, "Projet confidentiel");
        var hidden = await c.IdeaAsync(c.A, title: "Idée masquée par la modération");
        await Api.ScalarAsync<int>("UPDATE ideas SET hidden_at = now() WHERE id = @Id RETURNING 1", new { Id = hidden });
        var draftEvent = Guid.NewGuid();
        await Api.ScalarAsync<int>(
            """
            INSERT INTO calendar_events (id, project_id, title, starts_at, ends_at)
            VALUES (@Id, @Project, '{"fr": "Réunion confidentielle"}', now() + interval '1 day', now() + interval '2 days') RETURNING 1
            """,
            new { Id = draftEvent, Project = draft }
        );

        foreach (
            var url in new[]
            {
                $"/share/projects/{draft}",
                $"/share/ideas/{hidden}",
                $"/share/events/{draftEvent}",
                $"/share/projects/{Guid.NewGuid()}",
            }
        )
        {
            var (status, _, html) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.DoesNotContain("confidenti", html);
            Assert.DoesNotContain("masquée", html);
        }
    }

    [Fact]
    public async Task A_public_events_share_page_says_when_it_takes_place()
    {
        var id = Guid.NewGuid();
        await Api.ScalarAsync<int>(
            """
            INSERT INTO calendar_events (id, title, description, starts_at, ends_at)
            VALUES (@Id, '{"fr": "Balade nature", "en": "Nature walk"}', '{"fr": "<p>Départ <strong>place</strong> du marché.</p>"}',
                    '2030-05-04T08:00:00Z', '2030-05-04T10:00:00Z') RETURNING 1
            """,
            new { Id = id }
        );

        var (status, document, _) = await GetAsync($"/share/events/{id}?lang=fr", "Twitterbot/1.0");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Balade nature", Meta(document, "og:title"));
        Assert.Equal("samedi 4 mai 2030, 10:00 – 12:00 · Départ place du marché.", Meta(document, "og:description"));
        Assert.Equal($"{App}/fr/events/balade-nature", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }
}
