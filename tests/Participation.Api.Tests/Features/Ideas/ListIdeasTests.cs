using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Participation.Api.Features.Ideas;
using Participation.Api.Infrastructure.Pagination;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Ideas;

public sealed class ListIdeasTests(ApiFactory api) : ApiTest(api)
{
    private static List<Guid> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();

    private async Task<(IdeaCity C, List<Guid> Ideas)> SeedAsync(int count)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var ideas = new List<Guid>();
        for (var i = 0; i < count; i++)
            ideas.Add(
                await c.IdeaAsync(
                    c.A,
                    body: new
                    {
                        title = $"Idée {i:00}",
                        body = $"<p>Texte {(i % 2 == 0 ? "arbres" : "vélos")}</p>",
                        topics = new[] { i % 3 == 0 ? "nature" : "mobilité" },
                        latitude = 50.80 + i * 0.01,
                        longitude = 4.30 + i * 0.01,
                    }
                )
            );
        // Spread likes and comments, and ages, so each sort has a distinct order.
        await using var connection = await Api.OpenAsync();
        for (var i = 0; i < count; i++)
            await connection.ExecuteAsync(
                """
                UPDATE ideas SET likes_count = @Likes, comments_count = @Comments, created_at = now() - make_interval(hours => @Age)
                 WHERE id = @Id
                """,
                new
                {
                    Id = ideas[i],
                    Likes = (i * 7) % count,
                    Comments = (i * 5) % count,
                    Age = i * 3,
                }
            );
        await Api.Services.GetRequiredService<RefreshTrending>().RefreshAsync(CancellationToken.None);
        return (c, ideas);
    }

    private async Task<List<Guid>> WalkAsync(HttpClient client, string url, int pageSize)
    {
        var all = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (
                await client.GetAsync(
                    $"{url}{(url.Contains('?') ? '&' : '?')}limit={pageSize}{(cursor is null ? "" : $"&cursor={cursor}")}"
                )
            ).ReadJsonAsync();
            all.AddRange(Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return all;
    }

    [Theory]
    [InlineData("newest", "created_at DESC, id DESC")]
    [InlineData("popular", "likes_count - dislikes_count DESC, id DESC")]
    [InlineData("most_commented", "comments_count DESC, id DESC")]
    [InlineData("trending", "trending_score DESC, id DESC")]
    public async Task Every_sort_walks_all_ideas_in_its_order_page_by_page(string sort, string order)
    {
        var (c, _) = await SeedAsync(9);

        var walked = await WalkAsync(c.B, $"/api/v1/projects/{c.P1}/ideas?sort={sort}", 2);

        await using var connection = await Api.OpenAsync();
        var expected = (
            await connection.QueryAsync<Guid>($"SELECT id FROM ideas WHERE project_id = @P1 ORDER BY {order}", new { c.P1 })
        ).ToList();
        Assert.Equal(expected, walked);
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("popular")]
    [InlineData("most_commented")]
    [InlineData("trending")]
    [InlineData("random")]
    public async Task An_unfiltered_list_statement_is_planned_once_and_its_plan_kept(string sort)
    {
        // PostgreSQL plans a prepared statement's first five executions for their values, then keeps a generic plan when it
        // costs no more. With "LIMIT @Take" the generic plan assumed a tenth of the project's ideas and was never kept: each
        // list paid its planning again (make bench). The unfiltered lists (first page and the next ones) write their limit.
        var (c, ideas) = await SeedAsync(3);
        // A connection of its own (not pooled): the prepared statements it holds are this test's.
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(Api.ConnectionString) { Pooling = false }.ConnectionString
        );
        await connection.OpenAsync();
        foreach (var conditions in new[] { ListIdeas.Handler.Conditions.None, ListIdeas.Handler.Conditions.After })
        {
            var sql = ListIdeas.Handler.Statement(sort, conditions, ListIdeas.Handler.ReadsFor(conditions, Cursor.DefaultLimit));
            Assert.DoesNotContain("@Take", sql, StringComparison.Ordinal);
            await using var command = new NpgsqlCommand(sql, connection);
            (string Name, NpgsqlDbType Type, object Value)[] parameters =
            [
                ("ActorId", NpgsqlDbType.Uuid, Guid.NewGuid()),
                ("ProjectId", NpgsqlDbType.Uuid, c.P1),
                ("Lang", NpgsqlDbType.Text, "fr"),
                ("Seed", NpgsqlDbType.Bigint, 7L),
                ("AfterId", NpgsqlDbType.Uuid, ideas[0]),
                ("AfterD", NpgsqlDbType.Double, 1e9),
                ("AfterL", NpgsqlDbType.Bigint, 1_000_000L),
                ("AfterAt", NpgsqlDbType.TimestampTz, DateTime.UtcNow.AddDays(1)),
            ];
            foreach (var (name, type, value) in parameters.Where(x => sql.Contains("@" + x.Name, StringComparison.Ordinal)))
                command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
            await command.PrepareAsync();
            for (var i = 0; i < 8; i++)
            {
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            }
        }
        var plans = (
            await connection.QueryAsync<(long Generic, long Custom)>(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE NOT from_sql;"
            )
        ).ToList();
        Assert.Equal(2, plans.Count);
        Assert.All(plans, p => Assert.True(p.Generic >= 3, $"{p.Generic} generic and {p.Custom} custom plans"));
        // A filtered list keeps its limit as a parameter, and a plan for its values (a search's selectivity decides the plan).
        Assert.Contains("@Take", ListIdeas.Handler.Statement(sort, ListIdeas.Handler.Conditions.Search, null), StringComparison.Ordinal);
        Assert.Null(ListIdeas.Handler.ReadsFor(ListIdeas.Handler.Conditions.Search | ListIdeas.Handler.Conditions.After, 20));
        Assert.Equal([6, 6, 11, 21, 21, 51, 101], new[] { 1, 5, 6, 19, 20, 21, 100 }.Select(l => ListIdeas.Handler.ReadsFor(0, l)));
    }

    [Fact]
    public async Task Random_order_is_stable_for_a_seed_and_covers_every_idea_once()
    {
        var (c, ideas) = await SeedAsync(9);

        var first = await WalkAsync(c.B, $"/api/v1/projects/{c.P1}/ideas?sort=random&seed=42", 4);
        var again = await WalkAsync(c.A, $"/api/v1/projects/{c.P1}/ideas?sort=random&seed=42", 3);
        var other = await WalkAsync(c.A, $"/api/v1/projects/{c.P1}/ideas?sort=random&seed=7", 9);

        Assert.Equal(first, again);
        Assert.Equal(ideas.Order(), first.Order());
        Assert.NotEqual(first, other);
        var unseeded = await (await c.A.GetAsync($"/api/v1/projects/{c.P1}/ideas?sort=random&limit=3")).ReadJsonAsync();
        var seed = unseeded["seed"]!.GetValue<long>();
        Assert.Equal(Ids(unseeded), (await WalkAsync(c.A, $"/api/v1/projects/{c.P1}/ideas?sort=random&seed={seed}", 3)).Take(3));
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_topic_status_text_and_map_box()
    {
        var (c, ideas) = await SeedAsync(9);
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{ideas[4]}/status", new { status = "accepted" })).StatusCode
        );

        async Task<int> Count(string query) =>
            Ids(await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas?limit=100&{query}")).ReadJsonAsync()).Count;
        Assert.Equal(3, await Count("topic=Nature"));
        Assert.Equal(1, await Count("status=accepted"));
        Assert.Equal(5, await Count("search=arbres"));
        Assert.Equal(3, await Count("south=50.805&west=4.305&north=50.835&east=4.335"));
        Assert.Equal(0, await Count("south=10&west=10&north=11&east=11"));
        Assert.Equal(0, await Count("search=%25%27%3B%20DROP%20TABLE%20ideas%3B--"));
        Assert.Equal(9, await Count("sort=newest"));
    }

    [Theory]
    [InlineData("sort=best")]
    [InlineData("sort=created_at%20DESC%3B%20DROP%20TABLE%20ideas")]
    [InlineData("status=prescreening")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=abc")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=eyJTIjoibmV3ZXN0In0")]
    [InlineData("south=50&west=4")]
    [InlineData("south=51&west=4&north=50&east=5")]
    [InlineData("south=-91&west=4&north=50&east=5")]
    public async Task Bad_list_parameters_are_a_400(string query)
    {
        var (c, _) = await SeedAsync(1);

        await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await Api.CountAsync("ideas"));
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_refused()
    {
        var (c, _) = await SeedAsync(3);
        var page = await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas?sort=newest&limit=1")).ReadJsonAsync();
        var cursor = page["nextCursor"]!.GetValue<string>();

        await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas?sort=popular&cursor={cursor}")).AssertFieldErrorsAsync("cursor");
        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];
        var response = await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas?sort=newest&cursor={tampered}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"tampered cursor: {(int)response.StatusCode}");
        await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas?sort=newest&cursor={cursor}xx!")).AssertFieldErrorsAsync("cursor");
    }

    [Fact]
    public async Task Each_idea_carries_the_callers_own_reaction_and_only_public_ideas_are_listed()
    {
        var (c, ideas) = await SeedAsync(3);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsJsonAsync($"/api/v1/ideas/{ideas[1]}/reaction", new { kind = "like" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PostAsync($"/api/v1/ideas/{ideas[2]}/withdraw", null)).StatusCode);

        var page = await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas?sort=newest")).ReadJsonAsync();
        var items = page["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("like", items.Single(i => i!["id"]!.GetValue<Guid>() == ideas[1])!["myReaction"]!.GetValue<string>());
        Assert.Null(items.Single(i => i!["id"]!.GetValue<Guid>() == ideas[0])!["myReaction"]);
        Assert.Null(
            (await (await Api.CreateClient().GetAsync($"/api/v1/projects/{c.P1}/ideas")).ReadJsonAsync())["items"]![0]!["myReaction"]
        );
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/ideas")).StatusCode);
    }

    [Theory]
    [InlineData(IdeaSort.Trending)]
    [InlineData(IdeaSort.Newest)]
    [InlineData(IdeaSort.Random)]
    public async Task The_list_runs_the_same_number_of_statements_for_one_idea_or_a_hundred(IdeaSort sort)
    {
        var c = await IdeaCity.CreateAsync(Api);
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                """
                INSERT INTO ideas (id, project_id, author_id, title, body, created_at)
                SELECT gen_random_uuid(), @P1, @A, 'Idée ' || g, '<p>x</p>', now() - make_interval(mins => g)
                  FROM generate_series(1, 120) g;
                INSERT INTO idea_reactions (idea_id, user_id, kind) SELECT id, @B, 'like' FROM ideas;
                """,
                new
                {
                    c.P1,
                    A = c.ResidentA.Id,
                    B = c.ResidentB.Id,
                }
            );

        async Task<int> Statements(int limit)
        {
            using var counter = new SqlCounter();
            var page = await Api.Send(
                new ListIdeas.Query(c.ResidentB.Id, c.P1, sort, null, null, null, null, null, null, null, 1, null, limit)
            );
            Assert.Equal(limit, page.Items.Count);
            Assert.All(page.Items, i => Assert.Equal(ReactionKind.Like, i.MyReaction));
            return counter.Count;
        }

        var one = await Statements(1);
        var hundred = await Statements(100);
        Assert.Equal(one, hundred);
        Assert.Equal(1, hundred);
    }
}
