using System.Net;
using System.Text;
using Dapper;
using Participation.Api.Features.PersonalData;
using Participation.Api.Tests.Features.Exports;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.PersonalData;

/// <summary>Deleting one's account: no trace of the person's id or address anywhere, while every count and result stays.</summary>
public sealed class AccountDeletionTests(ApiFactory api) : ApiTest(api)
{
    private const string Catalogue = """
        SELECT c.conrelid::regclass::text || '.' || a.attname AS column_name, c.confdeltype::text AS on_delete
          FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass;
        """;

    private sealed record ForeignKey(string ColumnName, string OnDelete);

    [Fact]
    public async Task Every_foreign_key_to_users_has_a_deletion_rule_that_agrees_with_its_on_delete_action()
    {
        await using var connection = await Api.OpenAsync();
        var keys = (await connection.QueryAsync<ForeignKey>(Catalogue)).ToList();
        var rules = AccountDeletionRules.ForeignKeys;

        var missing = keys.Where(k => !rules.ContainsKey(k.ColumnName)).Select(k => k.ColumnName).ToList();
        Assert.True(
            missing.Count == 0,
            "Columns referencing users without a rule in AccountDeletionRules.ForeignKeys: " + string.Join(", ", missing)
        );
        var disagreeing = keys.Where(k =>
                (rules[k.ColumnName] == DeletionRule.Delete && k.OnDelete != "c")
                || (rules[k.ColumnName] == DeletionRule.Null && k.OnDelete != "n")
            )
            .Select(k => $"{k.ColumnName} ({rules[k.ColumnName]} but ON DELETE '{k.OnDelete}')")
            .ToList();
        Assert.True(disagreeing.Count == 0, "Rules that the foreign key does not carry out: " + string.Join(", ", disagreeing));
        var stale = rules.Keys.Except(keys.Select(k => k.ColumnName)).ToList();
        Assert.True(stale.Count == 0, "Rules for columns that are not foreign keys to users: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Deleting_leaves_neither_the_id_nor_the_address_anywhere_and_every_count_and_result_stays_the_same()
    {
        var k = await ExportCity.CreateAsync(Api);
        var a = k.C.ResidentA;
        await SeedPersonalAsync(k);
        var before = await ResultsAsync();
        Assert.NotEmpty(await TracesAsync(a.Id.ToString(), a.Email)); // the search does find the person before

        var response = await k.C.A.PostJsonAsync("/api/v1/me/deletion", new { password = ApiFactory.Password });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var traces = await TracesAsync(a.Id.ToString(), a.Email);
        Assert.True(traces.Count == 0, "Still found: " + string.Join(", ", traces));
        Assert.Equal(before, await ResultsAsync());
        // Her ideas are a former participant's; the organisation she owned passed to its other member.
        Assert.Equal(
            "Ancien participant",
            await Api.ScalarAsync<string>(
                "SELECT u.first_name || ' ' || u.last_name FROM ideas i JOIN users u ON u.id = i.author_id WHERE i.id = @Id",
                new { Id = k.Idea1 }
            )
        );
        Assert.Equal(
            "owner",
            await Api.ScalarAsync<string>("SELECT role FROM organisation_members WHERE user_id = @B", new { B = k.C.ResidentB.Id })
        );
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'user.account_deleted'"));
        // Signed out for good: the token no longer works, nor does the password.
        Assert.Equal(HttpStatusCode.Unauthorized, (await k.C.A.GetAsync("/api/v1/me")).StatusCode);
        var login = await Api.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = a.Email, password = ApiFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_a_400_and_deletes_nothing()
    {
        var a = await Api.CreateUserAsync();

        var response = await Api.ClientFor(a.Id).PostJsonAsync("/api/v1/me/deletion", new { password = "not the password at all" });

        await response.AssertFieldErrorsAsync("password");
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM users WHERE id = @Id", new { a.Id }));
        Assert.Equal(1, await Api.CountAsync("users"));
    }

    [Fact]
    public async Task A_missing_password_is_a_400()
    {
        var a = await Api.CreateUserAsync();
        var response = await Api.ClientFor(a.Id).PostAsync("/api/v1/me/deletion", Http.Json("{}"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await Api.CountAsync("users"));
    }

    [Fact]
    public async Task Anonymous_callers_cannot_delete_and_a_staff_account_is_closed_by_an_admin_instead()
    {
        var anonymous = await Api.CreateClient().PostJsonAsync("/api/v1/me/deletion", new { password = ApiFactory.Password });
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);

        var admin = await Api.CreateUserAsync(role: "admin");
        var staff = await Api.ClientFor(admin.Id).PostJsonAsync("/api/v1/me/deletion", new { password = ApiFactory.Password });
        await staff.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await Api.CountAsync("users"));
    }

    [Fact]
    public async Task Parallel_deletions_of_the_same_account_delete_it_once()
    {
        var a = await Api.CreateUserAsync();
        var client = Api.ClientFor(a.Id);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 5).Select(_ => client.PostJsonAsync("/api/v1/me/deletion", new { password = ApiFactory.Password }))
        );

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.True((int)r.StatusCode is 401 or 404));
        Assert.Equal(1, await Api.CountAsync("users")); // the one former participant
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'user.account_deleted'"));
    }

    /// <summary>Resident A's personal things beyond the export city: a comment and a follow through the API (events and
    /// a notification to B carry her id), a registration, a consent, a session, notifications, an e-mail, an organisation
    /// she owns with B as member, an export of her data.</summary>
    private async Task SeedPersonalAsync(ExportCity k)
    {
        var a = k.C.ResidentA;
        var comment = await k.C.A.PostJsonAsync($"/api/v1/ideas/{k.Idea2}/comments", new { body = "Je suis d'accord" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await k.C.A.PutAsync($"/api/v1/ideas/{k.Idea2}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await k.C.A.PostAsync("/api/v1/me/data-exports", null)).StatusCode);
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO calendar_events (id, project_id, title, starts_at, ends_at, registration, capacity, registered_count)
            VALUES (@Event, @P1, '{"fr": "Fête du parc"}', '2031-06-01T10:00:00Z', '2031-06-01T12:00:00Z', true, 10, 1);
            INSERT INTO calendar_event_registrations (event_id, user_id, status) VALUES (@Event, @A, 'registered');
            INSERT INTO newsletter_consents (user_id, status) VALUES (@A, 'given');
            INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at)
            VALUES (decode(md5(@A::text), 'hex'), @A, gen_random_uuid(), now() + interval '1 day');
            INSERT INTO email_outbox (category, to_address, to_name, subject, text_body)
            VALUES ('test', @Email, 'Alice', 'Bonjour', 'Bonjour Alice');
            INSERT INTO organisations (id, name, status, created_by) VALUES (@Org, 'Les amis du parc', 'verified', @A);
            INSERT INTO organisation_members (organisation_id, user_id, role, joined_at)
            VALUES (@Org, @A, 'owner', now() - interval '2 days'), (@Org, @B, 'member', now() - interval '1 day');
            INSERT INTO organisation_invitations (organisation_id, email, invited_by) VALUES (@Org, 'carla@example.org', @A);
            """,
            new
            {
                Event = Guid.NewGuid(),
                k.C.P1,
                A = a.Id,
                B = k.C.ResidentB.Id,
                a.Email,
                Org = Guid.NewGuid(),
            }
        );
    }

    /// <summary>Every count and result a deletion must not change.</summary>
    private async Task<string> ResultsAsync()
    {
        await using var connection = await Api.OpenAsync();
        var rows = await connection.QueryAsync<string>(
            """
            SELECT 'idea ' || id || ' ' || likes_count || '/' || dislikes_count || '/' || comments_count FROM ideas
            UNION ALL SELECT 'votes ' || idea_id || ' ' || count(*) FROM idea_votes GROUP BY idea_id
            UNION ALL SELECT 'reactions ' || idea_id || ' ' || kind || ' ' || count(*) FROM idea_reactions GROUP BY idea_id, kind
            UNION ALL SELECT 'baskets ' || phase_id || ' ' || count(*) || ' ' || sum(total) || ' ' || count(submitted_at)
                        FROM baskets GROUP BY phase_id
            UNION ALL SELECT 'lines ' || idea_id || ' ' || count(*) FROM basket_lines GROUP BY idea_id
            UNION ALL SELECT 'responses ' || phase_id || ' ' || count(*) FROM survey_responses WHERE status = 'submitted'
                        GROUP BY phase_id
            UNION ALL SELECT 'answers ' || count(*) FROM survey_answers
            UNION ALL SELECT 'comments ' || count(*) FROM comments
            UNION ALL SELECT 'registrations ' || count(*) FROM calendar_event_registrations
            UNION ALL SELECT 'actions ' || kind || ' ' || count(*) || ' ' || count(DISTINCT user_id)
                        FROM participation_actions GROUP BY kind
            UNION ALL SELECT 'ideas ' || count(*) FROM ideas
            ORDER BY 1;
            """
        );
        return string.Join("\n", rows);
    }

    /// <summary>Every text-like column of every table (information_schema) searched for the id and the address.</summary>
    private async Task<List<string>> TracesAsync(string id, string email)
    {
        await using var connection = await Api.OpenAsync();
        var columns = await connection.QueryAsync<(string Table, string Column)>(
            """
            SELECT c.table_name, c.column_name FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.data_type IN ('uuid', 'text', 'jsonb', 'json', 'character varying', 'ARRAY')
             ORDER BY 1, 2;
            """
        );
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            var sql = new StringBuilder()
                .Append($"SELECT count(*) FROM \"{table}\" WHERE strpos(lower(\"{column}\"::text), @Id) > 0")
                .Append($" OR strpos(lower(\"{column}\"::text), @Email) > 0")
                .ToString();
            var n = await connection.ExecuteScalarAsync<long>(sql, new { Id = id.ToLowerInvariant(), Email = email.ToLowerInvariant() });
            if (n > 0)
                found.Add($"{table}.{column} ({n})");
        }
        return found;
    }
}
