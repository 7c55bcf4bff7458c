using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Figures;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Exports;

/// <summary>Each kind of export in both formats, read back and compared with what the tables hold, and the rules around them.</summary>
public sealed partial class ExportsTests(ApiFactory api) : ApiTest(api)
{
    private const string Park = "Parc du centre";

    /// <summary>The rows a department head of D1 gets (French headers): P1's only, in date order. {A} and {B} are pseudonyms.</summary>
    private static List<string[]> Expected(string kind, ExportCity k) =>
        kind switch
        {
            "ideas" =>
            [
                [
                    "Identifiant",
                    "Date (UTC)",
                    "Projet",
                    "Titre",
                    "Statut",
                    "Auteur",
                    "Au nom de",
                    "Thèmes",
                    "J'aime",
                    "Je n'aime pas",
                    "Commentaires",
                    "Coût",
                    "Latitude",
                    "Longitude",
                    "Lieu",
                    "Retirée le (UTC)",
                    "Masquée le (UTC)",
                    "Première réponse officielle (UTC)",
                    "Texte",
                ],
                [
                    $"{k.Idea1}",
                    "2030-01-01T10:00:00Z",
                    Park,
                    "Plus de bancs au parc",
                    "proposed",
                    "Alice Martin",
                    "",
                    "mobilier, parc",
                    "0",
                    "1",
                    "2",
                    "100.5",
                    "50.85",
                    "4.35",
                    "Près de l'étang",
                    "",
                    "",
                    "",
                    "Des bancs à l'ombre & des arbres.\nMerci",
                ],
                [
                    $"{k.Idea2}",
                    "2030-01-02T10:00:00Z",
                    Park,
                    "Un marché bio",
                    "accepted",
                    "Bruno Peeters",
                    "Association du parc",
                    "",
                    "1",
                    "0",
                    "0",
                    "20",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "2030-01-03T09:00:00Z",
                    "Des produits locaux",
                ],
                [
                    $"{k.Idea4}",
                    "2030-02-01T10:00:00Z",
                    Park,
                    "Idée retirée",
                    "proposed",
                    "Bruno Peeters",
                    "",
                    "",
                    "0",
                    "0",
                    "0",
                    "",
                    "",
                    "",
                    "",
                    "2030-02-02T00:00:00Z",
                    "",
                    "",
                    "Texte",
                ],
            ],
            "comments" =>
            [
                [
                    "Identifiant",
                    "Date (UTC)",
                    "Projet",
                    "Identifiant de l'idée",
                    "Idée",
                    "En réponse à",
                    "Auteur",
                    "Au nom de",
                    "Texte",
                    "Modifié le (UTC)",
                    "Supprimé le (UTC)",
                    "Masqué le (UTC)",
                ],
                [
                    $"{k.Comment1}",
                    "2030-01-05T10:00:00Z",
                    Park,
                    $"{k.Idea1}",
                    "Plus de bancs au parc",
                    "",
                    "Bruno Peeters",
                    "",
                    "Bonne idée !",
                    "",
                    "",
                    "",
                ],
                [
                    $"{k.Comment2}",
                    "2030-01-06T10:00:00Z",
                    Park,
                    $"{k.Idea1}",
                    "Plus de bancs au parc",
                    $"{k.Comment1}",
                    "Alice Martin",
                    "",
                    "Merci",
                    "",
                    "",
                    "",
                ],
                [
                    $"{k.Comment4}",
                    "2030-01-06T12:00:00Z",
                    Park,
                    $"{k.Idea1}",
                    "Plus de bancs au parc",
                    "",
                    "Bruno Peeters",
                    "",
                    "",
                    "",
                    "2030-01-07T00:00:00Z",
                    "",
                ],
            ],
            "reactions" =>
            [
                ["Date (UTC)", "Projet", "Identifiant de l'idée", "Idée", "Participant (pseudonyme)", "Réaction"],
                ["2030-01-04T10:00:00Z", Park, $"{k.Idea1}", "Plus de bancs au parc", "{B}", "dislike"],
                ["2030-01-04T11:00:00Z", Park, $"{k.Idea2}", "Un marché bio", "{A}", "like"],
            ],
            "votes" =>
            [
                ["Date (UTC)", "Projet", "Phase", "Identifiant de l'idée", "Idée", "Participant (pseudonyme)"],
                ["2031-01-02T00:00:00Z", Park, "Vote", $"{k.Idea1}", "Plus de bancs au parc", "{A}"],
                ["2031-01-03T00:00:00Z", Park, "Vote", $"{k.Idea1}", "Plus de bancs au parc", "{B}"],
                ["2031-01-04T00:00:00Z", Park, "Vote", $"{k.Idea2}", "Un marché bio", "{B}"],
            ],
            "baskets" =>
            [
                ["Panier", "Envoyé le (UTC)", "Projet", "Phase", "Participant (pseudonyme)", "Identifiant de l'idée", "Idée", "Coût"],
                [$"{k.BasketA}", "2031-02-03T00:00:00Z", Park, "Budget", "{A}", $"{k.Idea1}", "Plus de bancs au parc", "100.5"],
                [$"{k.BasketA}", "2031-02-03T00:00:00Z", Park, "Budget", "{A}", $"{k.Idea2}", "Un marché bio", "20"],
            ],
            "survey_responses" =>
            [
                ["Réponse", "Envoyé le (UTC)", "Projet", "Questionnaire", "Votre avis", "Budget"],
                [$"{k.ResponseA}", "2031-03-02T00:00:00Z", Park, "Enquête", "Très bien", "42"],
            ],
            "participants" =>
            [
                [
                    "Nom",
                    "Prénom",
                    "Idées",
                    "Commentaires",
                    "Réactions",
                    "Votes",
                    "Paniers",
                    "Réponses",
                    "Actions",
                    "Première action (UTC)",
                    "Dernière action (UTC)",
                ],
                ["Martin", "Alice", "1", "1", "1", "1", "1", "1", "6", "2030-01-01T10:00:00Z", "2031-03-02T00:00:00Z"],
                ["Peeters", "Bruno", "2", "2", "1", "2", "0", "0", "7", "2030-01-02T10:00:00Z", "2031-01-04T00:00:00Z"],
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex PseudonymShape();

    /// <summary>Equal tables, where {A} and {B} stand for one pseudonym each (the same on every row, different from each other).</summary>
    private static void AssertTable(List<string[]> expected, List<string[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var bound = new Dictionary<string, string>();
        for (var r = 0; r < expected.Count; r++)
        {
            var row = expected[r].ToArray();
            for (var c = 0; c < row.Length && c < actual[r].Length; c++)
                if (row[c] is "{A}" or "{B}")
                {
                    Assert.Matches(PseudonymShape(), actual[r][c]);
                    if (!bound.TryAdd(row[c], actual[r][c]))
                        Assert.Equal(bound[row[c]], actual[r][c]);
                    row[c] = actual[r][c];
                }
            Assert.Equal(row, actual[r]);
        }
        if (bound.Count == 2)
            Assert.NotEqual(bound["{A}"], bound["{B}"]);
    }

    public static TheoryData<string, string> KindsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "ideas", "comments", "reactions", "votes", "baskets", "survey_responses", "participants" })
        foreach (var format in new[] { "csv", "xlsx" })
            data.Add(kind, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndFormats))]
    public async Task A_department_head_exports_each_kind_of_their_department_in_each_format(string kind, string format)
    {
        var k = await ExportCity.CreateAsync(Api);

        var table = await k.ExportAsync(await k.HeadAsync(), ExportCity.Body(kind, format, "department", k.D1));

        AssertTable(Expected(kind, k), table);
    }

    [Fact]
    public async Task The_asking_is_accepted_queued_followed_to_ready_downloaded_and_both_are_audited()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();

        var response = await head.PostAsJsonAsync("/api/v1/exports", ExportCity.Body("ideas", "xlsx", "project", k.C.P1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.ReadJsonAsync();
        var id = queued["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/exports/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("queued", queued["status"]!.GetValue<string>());
        Assert.Equal("project", queued["scopeType"]!.GetValue<string>());
        Assert.Equal(Park, queued["scopeName"]!.GetValue<string>());
        Assert.Null(queued["progress"]);
        Assert.Null(queued["expiresAt"]);
        Assert.Matches(@"^ideas-\d{8}-\d{4}\.xlsx$", queued["fileName"]!.GetValue<string>());

        await k.RunJobAsync();
        var ready = await ExportCity.GetAsync(head, id);
        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.Equal(100, ready["progress"]!.GetValue<int>());
        Assert.Equal(3, ready["rowsDone"]!.GetValue<long>());
        Assert.Equal(3, ready["rowsTotal"]!.GetValue<long>());
        var expires = ready["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires - ready["finishedAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));

        var file = await head.GetAsync($"/api/v1/exports/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(ready["fileName"]!.GetValue<string>(), file.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(4, Xlsx.Read(bytes).Count);
        Assert.Equal(1, (await ExportCity.GetAsync(head, id))["downloadedCount"]!.GetValue<int>());

        var requested = Assert.Single(await Api.EventsAsync("export.requested"));
        Assert.True(requested.Audited);
        Assert.Equal(
            ("user", (Guid?)k.C.City.Head1.Id, "export", $"{id}"),
            (requested.ActorType, requested.ActorId, requested.SubjectType, requested.SubjectId)
        );
        Assert.Equal(((Guid?)k.C.P1, (Guid?)k.D1), (requested.ProjectId, requested.DepartmentId));
        Assert.Equal("ideas", requested.DataJson["kind"]!.GetValue<string>());
        Assert.Equal("xlsx", requested.DataJson["format"]!.GetValue<string>());
        Assert.Equal("fr", requested.DataJson["language"]!.GetValue<string>());
        var downloaded = Assert.Single(await Api.EventsAsync("export.downloaded"));
        Assert.True(downloaded.Audited);
        Assert.Equal(((Guid?)k.C.City.Head1.Id, $"{id}", (Guid?)k.C.P1), (downloaded.ActorId, downloaded.SubjectId, downloaded.ProjectId));
        Assert.Equal(1, downloaded.DataJson["downloads"]!.GetValue<int>());
        // The department's head reads both in the audit log.
        var log = await (await head.GetAsync("/api/v1/audit-log?action=export.")).ReadJsonAsync();
        Assert.Equal(["export.downloaded", "export.requested"], log["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_period_keeps_the_rows_of_its_dates_from_included_to_excluded()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();

        var january = await k.ExportAsync(
            head,
            ExportCity.Body("ideas", "csv", "department", k.D1, "2030-01-01T00:00:00Z", "2030-02-01T10:00:00Z")
        );
        var later = await k.ExportAsync(head, ExportCity.Body("ideas", "csv", "department", k.D1, "2030-01-02T10:00:00Z", null));
        var participants = await k.ExportAsync(
            head,
            ExportCity.Body("participants", "csv", "department", k.D1, "2031-01-01T00:00:00+01:00")
        );

        Assert.Equal([$"{k.Idea1}", $"{k.Idea2}"], january.Skip(1).Select(r => r[0]));
        Assert.Equal([$"{k.Idea2}", $"{k.Idea4}"], later.Skip(1).Select(r => r[0]));
        // From 2030-12-31T23:00Z: A's vote, basket and response, B's two votes.
        Assert.Equal(
            new[]
            {
                new[] { "Martin", "Alice", "0", "0", "0", "1", "1", "1", "3", "2031-01-02T00:00:00Z", "2031-03-02T00:00:00Z" },
                new[] { "Peeters", "Bruno", "0", "0", "0", "2", "0", "0", "2", "2031-01-03T00:00:00Z", "2031-01-04T00:00:00Z" },
            },
            participants.Skip(1)
        );
    }

    /// <summary>Figures are equal wherever they are shown: the participants export lists exactly the distinct people of the
    /// shared definition of participation actions, in the same scope and period.</summary>
    [Fact]
    public async Task Participants_are_exactly_the_people_of_the_shared_participation_actions_in_the_scope_and_period()
    {
        var k = await ExportCity.CreateAsync(Api);
        var admin = k.C.Admin;
        foreach (
            var (scopeType, scopeId, from) in new (string, Guid?, string?)[]
            {
                ("department", k.D1, null),
                ("department", k.D2, null),
                ("project", k.C.P2, null),
                ("platform", null, null),
                ("platform", null, "2030-01-05T00:00:00Z"),
            }
        )
        {
            var table = await k.ExportAsync(admin, ExportCity.Body("participants", "csv", scopeType, scopeId, from));
            var expected = await Api.ScalarAsync<string>(
                $"""
                SELECT coalesce(string_agg(u.email || ':' || n, ','), '')
                  FROM (SELECT a.user_id, count(*) AS n FROM ({FigureDefinitions.Actions}) a JOIN projects p ON p.id = a.project_id
                         WHERE ((@ScopeType = 'project' AND p.id = @ScopeId) OR (@ScopeType = 'department' AND p.department_id = @ScopeId)
                                OR @ScopeType = 'platform')
                           AND (@From::timestamptz IS NULL OR a.at >= @From)
                         GROUP BY a.user_id) x JOIN users u ON u.id = x.user_id
                """,
                new
                {
                    ScopeType = scopeType,
                    ScopeId = scopeId,
                    From = from is null ? (DateTime?)null : DateTime.Parse(from).ToUniversalTime(),
                }
            );
            Assert.Equal("Adresse e-mail", table[0][2]);
            Assert.Equal(
                expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal),
                table.Skip(1).Select(r => $"{r[2]}:{r[9]}").Order(StringComparer.Ordinal)
            );
        }
    }

    [Fact]
    public async Task Only_admins_get_the_participants_e_mail_addresses()
    {
        var k = await ExportCity.CreateAsync(Api);

        var byAdmin = await k.ExportAsync(k.C.Admin, ExportCity.Body("participants", "xlsx", "department", k.D1));
        var byHead = await k.ExportAsync(await k.HeadAsync(), ExportCity.Body("participants", "xlsx", "department", k.D1));
        var byOfficial = await k.ExportAsync(await k.OfficialAsync(), ExportCity.Body("participants", "csv", "department", k.D1));

        Assert.Equal(["Nom", "Prénom", "Adresse e-mail", "Idées"], byAdmin[0][..4]);
        Assert.Equal(["Martin", "Alice", k.C.ResidentA.Email, "1"], byAdmin[1][..4]);
        AssertTable(Expected("participants", k), byHead);
        AssertTable(Expected("participants", k), byOfficial);
        Assert.DoesNotContain(byHead.Concat(byOfficial).SelectMany(r => r), cell => cell.Contains('@'));
        Assert.True(await Api.ScalarAsync<bool>("SELECT with_emails FROM exports ORDER BY created_at LIMIT 1"));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM exports WHERE with_emails"));
    }

    [Fact]
    public async Task Headers_names_and_the_sheet_follow_the_callers_language()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();
        head.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var table = await k.ExportAsync(head, ExportCity.Body("survey_responses", "csv", "project", k.C.P1));
        var ideas = await k.ExportAsync(head, ExportCity.Body("ideas", "xlsx", "project", k.C.P1));

        Assert.Equal(["Response", "Submitted at (UTC)", "Project", "Survey", "Your opinion", "Budget"], table[0]);
        Assert.Equal("Survey", table[1][3]);
        Assert.Equal(["Id", "Date (UTC)", "Project", "Title"], ideas[0][..4]);
        Assert.Equal("en", await Api.ScalarAsync<string>("SELECT DISTINCT language FROM exports"));
    }

    [Fact]
    public async Task A_platform_export_of_survey_responses_has_one_column_per_question_of_each_survey()
    {
        var k = await ExportCity.CreateAsync(Api);

        var table = await k.ExportAsync(k.C.Admin, ExportCity.Body("survey_responses", "xlsx", "platform", null));

        // Projects in title order: "Maison de la culture" (P2) before "Parc du centre" (P1).
        Assert.Equal(
            [
                "Réponse",
                "Envoyé le (UTC)",
                "Projet",
                "Questionnaire",
                "Sondage culture — Un mot",
                "Enquête — Votre avis",
                "Enquête — Budget",
            ],
            table[0]
        );
        Assert.Equal([$"{k.ResponseA}", "2031-03-02T00:00:00Z", Park, "Enquête", "", "Très bien", "42"], table[1]);
        Assert.Equal(["Maison de la culture", "Sondage culture", "Bravo", "", ""], table[2][2..]);
    }

    /// <summary>An official of Culture (D2) sees Culture only; a head their department only; a moderator their project only.</summary>
    [Fact]
    public async Task Staff_export_their_own_scope_and_nothing_of_another()
    {
        var k = await ExportCity.CreateAsync(Api);
        var culture = await k.OfficialAsync(k.D2);
        var head2 = await k.HeadAsync(2);

        var cultureIdeas = await k.ExportAsync(culture, ExportCity.Body("ideas", "csv", "department", k.D2));
        var headIdeas = await k.ExportAsync(head2, ExportCity.Body("ideas", "xlsx", "project", k.C.P2));
        var moderatorIdeas = await k.ExportAsync(k.C.Mod1, ExportCity.Body("ideas", "csv", "project", k.C.P1));

        Assert.Equal([$"{k.Idea3}"], cultureIdeas.Skip(1).Select(r => r[0]));
        Assert.Equal([$"{k.Idea3}"], headIdeas.Skip(1).Select(r => r[0]));
        Assert.Equal([$"{k.Idea1}", $"{k.Idea2}", $"{k.Idea4}"], moderatorIdeas.Skip(1).Select(r => r[0]));
        foreach (
            var (client, body) in new[]
            {
                (culture, ExportCity.Body("ideas", "csv", "department", k.D1)),
                (culture, ExportCity.Body("ideas", "csv", "project", k.C.P1)),
                (culture, ExportCity.Body("ideas", "csv", "platform", null)),
                (head2, ExportCity.Body("ideas", "csv", "department", k.D1)),
                (head2, ExportCity.Body("ideas", "csv", "project", k.C.P1)),
                (k.C.Mod1, ExportCity.Body("ideas", "csv", "project", k.C.P2)),
                (k.C.Mod1, ExportCity.Body("ideas", "csv", "department", k.D1)),
            }
        )
            await (await client.PostAsJsonAsync("/api/v1/exports", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(3, await Api.CountAsync("exports"));
    }

    [Fact]
    public async Task Draft_projects_are_exported_by_their_staff_only_and_never_in_a_department_or_platform_export()
    {
        var k = await ExportCity.CreateAsync(Api);
        await Api.ScalarAsync<int>("UPDATE projects SET status = 'draft' WHERE id = @P1 RETURNING 1", new { k.C.P1 });
        var official = await k.OfficialAsync();

        var byStaff = await k.ExportAsync(k.C.Mod1, ExportCity.Body("ideas", "csv", "project", k.C.P1));
        var platform = await k.ExportAsync(k.C.Admin, ExportCity.Body("ideas", "csv", "platform", null));

        Assert.Equal(4, byStaff.Count);
        Assert.Equal([$"{k.Idea3}"], platform.Skip(1).Select(r => r[0]));
        // An official is not its staff: the draft is as unknown as a project that does not exist.
        await (
            await official.PostAsJsonAsync("/api/v1/exports", ExportCity.Body("ideas", "csv", "project", k.C.P1))
        ).AssertFieldErrorsAsync("scopeId");
    }

    [Fact]
    public async Task Pseudonyms_are_steady_within_a_file_and_differ_between_files()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();

        var first = await k.ExportAsync(head, ExportCity.Body("votes", "csv", "project", k.C.P1));
        var second = await k.ExportAsync(head, ExportCity.Body("votes", "csv", "project", k.C.P1));

        AssertTable(Expected("votes", k), first);
        AssertTable(Expected("votes", k), second);
        Assert.Empty(first.Skip(1).Select(r => r[5]).Intersect(second.Skip(1).Select(r => r[5])));
        // Nothing in them leads to a person.
        var ids = await Api.ScalarAsync<string>("SELECT string_agg(id::text || email, ',') FROM users");
        Assert.DoesNotContain(first.Skip(1).Select(r => r[5]), p => ids.Contains(p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_quoted_in_CSV_and_plain_text_in_XLSX()
    {
        var k = await ExportCity.CreateAsync(Api);
        await Api.ScalarAsync<int>(
            "UPDATE comments SET body = '=HYPERLINK(\"http://x\")' WHERE id = @Comment1 RETURNING 1; ",
            new { k.Comment1 }
        );
        var head = await k.HeadAsync();

        var csv = await k.ExportAsync(head, ExportCity.Body("comments", "csv", "project", k.C.P1));
        var xlsx = await k.ExportAsync(head, ExportCity.Body("comments", "xlsx", "project", k.C.P1));

        Assert.Equal("'=HYPERLINK(\"http://x\")", csv[1][8]);
        Assert.Equal("=HYPERLINK(\"http://x\")", xlsx[1][8]);
    }
}
