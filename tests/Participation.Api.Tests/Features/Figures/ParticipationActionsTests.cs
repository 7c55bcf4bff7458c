using System.Net;
using System.Net.Http.Json;
using Dapper;
using Participation.Api.Tests.Features.Exports;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Figures;

/// <summary>
/// <c>participation_actions</c>, the narrow table every figure reads (<c>FigureDefinitions.Actions</c>), is kept by triggers in
/// the writing transaction. After every kind of write (through the API and directly, including cascades, phases moved or
/// removed, authors erased, ideas moved, baskets and responses submitted and taken back) it holds exactly the actions the
/// six tables they come from say were taken, computed here from those tables by the definition.
/// </summary>
public sealed class ParticipationActionsTests(ApiFactory api) : ApiTest(api)
{
    // The definition, from the source tables (what migration 0025 backfilled the table with).
    private const string FromSources = """
        SELECT 'idea' AS kind, i.author_id AS user_id, i.created_at AS at, i.project_id, i.phase_id
          FROM ideas i WHERE i.author_id IS NOT NULL
        UNION ALL
        SELECT 'comment', c.author_id, c.created_at, i.project_id, ph.id
          FROM comments c JOIN ideas i ON i.id = c.idea_id
          LEFT JOIN phases ph ON ph.project_id = i.project_id AND ph.starts_at <= c.created_at
                             AND (ph.ends_at IS NULL OR ph.ends_at > c.created_at)
         WHERE c.author_id IS NOT NULL
        UNION ALL
        SELECT 'reaction', r.user_id, r.created_at, i.project_id, r.phase_id FROM idea_reactions r JOIN ideas i ON i.id = r.idea_id
        UNION ALL
        SELECT 'vote', v.user_id, v.created_at, ph.project_id, v.phase_id FROM idea_votes v JOIN phases ph ON ph.id = v.phase_id
        UNION ALL
        SELECT 'basket', b.user_id, b.submitted_at, ph.project_id, b.phase_id
          FROM baskets b JOIN phases ph ON ph.id = b.phase_id WHERE b.submitted_at IS NOT NULL
        UNION ALL
        SELECT 'response', s.user_id, s.submitted_at, ph.project_id, s.phase_id
          FROM survey_responses s JOIN phases ph ON ph.id = s.phase_id WHERE s.status = 'submitted' AND s.user_id IS NOT NULL
        """;

    private const string Table = "SELECT kind, user_id, at, project_id, phase_id FROM participation_actions";

    private async Task AssertTableMatchesSourcesAsync(string after)
    {
        await using var connection = await Api.OpenAsync();
        var missing = (
            await connection.QueryAsync<string>($"SELECT row(s.*)::text FROM (({FromSources}) EXCEPT ALL ({Table})) s")
        ).ToList();
        var extra = (await connection.QueryAsync<string>($"SELECT row(t.*)::text FROM (({Table}) EXCEPT ALL ({FromSources})) t")).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"after {after}: missing {string.Join("; ", missing)}; extra {string.Join("; ", extra)}"
        );
    }

    private async Task<long> CountAsync(string kind)
    {
        await using var connection = await Api.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM participation_actions WHERE kind = @kind", new { kind });
    }

    [Fact]
    public async Task The_table_holds_exactly_the_actions_of_the_source_tables_after_every_kind_of_write()
    {
        // Every kind of action, and phases created after the comments posted in them (their phase recomputed).
        var city = await ExportCity.CreateAsync(Api);
        await AssertTableMatchesSourcesAsync("the city's inserts");
        foreach (var kind in new[] { "idea", "comment", "reaction", "vote", "basket", "response" })
            Assert.True(await CountAsync(kind) > 0, kind);

        // Through the API: a comment, a reaction added then removed, another changed from dislike to like.
        var comment = await city.C.A.PostAsJsonAsync($"/api/v1/ideas/{city.Idea1}/comments", new { body = "Je suis d'accord" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await city.C.A.PutAsJsonAsync($"/api/v1/ideas/{city.Idea1}/reaction", new { kind = "like" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await city.C.B.PutAsJsonAsync($"/api/v1/ideas/{city.Idea1}/reaction", new { kind = "like" })).StatusCode
        );
        await AssertTableMatchesSourcesAsync("a comment and reactions through the API");
        Assert.Equal(HttpStatusCode.OK, (await city.C.A.DeleteAsync($"/api/v1/ideas/{city.Idea1}/reaction")).StatusCode);
        await AssertTableMatchesSourcesAsync("a reaction removed");

        await using var connection = await Api.OpenAsync();
        async Task WriteAsync(string what, string sql)
        {
            await connection.ExecuteAsync(
                sql,
                new
                {
                    city.C.P1,
                    city.C.P2,
                    city.C.Phase1,
                    city.Idea1,
                    city.Idea2,
                    city.Idea3,
                    city.Comment1,
                }
            );
            await AssertTableMatchesSourcesAsync(what);
        }

        // Phases: one moved over the comments of January 2030, one added, one removed (its votes go with it).
        await WriteAsync("a phase moved", "UPDATE phases SET starts_at = '2029-12-01', ends_at = '2030-01-06' WHERE id = @Phase1");
        await WriteAsync(
            "a phase added",
            """
            INSERT INTO phases (id, project_id, title, starts_at, ends_at, method, settings)
            VALUES (gen_random_uuid(), @P1, '{"fr": "Débat"}', '2030-01-06', '2030-02-01', 'information', '{}')
            """
        );
        await WriteAsync("a phase removed", "DELETE FROM phases WHERE project_id = @P2 AND method = 'voting'");
        // Baskets and responses submitted and taken back.
        await WriteAsync(
            "baskets submitted and reopened",
            """
            UPDATE baskets SET submitted_at = NULL WHERE submitted_at IS NOT NULL;
            UPDATE baskets SET submitted_at = '2031-02-10' WHERE id <> ALL (SELECT b.id FROM baskets b LIMIT 1);
            """
        );
        await WriteAsync(
            "responses submitted and drafts",
            "UPDATE survey_responses SET status = 'submitted', submitted_at = '2031-03-05' WHERE status = 'draft'"
        );
        // Authors erased, an idea moved to another project (its comments and reactions follow), an idea deleted (cascades).
        await WriteAsync(
            "authors erased",
            """
            UPDATE ideas SET author_id = NULL WHERE id = @Idea2;
            UPDATE comments SET author_id = NULL WHERE id = @Comment1;
            UPDATE survey_responses SET user_id = NULL WHERE status = 'submitted' AND user_id IS NOT NULL
               AND id = (SELECT min(id::text)::uuid FROM survey_responses WHERE user_id IS NOT NULL);
            """
        );
        await WriteAsync("an idea moved", "UPDATE ideas SET project_id = @P2, phase_id = NULL WHERE id = @Idea1");
        await WriteAsync("an idea deleted", "DELETE FROM ideas WHERE id = @Idea3");
        // Counters and scores rewritten in bulk change no action.
        await WriteAsync("counters rewritten", "UPDATE ideas SET likes_count = likes_count + 1, trending_score = 1");
        Assert.True(await CountAsync("comment") > 0);
    }
}
