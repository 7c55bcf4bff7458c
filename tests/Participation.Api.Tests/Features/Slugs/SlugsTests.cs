using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Infrastructure;
using SlugRules = Participation.Api.Infrastructure.Content.Slugs;

namespace Participation.Api.Tests.Features.Slugs;

/// <summary>
/// Readable addresses: projects, ideas and events get a slug from their title (the same in C# and in the migration's SQL),
/// unique with a numeric suffix even between parallel creations; found by slug with the same rules as by id; a project's
/// former slugs redirect (301) to its current one; share pages and their canonical addresses use slugs.
/// </summary>
public sealed class SlugsTests(ApiFactory api) : ApiTest(api)
{
    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Api.OpenAsync();
        return await connection.QueryAsync<T>(sql, args);
    }

    public static readonly TheoryData<string?, string> Titles = new()
    {
        { "Rénovation de la place", "renovation-de-la-place" },
        { "  Œuvres d'art & Straße — ça va ?  ", "oeuvres-d-art-strasse-ca-va" },
        { "Ærø, Łódź, İstanbul", "aero-lodz-istanbul" },
        { "🎉🌳 Fête du parc 🌳🎉", "fete-du-parc" },
        { "🎉🎉🎉", "project" },
        { "", "project" },
        { null, "project" },
        { "---", "project" },
        { "Ideé n°2 : 100 % vélo", "idee-n-2-100-velo" },
        { "0f8fa3b2-1234-4abc-9def-0123456789ab", "project-0f8fa3b2-1234-4abc-9def-0123456789ab" },
        { "مرحبا بالعالم", "project" },
        { "Ça\u0000va\ttrès\nbien", "ca-va-tres-bien" },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void A_title_gives_a_lowercase_ascii_slug(string? title, string slug) => Assert.Equal(slug, SlugRules.From(title, "project"));

    [Fact]
    public void A_long_title_is_cut_at_80_characters_without_a_trailing_hyphen()
    {
        var slug = SlugRules.From(string.Concat(Enumerable.Repeat("abcdefghi ", 20)), "project");
        Assert.True(slug.Length <= 80);
        Assert.False(slug.EndsWith('-'));
        Assert.True(SlugRules.IsValid(slug));
    }

    [Fact]
    public async Task The_migrations_sql_gives_the_same_slugs_as_the_api()
    {
        var titles = Titles
            .Select(row => (string?)row[0])
            .Concat([string.Concat(Enumerable.Repeat("Très long titre ", 12)), "A\u0301B\u0327c", "ﬁn ½ Ⅻ ①", "Ǆemal ǅ"])
            .Where(t => t is null || !t.Contains('\u0000')) // PostgreSQL text holds no NUL
            .ToList();
        foreach (var title in titles)
            Assert.Equal(
                SlugRules.From(title, "project"),
                await Api.ScalarAsync<string>("SELECT slugify(@Title, 'project')", new { Title = title })
            );
    }

    [Fact]
    public async Task Projects_created_in_parallel_with_one_title_all_get_different_slugs()
    {
        var city = await City.CreateAsync(Api);

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => city.ProjectAsync(city.Admin, city.D1, "Rénovation de la place")));

        var slugs = (await QueryAsync<string>("SELECT slug FROM projects WHERE id = ANY(@Ids)", new { Ids = ids })).Order().ToList();
        Assert.Equal(
            new[] { "renovation-de-la-place" }.Concat(Enumerable.Range(2, 7).Select(n => $"renovation-de-la-place-{n}")).Order(),
            slugs
        );
        Assert.Equal(8, await Api.ScalarAsync<long>("SELECT count(*) FROM project_slugs WHERE project_id = ANY(@Ids)", new { Ids = ids }));
    }

    [Fact]
    public async Task Ideas_posted_in_parallel_with_one_title_get_suffixes_within_their_project()
    {
        var c = await IdeaCity.CreateAsync(Api);

        var ideas = await Task.WhenAll(c.IdeaAsync(c.A, title: "Des bancs à l'ombre"), c.IdeaAsync(c.B, title: "Des bancs à l'ombre"));
        var other = await c.IdeaAsync(c.A, c.P2, "Des bancs à l'ombre");

        Assert.Equal(
            ["des-bancs-a-l-ombre", "des-bancs-a-l-ombre-2"],
            (await QueryAsync<string>("SELECT slug FROM ideas WHERE id = ANY(@Ids) ORDER BY slug", new { Ids = ideas })).ToList()
        );
        Assert.Equal("des-bancs-a-l-ombre", await Api.ScalarAsync<string>("SELECT slug FROM ideas WHERE id = @Id", new { Id = other }));
        var idea = await (await c.B.GetAsync("/api/v1/projects/by-slug/parc-du-centre/ideas/des-bancs-a-l-ombre-2")).ReadJsonAsync();
        Assert.Equal("parc-du-centre", idea["projectSlug"]!.GetValue<string>());
        Assert.Contains(idea["id"]!.GetValue<Guid>(), ideas);
    }

    [Fact]
    public async Task A_project_by_slug_is_the_same_page_as_by_id_and_a_drafts_slug_does_not_leak()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var draft = await c.City.ProjectAsync(c.Admin, c.City.D1, "Projet secret");
        var anonymous = Api.CreateClient();

        var bySlug = await anonymous.GetAsync("/api/v1/projects/by-slug/parc-du-centre");
        var byId = await (await anonymous.GetAsync($"/api/v1/projects/{c.P1}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, bySlug.StatusCode);
        var page = await bySlug.ReadJsonAsync();
        Assert.Equal(byId.ToJsonString(), page.ToJsonString());
        Assert.Equal("parc-du-centre", page["slug"]!.GetValue<string>());
        var listed = (await (await anonymous.GetAsync("/api/v1/projects")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Contains(listed, p => p!["slug"]!.GetValue<string>() == "parc-du-centre");
        foreach (var client in new[] { anonymous, c.A, c.Mod2 })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/projects/by-slug/projet-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Admin.GetAsync("/api/v1/projects/by-slug/projet-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/projects/by-slug/nothing-here")).StatusCode);
        await (await anonymous.GetAsync("/api/v1/projects/by-slug/Not%20A%20Slug")).AssertFieldErrorsAsync("slug");
        Assert.NotEqual(draft, Guid.Empty);
    }

    [Fact]
    public async Task Staff_edit_a_slug_the_old_one_redirects_and_a_title_change_keeps_it()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var other = await c.City.ProjectAsync(c.Admin, c.City.D2, "Autre projet", "published");
        var idea = await c.IdeaAsync(c.A, title: "Un kiosque");

        var renamed = await c.Mod1.PatchAsJsonAsync($"/api/v1/projects/{c.P1}", new { title = new { fr = "Parc rénové" } });
        Assert.Equal("parc-du-centre", (await renamed.ReadJsonAsync())["slug"]!.GetValue<string>()); // the title alone changes
        var edited = await c.Mod1.PatchAsJsonAsync($"/api/v1/projects/{c.P1}", new { slug = "parc-renove" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("parc-renove", (await edited.ReadJsonAsync())["slug"]!.GetValue<string>());

        var noRedirect = Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var old = await noRedirect.GetAsync("/api/v1/projects/by-slug/parc-du-centre");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/api/v1/projects/by-slug/parc-renove", old.Headers.Location!.OriginalString);
        var oldIdea = await noRedirect.GetAsync("/api/v1/projects/by-slug/parc-du-centre/ideas/un-kiosque");
        Assert.Equal(HttpStatusCode.MovedPermanently, oldIdea.StatusCode);
        Assert.Equal("/api/v1/projects/by-slug/parc-renove/ideas/un-kiosque", oldIdea.Headers.Location!.OriginalString);
        var followed = await (
            await Api.CreateClient().GetAsync("/api/v1/projects/by-slug/parc-du-centre/ideas/un-kiosque")
        ).ReadJsonAsync();
        Assert.Equal(idea, followed["id"]!.GetValue<Guid>());

        // Taken now or before by another project: 409 on the field; not a slug: 400; the resident: 403.
        var taken = await c.Admin.PatchAsJsonAsync($"/api/v1/projects/{other}", new { slug = "parc-du-centre" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.NotNull((await taken.AssertProblemAsync(HttpStatusCode.Conflict))["errors"]!["slug"]);
        var invalid = await c.Admin.PatchAsJsonAsync($"/api/v1/projects/{other}", new { slug = "Pas un slug!" });
        await invalid.AssertFieldErrorsAsync("slug");
        Assert.Equal(HttpStatusCode.Forbidden, (await c.A.PatchAsJsonAsync($"/api/v1/projects/{c.P1}", new { slug = "a-moi" })).StatusCode);
        Assert.Equal("autre-projet", await Api.ScalarAsync<string>("SELECT slug FROM projects WHERE id = @Id", new { Id = other }));
        // Back to a slug it held before: allowed.
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PatchAsJsonAsync($"/api/v1/projects/{c.P1}", new { slug = "parc-du-centre" })).StatusCode
        );
    }

    [Fact]
    public async Task A_drafts_former_slug_answers_404_not_a_redirect_to_its_new_one()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var draft = await c.City.ProjectAsync(c.Admin, c.City.D1, "Brouillon");
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PatchAsJsonAsync($"/api/v1/projects/{draft}", new { slug = "nom-secret" })).StatusCode
        );

        var noRedirect = Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await noRedirect.GetAsync("/api/v1/projects/by-slug/brouillon");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("nom-secret", await response.Content.ReadAsStringAsync());
        var share = await noRedirect.GetAsync("/share/projects/brouillon");
        Assert.Equal(HttpStatusCode.NotFound, share.StatusCode);
    }

    [Fact]
    public async Task An_event_is_found_by_its_slug()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var created = await c.Mod1.PostJsonAsync(
            "/api/v1/events",
            new
            {
                projectId = c.P1,
                title = new { fr = "Atelier vélo", en = "Bike workshop" },
                startsAt = DateTimeOffset.UtcNow.AddDays(3),
                endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2),
                registration = false,
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();

        var read = await (await Api.CreateClient().GetAsync("/api/v1/events/by-slug/atelier-velo")).ReadJsonAsync();

        Assert.Equal(id, read["id"]!.GetValue<Guid>());
        Assert.Equal("atelier-velo", read["slug"]!.GetValue<string>());
        Assert.Equal("parc-du-centre", read["projectSlug"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync("/api/v1/events/by-slug/atelier-inconnu")).StatusCode);
    }

    [Fact]
    public async Task Share_pages_live_at_slug_addresses_and_ids_and_former_slugs_redirect_there()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A, title: "Un kiosque");
        var noRedirect = Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        noRedirect.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "facebookexternalhit/1.1");

        var byId = await noRedirect.GetAsync($"/share/projects/{c.P1}?lang=nl");
        Assert.Equal(HttpStatusCode.MovedPermanently, byId.StatusCode);
        Assert.Equal("/share/projects/parc-du-centre?lang=nl", byId.Headers.Location!.OriginalString);
        var ideaById = await noRedirect.GetAsync($"/share/ideas/{idea}");
        Assert.Equal("/share/projects/parc-du-centre/ideas/un-kiosque", ideaById.Headers.Location!.OriginalString);

        await c.Mod1.PatchAsJsonAsync($"/api/v1/projects/{c.P1}", new { slug = "parc-renove" });
        var former = await noRedirect.GetAsync("/share/projects/parc-du-centre/ideas/un-kiosque");
        Assert.Equal(HttpStatusCode.MovedPermanently, former.StatusCode);
        Assert.Equal("/share/projects/parc-renove/ideas/un-kiosque", former.Headers.Location!.OriginalString);

        var page = await noRedirect.GetAsync("/share/projects/parc-renove/ideas/un-kiosque");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Equal(
            "https://participation.example/share/projects/parc-renove/ideas/un-kiosque",
            document.QuerySelector("meta[property='og:url']")?.GetAttribute("content")
        );
        Assert.Equal(
            "https://participation.example/fr/projects/parc-renove/ideas/un-kiosque",
            document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
        );
        Assert.Equal("Un kiosque", document.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Rows_written_by_sql_alone_get_a_slug_by_the_same_rule()
    {
        var c = await IdeaCity.CreateAsync(Api);

        await Api.ScalarAsync<int>(
            """
            INSERT INTO calendar_events (id, title, starts_at, ends_at)
            SELECT gen_random_uuid(), '{"fr": "Fête de quartier"}', now() + interval '1 day', now() + interval '2 days'
              FROM generate_series(1, 3) RETURNING 1
            """
        );

        Assert.Equal(
            ["fete-de-quartier", "fete-de-quartier-2", "fete-de-quartier-3"],
            (await QueryAsync<string>("SELECT slug FROM calendar_events ORDER BY slug")).ToList()
        );
        Assert.NotEqual(Guid.Empty, c.P1);
    }
}
