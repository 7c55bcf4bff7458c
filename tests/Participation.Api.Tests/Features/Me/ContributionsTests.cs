using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Features.Me;
using Participation.Api.Features.Users;
using Participation.Api.Tests.Features.Exports;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Me;

/// <summary>"My contributions": everything the signed-in person did, by kind, with links; theirs only; keyset pages.</summary>
public sealed class ContributionsTests(ApiFactory api) : ApiTest(api)
{
    private const string Mine = "/api/v1/me/contributions";

    /// <summary>Alice's participation of every kind (<see cref="ExportCity"/>), plus a registration and two follows.</summary>
    private async Task<ExportCity> SeedAsync()
    {
        var k = await ExportCity.CreateAsync(Api);
        Assert.Equal(HttpStatusCode.NoContent, (await k.C.A.PutAsync($"/api/v1/ideas/{k.Idea2}/follow", null)).StatusCode);
        Assert.True((await k.C.A.PutAsync($"/api/v1/projects/{k.C.P2}/follow", null)).IsSuccessStatusCode);
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO calendar_events (id, project_id, slug, title, starts_at, ends_at, registration, capacity, registered_count)
            VALUES (@Event, @P1, 'fete-du-parc', '{"fr": "Fête du parc", "nl": "Parkfeest"}', '2031-06-01T10:00:00Z',
                    '2031-06-01T12:00:00Z', true, 10, 1);
            INSERT INTO calendar_event_registrations (event_id, user_id, status, created_at)
            VALUES (@Event, @A, 'registered', '2031-05-01');
            """,
            new
            {
                Event = Guid.NewGuid(),
                k.C.P1,
                A = k.C.ResidentA.Id,
            }
        );
        return k;
    }

    private static async Task<List<JsonNode>> AllAsync(HttpClient client, string query = "", int limit = 100)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var separator = query.Length == 0 ? "?" : "&";
            var url =
                $"{Mine}{(query.Length == 0 ? "" : "?" + query)}{separator}limit={limit}"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await client.GetAsync(url)).ReadJsonAsync();
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return items;
    }

    private static string Kind(JsonNode item) => item["kind"]!.GetValue<string>();

    [Fact]
    public async Task A_resident_sees_everything_they_did_of_every_kind_newest_first_with_what_links_to_it()
    {
        var k = await SeedAsync();

        var items = await AllAsync(k.C.A);

        Assert.Equal(
            new[]
            {
                "basket",
                "comment",
                "event_registration",
                "idea",
                "idea",
                "idea_follow",
                "project_follow",
                "survey_response",
                "vote",
                "vote",
            },
            items.Select(Kind).Order().ToArray()
        );
        var dates = items.Select(i => i["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        var idea = items.First(i => Kind(i) == "idea" && i["ideaId"]!.GetValue<Guid>() == k.Idea1);
        Assert.Equal("Plus de bancs au parc", idea["title"]!.GetValue<string>());
        Assert.Equal("Parc du centre", idea["projectTitle"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(idea["projectSlug"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(idea["ideaSlug"]!.GetValue<string>()));
        var comment = items.Single(i => Kind(i) == "comment");
        Assert.Equal(k.Comment2, comment["commentId"]!.GetValue<Guid>());
        Assert.Equal("Merci", comment["excerpt"]!.GetValue<string>());
        Assert.Equal("submitted", items.Single(i => Kind(i) == "basket")["status"]!.GetValue<string>());
        Assert.Equal("Enquête", items.Single(i => Kind(i) == "survey_response")["title"]!.GetValue<string>());
        var registration = items.Single(i => Kind(i) == "event_registration");
        Assert.Equal(
            ("Fête du parc", "fete-du-parc"),
            (registration["title"]!.GetValue<string>(), registration["eventSlug"]!.GetValue<string>())
        );
        Assert.Equal("Maison de la culture", items.Single(i => Kind(i) == "project_follow")["title"]!.GetValue<string>());

        // In Dutch where there is Dutch.
        var dutch = Api.ClientFor(k.C.ResidentA.Id);
        dutch.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        Assert.Equal("Parkfeest", (await AllAsync(dutch, "kind=event_registration")).Single()["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_kind_filter_keeps_that_kind_and_pages_walk_the_whole_list_once_in_one_statement_each()
    {
        var k = await SeedAsync();

        var votes = await AllAsync(k.C.A, "kind=vote");
        Assert.Equal(2, votes.Count);
        Assert.All(votes, v => Assert.Equal("vote", Kind(v)));
        Assert.Single(await AllAsync(k.C.A, "kind=basket"));

        var everything = await AllAsync(k.C.A);
        var paged = await AllAsync(k.C.A, limit: 3);
        Assert.Equal(everything.Select(i => i.ToJsonString()), paged.Select(i => i.ToJsonString()));
        var pagedVotes = await AllAsync(k.C.A, "kind=vote", limit: 1);
        Assert.Equal(votes.Select(i => i.ToJsonString()), pagedVotes.Select(i => i.ToJsonString()));

        async Task<int> Statements(int limit)
        {
            using var counter = new SqlCounter();
            await Api.Send(new ListMyContributions.Query(k.C.ResidentA.Id, null, null, limit));
            return counter.Count;
        }
        Assert.Equal(1, await Statements(1));
        Assert.Equal(1, await Statements(50));
    }

    [Theory]
    [InlineData("kind=likes", "kind")]
    [InlineData("kind=idea;DROP TABLE ideas", "kind")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    public async Task Bad_parameters_are_a_400_naming_the_field(string query, string field)
    {
        var a = await Api.CreateUserAsync();
        await (await Api.ClientFor(a.Id).GetAsync($"{Mine}?{query}")).AssertFieldErrorsAsync(field);
    }

    [Fact]
    public async Task A_cursor_of_another_shape_is_a_400()
    {
        var a = await Api.CreateUserAsync();
        var forged = Participation.Api.Infrastructure.Pagination.Cursor.Encode(
            new
            {
                At = DateTime.UtcNow,
                Kind = "nope",
                Key = "x",
            }
        );
        await (await Api.ClientFor(a.Id).GetAsync($"{Mine}?cursor={forged}")).AssertFieldErrorsAsync("cursor");
    }

    [Fact]
    public async Task Anonymous_is_401_and_another_resident_or_the_staff_see_only_their_own()
    {
        var k = await SeedAsync();

        await (await Api.CreateClient().GetAsync(Mine)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var bruno = await AllAsync(k.C.B);
        Assert.DoesNotContain(bruno, i => Kind(i) == "idea" && i["ideaId"]!.GetValue<Guid>() == k.Idea1);
        Assert.DoesNotContain(bruno, i => Kind(i) == "event_registration");
        Assert.Contains(bruno, i => Kind(i) == "comment" && i["commentId"]!.GetValue<Guid>() == k.Comment1);
        Assert.Empty(await AllAsync(k.C.Admin));
        Assert.Empty(await AllAsync(k.C.Mod1));
        Assert.Equal(
            ContributionKind.Vote,
            (await Api.Send(new ListMyContributions.Query(k.C.ResidentA.Id, ContributionKind.Vote, null, 1))).Items[0].Kind
        );
    }
}
