using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Topics;

/// <summary>Topics and areas kept by admins; projects and ideas tagged from them, and lists filtered by them.</summary>
[Collection(ApiCollection.C)]
public sealed class TopicsTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>The audited facts of the lists (each named here, as the catalogue's check asks).</summary>
    private static readonly string[] Facts =
    [
        "topic.created",
        "topic.updated",
        "topic.archived",
        "topic.restored",
        "area.created",
        "area.updated",
        "area.archived",
        "area.restored",
    ];

    private static readonly string[] Actions = ["list_topics", "create_topic", "update_topic", "list_areas", "create_area", "update_area"];

    public static TheoryData<string, string, int> Matrix =>
        AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, (actor, action) => action.StartsWith(
                "list",
                StringComparison.Ordinal
            )
                ? 200
            : actor == "anonymous" ? 401
            : actor == "admin" ? (action.StartsWith("create", StringComparison.Ordinal) ? 201 : 200)
            : 403);

    private static readonly object Square = new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 4.35, 50.84 }, new[] { 4.36, 50.84 }, new[] { 4.36, 50.85 }, new[] { 4.35, 50.84 } } },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_admins_keep_the_lists_that_everyone_reads(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var topic = await CreateAsync(c.Admin, "topics", new { name = new { fr = "Sport" } });
        var area = await CreateAsync(c.Admin, "areas", new { name = new { fr = "Gare" } });
        var client = await c.ClientAsync(actor);
        var unique = Guid.NewGuid().ToString("N")[..8];

        var response = action switch
        {
            "list_topics" => await client.GetAsync("/api/v1/topics"),
            "list_areas" => await client.GetAsync("/api/v1/areas"),
            "create_topic" => await client.PostJsonAsync("/api/v1/topics", new { name = new { fr = "Thème " + unique } }),
            "create_area" => await client.PostJsonAsync("/api/v1/areas", new { name = new { fr = "Quartier " + unique } }),
            "update_topic" => await client.PutAsJsonAsync(
                $"/api/v1/topics/{topic["id"]}",
                new
                {
                    name = new { fr = "Sports" },
                    sortOrder = 3,
                    archived = false,
                    version = 1,
                }
            ),
            _ => await client.PutAsJsonAsync(
                $"/api/v1/areas/{area["id"]}",
                new
                {
                    name = new { fr = "Gare du Nord" },
                    sortOrder = 3,
                    archived = false,
                    version = 1,
                    geometry = Square,
                }
            ),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
    }

    [Fact]
    public async Task An_admin_creates_translates_reorders_and_archives_a_topic_each_change_audited()
    {
        var c = await IdeaCity.CreateAsync(Api);

        var topic = await CreateAsync(
            c.Admin,
            "topics",
            new { name = new { fr = "Propreté", nl = "Netheid" }, description = new { fr = "Rues" } }
        );
        Assert.Equal(1, topic["version"]!.GetValue<int>());
        var edited = await (
            await c.Admin.PutAsJsonAsync(
                $"/api/v1/topics/{topic["id"]}",
                new
                {
                    name = new
                    {
                        fr = "Propreté",
                        nl = "Netheid",
                        en = "Cleanliness",
                    },
                    sortOrder = 0,
                    archived = false,
                    version = 1,
                }
            )
        ).ReadJsonAsync();
        Assert.Equal("Cleanliness", edited["name"]!["en"]!.GetValue<string>());
        var archived = await c.Admin.PutAsJsonAsync(
            $"/api/v1/topics/{topic["id"]}",
            new
            {
                name = new { fr = "Propreté" },
                sortOrder = 0,
                archived = true,
                version = 2,
            }
        );
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);

        var offered = (await (await Api.CreateClient().GetAsync("/api/v1/topics")).ReadJsonAsync())["items"]!.AsArray();
        Assert.DoesNotContain(offered, t => t!["id"]!.GetValue<Guid>() == topic["id"]!.GetValue<Guid>());
        var all = (await (await Api.CreateClient().GetAsync("/api/v1/topics?includeArchived=true")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Contains(all, t => t!["id"]!.GetValue<Guid>() == topic["id"]!.GetValue<Guid>() && t["archived"]!.GetValue<bool>());
        Assert.Equal(
            "topic.created,topic.updated,topic.archived",
            await Api.ScalarAsync<string>("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE action LIKE 'topic.%'")
        );
    }

    [Fact]
    public async Task Every_change_of_an_area_is_an_audited_fact()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var area = await CreateAsync(c.Admin, "areas", new { name = new { fr = "Gare" } });
        for (var (version, archived) = (1, true); version <= 3; version++, archived = !archived)
            Assert.Equal(
                HttpStatusCode.OK,
                (
                    await c.Admin.PutAsJsonAsync(
                        $"/api/v1/areas/{area["id"]}",
                        new
                        {
                            name = new { fr = "Gare" },
                            sortOrder = version,
                            archived = version < 3 && archived,
                            version,
                        }
                    )
                ).StatusCode
            );

        Assert.Equal(
            "area.created,area.archived,area.restored,area.updated",
            await Api.ScalarAsync<string>("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE action LIKE 'area.%'")
        );
        Assert.All(Facts, f => Assert.Contains('.', f));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_nothing_changes()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var topic = await CreateAsync(c.Admin, "topics", new { name = new { fr = "Sport" } });
        object Edit(string name) =>
            new
            {
                name = new { fr = name },
                sortOrder = 1,
                archived = false,
                version = 1,
            };

        Assert.Equal(HttpStatusCode.OK, (await c.Admin.PutAsJsonAsync($"/api/v1/topics/{topic["id"]}", Edit("Sports"))).StatusCode);
        var stale = await c.Admin.PutAsJsonAsync($"/api/v1/topics/{topic["id"]}", Edit("Loisirs"));

        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(problem["errors"]!["version"]);
        Assert.Equal(
            "Sports",
            await Api.ScalarAsync<string>("SELECT name ->> 'fr' FROM topics WHERE id = @Id", new { Id = topic["id"]!.GetValue<Guid>() })
        );
    }

    [Fact]
    public async Task Names_are_unique_per_language_even_when_created_in_parallel()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var before = await Api.CountAsync("topics");

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 6)
                .Select(i => c.Admin.PostJsonAsync("/api/v1/topics", new { name = new { fr = i % 2 == 0 ? "Sport" : "SPORT" } }))
        );

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(before + 1, await Api.CountAsync("topics"));
        var nl = await c.Admin.PostJsonAsync("/api/v1/topics", new { name = new { fr = "Jeux", nl = "Parc" } });
        Assert.Equal(HttpStatusCode.Created, nl.StatusCode); // "parc" is French for another topic: another language
        var taken = await c.Admin.PostJsonAsync("/api/v1/topics", new { name = new { fr = "Jeux de plein air", nl = "PARC" } });
        Assert.NotNull((await taken.AssertProblemAsync(HttpStatusCode.Conflict))["errors"]!["name"]);
    }

    [Theory]
    [InlineData("""{"name":{"nl":"Sport"}}""", "name")]
    [InlineData("""{"name":{"fr":"Sport","de":"Sport"}}""", "name")]
    [InlineData("""{"name":{"fr":"Sport"},"sortOrder":-1}""", "sortOrder")]
    [InlineData("""{"name":{"fr":"Sport"},"description":{"fr":"x","xx":"y"}}""", "description")]
    public async Task A_bad_topic_is_refused_and_nothing_is_written(string body, string field)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var before = await Api.CountAsync("topics");

        await (
            await c.Admin.PostAsync("/api/v1/topics", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
        ).AssertFieldErrorsAsync(field);

        Assert.Equal(before, await Api.CountAsync("topics"));
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action LIKE 'topic.%'"));
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[4.35,50.84]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[4.35,50.84],[4.36,50.84],[4.36,50.85],[4.35,50.86]]]}""")] // not closed
    [InlineData("""{"type":"Polygon","coordinates":[[[4.35,50.84],[4.36,50.84],[4.35,50.84]]]}""")] // too few points
    [InlineData("""{"type":"Polygon","coordinates":[[[4.35,95],[4.36,50.84],[4.36,50.85],[4.35,95]]]}""")] // latitude
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[["a",50.84],[4.36,50.84],[4.36,50.85],["a",50.84]]]}""")]
    [InlineData("""[1,2]""")]
    public async Task A_polygon_that_is_not_a_closed_WGS84_GeoJSON_polygon_is_refused(string geometry)
    {
        var c = await IdeaCity.CreateAsync(Api);

        await (
            await c.Admin.PostAsync(
                "/api/v1/areas",
                new StringContent($$"""{"name":{"fr":"Gare"},"geometry":{{geometry}}}""", System.Text.Encoding.UTF8, "application/json")
            )
        ).AssertFieldErrorsAsync("geometry");

        Assert.Equal(0, await Api.CountAsync("areas"));
    }

    [Fact]
    public async Task A_polygon_beyond_the_vertex_cap_is_refused_and_a_feature_is_unwrapped()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var ring = Enumerable.Range(0, 5001).Select(i => new[] { 4.35 + i / 1e6, 50.84 }).Append(new[] { 4.35, 50.84 }).ToArray();

        await (
            await c.Admin.PostJsonAsync(
                "/api/v1/areas",
                new { name = new { fr = "Grand" }, geometry = new { type = "Polygon", coordinates = new[] { ring } } }
            )
        ).AssertFieldErrorsAsync("geometry");
        var created = await CreateAsync(
            c.Admin,
            "areas",
            new
            {
                name = new { fr = "Gare" },
                geometry = new
                {
                    type = "Feature",
                    properties = new { note = "dropped" },
                    geometry = Square,
                },
            }
        );

        Assert.Equal("Polygon", created["geometry"]!["type"]!.GetValue<string>());
        Assert.Null(created["geometry"]!["properties"]);
    }

    [Fact]
    public async Task Ideas_are_tagged_by_topic_ids_or_old_names_and_filtered_by_topic_and_area_across_keyset_pages()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var sport = (await CreateAsync(c.Admin, "topics", new { name = new { fr = "Sport", en = "Sports" } }))["id"]!.GetValue<Guid>();
        var gare = (await CreateAsync(c.Admin, "areas", new { name = new { fr = "Gare" }, geometry = Square }))["id"]!.GetValue<Guid>();
        for (var i = 0; i < 7; i++)
            await c.IdeaAsync(
                c.A,
                title: $"Idée numéro {i}",
                body: i % 2 == 0
                    ? new
                    {
                        title = $"Idée numéro {i}",
                        body = "<p>Texte</p>",
                        topicIds = new[] { sport },
                        areaId = gare,
                    }
                    : new
                    {
                        title = $"Idée numéro {i}",
                        body = "<p>Texte</p>",
                        topics = new[] { "SPORTS" }, // an old client: the English name matches
                    }
            );

        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (
                await Api.CreateClient().GetAsync($"/api/v1/projects/{c.P1}/ideas?sort=newest&topicId={sport}&limit=2&cursor={cursor}")
            ).ReadJsonAsync();
            foreach (var item in page["items"]!.AsArray())
            {
                ids.Add(item!["id"]!.GetValue<Guid>());
                Assert.Equal(sport, item["topicIds"]![0]!.GetValue<Guid>());
                Assert.Equal("Sport", item["topics"]![0]!.GetValue<string>());
            }
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(7, ids.Distinct().Count());

        var inArea = await (await Api.CreateClient().GetAsync($"/api/v1/projects/{c.P1}/ideas?areaId={gare}&limit=100")).ReadJsonAsync();
        Assert.Equal(4, inArea["items"]!.AsArray().Count);
        var managed = await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/ideas/manage?areaId={gare}&topicId={sport}")).ReadJsonAsync();
        Assert.Equal(4, managed["total"]!.GetValue<long>());
        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/ideas/{ids[0]}");
        english.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Equal("Sports", (await (await Api.CreateClient().SendAsync(english)).ReadJsonAsync())["topics"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_lists_and_the_page_give_an_ideas_topics_as_the_database_functions_do()
    {
        // The hot reads inline the topics as subqueries (TopicTags.NamesColumn, IdsColumn); single-row writes and exports
        // call the functions of migration 0023. Both must give the same names, language fallback and order.
        var c = await IdeaCity.CreateAsync(Api);
        var unique = Guid.NewGuid().ToString("N")[..6];
        // zèbre first by its sort order; Arbres before Vélo (same order) by the French name, case-insensitive.
        var late = (
            await CreateAsync(c.Admin, "topics", new { name = new { fr = "zèbre " + unique, nl = "Zebra " + unique }, sortOrder = 1 })
        )["id"]!;
        var early = (await CreateAsync(c.Admin, "topics", new { name = new { fr = "Vélo " + unique }, sortOrder = 2 }))[
            "id"
        ]!.GetValue<Guid>();
        var first = (
            await CreateAsync(c.Admin, "topics", new { name = new { fr = "Arbres " + unique, nl = "Bomen " + unique }, sortOrder = 2 })
        )["id"]!;
        var tagged = new[] { early, first.GetValue<Guid>(), late.GetValue<Guid>() };
        var idea = await c.IdeaAsync(
            c.A,
            body: new
            {
                title = "Une idée aux trois thèmes",
                body = "<p>Texte</p>",
                topicIds = tagged,
            }
        );
        var bare = await c.IdeaAsync(c.A, body: new { title = "Une idée sans thème", body = "<p>Texte</p>" });

        await using var connection = await Api.OpenAsync();
        foreach (var lang in new[] { "nl", "fr" })
        {
            var expected = (
                await connection.QuerySingleAsync<string[]>("SELECT idea_topic_names(@Idea, @Lang);", new { Idea = idea, Lang = lang })
            );
            var expectedIds = await connection.QuerySingleAsync<Guid[]>("SELECT idea_topic_ids(@Idea);", new { Idea = idea });
            Assert.Equal(3, expected.Length);
            Assert.Equal([late.GetValue<Guid>(), first.GetValue<Guid>(), early], expectedIds);

            HttpRequestMessage In(string url)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptLanguage.ParseAdd(lang);
                return request;
            }
            var page = await (await Api.CreateClient().SendAsync(In($"/api/v1/ideas/{idea}"))).ReadJsonAsync();
            var list = await (
                await Api.CreateClient().SendAsync(In($"/api/v1/projects/{c.P1}/ideas?sort=newest&limit=100"))
            ).ReadJsonAsync();
            var managed = await (await c.Mod1.SendAsync(In($"/api/v1/projects/{c.P1}/ideas/manage?limit=100"))).ReadJsonAsync();
            foreach (var item in new[] { page, Find(list, idea), Find(managed, idea) })
            {
                Assert.Equal(expected, item["topics"]!.AsArray().Select(n => n!.GetValue<string>()));
                Assert.Equal(expectedIds, item["topicIds"]!.AsArray().Select(n => n!.GetValue<Guid>()));
            }
            Assert.Empty(Find(list, bare)["topics"]!.AsArray());
            Assert.Empty(Find(list, bare)["topicIds"]!.AsArray());
        }
        Assert.Equal(
            ["Zebra " + unique, "Bomen " + unique, "Vélo " + unique], // no Dutch name: the French one
            await connection.QuerySingleAsync<string[]>("SELECT idea_topic_names(@Idea, 'nl');", new { Idea = idea })
        );

        static JsonNode Find(JsonNode page, Guid id) => page["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == id)!;
    }

    [Fact]
    public async Task An_unknown_or_archived_topic_or_area_is_refused_with_the_field_and_no_idea_is_written()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var old = await CreateAsync(c.Admin, "topics", new { name = new { fr = "Ancien" } });
        await c.Admin.PutAsJsonAsync(
            $"/api/v1/topics/{old["id"]}",
            new
            {
                name = new { fr = "Ancien" },
                sortOrder = 0,
                archived = true,
                version = 1,
            }
        );
        var before = await Api.CountAsync("ideas");
        object Idea(object extra) => extra;

        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                Idea(
                    new
                    {
                        title = "Une idée",
                        body = "Texte",
                        topics = new[] { "inconnu" },
                    }
                )
            )
        ).AssertFieldErrorsAsync("topics");
        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                Idea(
                    new
                    {
                        title = "Une idée",
                        body = "Texte",
                        topicIds = new[] { old["id"] },
                    }
                )
            )
        ).AssertFieldErrorsAsync("topicIds");
        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                Idea(
                    new
                    {
                        title = "Une idée",
                        body = "Texte",
                        areaId = Guid.NewGuid(),
                    }
                )
            )
        ).AssertFieldErrorsAsync("areaId");

        Assert.Equal(before, await Api.CountAsync("ideas"));
    }

    [Fact]
    public async Task Projects_are_tagged_with_topics_and_areas_and_the_public_list_filters_by_them()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var gare = (await CreateAsync(c.Admin, "areas", new { name = new { fr = "Gare" } }))["id"]!.GetValue<Guid>();
        var nature = await Api.ScalarAsync<Guid>("SELECT id FROM topics WHERE name ->> 'fr' = 'nature'");

        var edited = await (
            await c.Admin.PatchAsJsonAsync($"/api/v1/projects/{c.P1}", new { topicIds = new[] { nature }, areaIds = new[] { gare } })
        ).ReadJsonAsync();

        Assert.Equal(nature, edited["topicIds"]![0]!.GetValue<Guid>());
        Assert.Equal(gare, edited["areaIds"]![0]!.GetValue<Guid>());
        var byArea = await (await Api.CreateClient().GetAsync($"/api/v1/projects?areaId={gare}")).ReadJsonAsync();
        Assert.Equal(c.P1, Assert.Single(byArea["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        var byTopic = await (await Api.CreateClient().GetAsync($"/api/v1/projects?topicId={nature}")).ReadJsonAsync();
        Assert.Contains(byTopic["items"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == c.P1);
        var edit = await Api.ScalarAsync<string>(
            "SELECT after::text FROM events WHERE type = 'project.edited' ORDER BY position DESC LIMIT 1"
        );
        Assert.Contains("areaIds", edit);
    }

    private static async Task<JsonNode> CreateAsync(HttpClient admin, string list, object body)
    {
        var response = await admin.PostJsonAsync($"/api/v1/{list}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
