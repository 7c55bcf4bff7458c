using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Events;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.AuditLog;

/// <summary>The audit log reads the audited events: names in the reader's language, what changed, filters, visibility.</summary>
public sealed class AuditLogTests(ApiFactory api) : ApiTest(api)
{
    private EventRecorder Events => Api.Services.GetRequiredService<EventRecorder>();

    /// <summary>Two departments (the first translated), a project in the first with a phase and an idea, its head and an admin.</summary>
    private sealed record Town(TestUser Admin, TestUser Head1, Guid D1, Guid D2, Guid Project, Guid Phase, Guid Idea);

    private async Task<Town> TownAsync()
    {
        var admin = await Api.CreateUserAsync(role: "admin", firstName: "Ada", lastName: "Admin");
        var head = await Api.CreateUserAsync(firstName: "Hugo", lastName: "Chef");
        var (d1, d2, project, phase, idea) = (
            Guid.CreateVersion7(),
            Guid.CreateVersion7(),
            Guid.CreateVersion7(),
            Guid.CreateVersion7(),
            Guid.CreateVersion7()
        );
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO departments (id, name) VALUES (@D1, '{"fr": "Espaces verts", "nl": "Groendienst"}'), (@D2, '{"fr": "Culture"}');
            INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, department_id)
            VALUES (gen_random_uuid(), @Head, 'department_head', 'department', @D1, @D1);
            INSERT INTO projects (id, department_id, title) VALUES (@Project, @D1, '{"fr": "Parc du centre", "nl": "Stadspark"}');
            INSERT INTO phases (id, project_id, title, starts_at, method)
            VALUES (@Phase, @Project, '{"fr": "Idées", "nl": "Ideeën"}', now(), 'ideation');
            INSERT INTO ideas (id, project_id, phase_id, author_id, title, body)
            VALUES (@Idea, @Project, @Phase, @Head, 'Des bancs à l''ombre', 'Texte');
            """,
            new
            {
                D1 = d1,
                D2 = d2,
                Head = head.Id,
                Project = project,
                Phase = phase,
                Idea = idea,
            }
        );
        return new Town(admin, head, d1, d2, project, phase, idea);
    }

    private async Task RecordAsync(
        EventType type,
        Actor actor,
        object subject,
        Scope scope,
        object? before = null,
        object? after = null,
        object? data = null
    )
    {
        await using var connection = await Api.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await Events.RecordAsync(tx, type, actor, subject, scope, before, after, data);
        await tx.CommitAsync();
    }

    private async Task<HttpClient> As(TestUser user, string? language = null)
    {
        var client = Api.ClientFor(user.Id, await Api.ScalarAsync<int>("SELECT role_version FROM users WHERE id = @Id", new { user.Id }));
        if (language is not null)
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/audit-log?limit=100" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    private static JsonNode Single(JsonArray items, string action) => items.Single(e => e!["action"]!.GetValue<string>() == action)!;

    [Fact]
    public async Task Entries_name_what_they_are_about_in_the_readers_language_with_french_when_untranslated()
    {
        var town = await TownAsync();
        var admin = Actor.User(town.Admin.Id);
        await RecordAsync(
            EventType.ProjectEdited,
            admin,
            town.Project,
            Scope.Project(town.Project),
            new { summary = "a" },
            new { summary = "b" },
            new { fields = new[] { "summary" } }
        );
        await RecordAsync(
            EventType.PhaseChanged,
            admin,
            town.Project,
            Scope.Phase(town.Phase, town.Project),
            data: new { phaseId = town.Phase }
        );
        await RecordAsync(
            EventType.IdeaStatusChanged,
            admin,
            town.Idea,
            Scope.Project(town.Project),
            new { status = "proposed" },
            new { status = "accepted" }
        );
        await RecordAsync(EventType.RoleGranted, admin, town.Head1.Id, Scope.Department(town.D1), data: new { role = "department_head" });
        await RecordAsync(
            EventType.DepartmentRenamed,
            admin,
            town.D2,
            Scope.Department(town.D2),
            new { name = new { fr = "Culture et loisirs" } },
            new { name = new { fr = "Culture" } }
        );

        var nl = await ItemsAsync(await As(town.Admin, "nl"));
        var fr = await ItemsAsync(await As(town.Admin));

        var edited = Single(nl, "project.edited");
        Assert.Equal("Stadspark", edited["targetName"]!.GetValue<string>());
        Assert.Equal("Stadspark", edited["project"]!["title"]!.GetValue<string>());
        Assert.Equal(town.Project, edited["project"]!["id"]!.GetValue<Guid>());
        Assert.Equal("Groendienst", edited["department"]!["name"]!.GetValue<string>());
        Assert.Equal("user", edited["actorType"]!.GetValue<string>());
        Assert.Equal("Ada", edited["actor"]!["firstName"]!.GetValue<string>());
        Assert.Equal("Ideeën", Single(nl, "phase.changed")["phase"]!["title"]!.GetValue<string>());
        Assert.Equal("Idées", Single(fr, "phase.changed")["phase"]!["title"]!.GetValue<string>());
        Assert.Equal("Parc du centre", Single(fr, "project.edited")["targetName"]!.GetValue<string>());
        Assert.Equal("Des bancs à l'ombre", Single(nl, "idea.status_changed")["targetName"]!.GetValue<string>());
        Assert.Equal("Stadspark", Single(nl, "idea.status_changed")["project"]!["title"]!.GetValue<string>());
        Assert.Equal("Hugo Chef", Single(nl, "role.granted")["targetName"]!.GetValue<string>());
        Assert.Equal("Groendienst", Single(nl, "role.granted")["department"]!["name"]!.GetValue<string>());
        var renamed = Single(nl, "department.renamed"); // no Dutch name: French
        Assert.Equal("Culture", renamed["targetName"]!.GetValue<string>());
        Assert.Equal("Culture", renamed["department"]!["name"]!.GetValue<string>());
        Assert.Null(renamed["project"]);
    }

    [Fact]
    public async Task A_deleted_object_keeps_the_name_its_events_held()
    {
        var town = await TownAsync();
        var gone = Guid.CreateVersion7();
        var removedPhase = Guid.CreateVersion7();
        // A department created (the migrated audit rows hold the name in data only), then deleted (the name in before).
        await RecordAsync(
            EventType.DepartmentCreated,
            Actor.User(town.Admin.Id),
            gone,
            Scope.Platform,
            data: new { name = new { fr = "Sports", nl = "Sport" } }
        );
        await RecordAsync(
            EventType.DepartmentDeleted,
            Actor.User(town.Admin.Id),
            gone,
            Scope.Department(gone),
            before: new { name = new { fr = "Sports", nl = "Sport" } }
        );
        await RecordAsync(
            EventType.PhaseRemoved,
            Actor.User(town.Admin.Id),
            town.Project,
            Scope.Phase(removedPhase, town.Project),
            before: new { title = new { fr = "Vote", nl = "Stemming" }, method = "voting" },
            data: new { phaseId = removedPhase, method = "voting" }
        );

        var items = await ItemsAsync(await As(town.Admin, "nl"));

        Assert.Equal("Sport", Single(items, "department.created")["targetName"]!.GetValue<string>());
        var deleted = Single(items, "department.deleted");
        Assert.Equal("Sport", deleted["targetName"]!.GetValue<string>());
        Assert.Equal("Sport", deleted["department"]!["name"]!.GetValue<string>());
        var removed = Single(items, "phase.removed");
        Assert.Equal("Stemming", removed["phase"]!["title"]!.GetValue<string>());
        Assert.Equal("Stadspark", removed["targetName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_entry_returns_what_changed_before_and_after_and_the_system_as_actor()
    {
        var town = await TownAsync();
        await RecordAsync(
            EventType.ProjectStatusChanged,
            Actor.User(town.Admin.Id),
            town.Project,
            Scope.Project(town.Project),
            new { status = "draft" },
            new { status = "published" },
            new { before = "draft", after = "published" }
        );
        await RecordAsync(
            EventType.RoleGranted,
            Actor.System,
            town.Admin.Id,
            Scope.Platform,
            before: null,
            after: new { role = "admin", scopeType = "platform" }
        );

        var items = await ItemsAsync(await As(town.Admin));

        var status = Single(items, "project.status_changed");
        Assert.Equal("draft", status["before"]!["status"]!.GetValue<string>());
        Assert.Equal("published", status["after"]!["status"]!.GetValue<string>());
        Assert.Equal("published", status["data"]!["after"]!.GetValue<string>());
        var granted = Single(items, "role.granted");
        Assert.Null(granted["before"]);
        Assert.Equal("admin", granted["after"]!["role"]!.GetValue<string>());
        Assert.Equal("system", granted["actorType"]!.GetValue<string>());
        Assert.Null(granted["actor"]);
        Assert.Null(granted["department"]);
    }

    [Fact]
    public async Task The_log_lists_the_types_it_can_show_for_a_filter_the_audited_part_of_the_catalogue()
    {
        var town = await TownAsync();

        var types = (await (await (await As(town.Admin)).GetAsync("/api/v1/audit-log?limit=1")).ReadJsonAsync())["types"]!
            .AsArray()
            .Select(t => t!.GetValue<string>())
            .ToList();

        Assert.Contains("project.status_changed", types);
        Assert.Contains("role.granted", types);
        Assert.DoesNotContain("comment.posted", types);
        Assert.DoesNotContain("vote.cast", types);
        Assert.Equal(EventCatalogue.All.Count(t => EventCatalogue.Of(t).Audited), types.Count);
    }

    [Fact]
    public async Task Entries_filter_by_types_actor_and_period()
    {
        var town = await TownAsync();
        var other = await Api.CreateUserAsync(role: "admin", firstName: "Otto");
        await RecordAsync(EventType.ProjectCreated, Actor.User(town.Admin.Id), town.Project, Scope.Project(town.Project));
        await RecordAsync(EventType.ProjectEdited, Actor.User(other.Id), town.Project, Scope.Project(town.Project));
        await RecordAsync(
            EventType.IdeaCostSet,
            Actor.User(other.Id),
            town.Idea,
            Scope.Project(town.Project),
            new { cost = (decimal?)null },
            new { cost = 10m }
        );
        await RecordAsync(EventType.IdeaFollowed, Actor.User(town.Head1.Id), town.Idea, Scope.Project(town.Project)); // not audited
        await RecordAsync(EventType.DepartmentRenamed, Actor.User(town.Admin.Id), town.D2, Scope.Department(town.D2));
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                """
                UPDATE events SET occurred_at = CASE type WHEN 'project.created' THEN timestamptz '2025-03-01 10:00+01'
                                                          WHEN 'project.edited' THEN timestamptz '2025-03-02 00:00+01'
                                                          ELSE timestamptz '2025-03-05 12:00+01' END
                """
            );
        var client = await As(town.Admin);
        static string[] Actions(JsonArray items) => items.Select(e => e!["action"]!.GetValue<string>()).Order().ToArray();

        Assert.Equal(["idea.cost_set", "project.edited"], Actions(await ItemsAsync(client, "&types=project.edited&types=idea.cost_set")));
        Assert.Equal(
            ["department.renamed", "project.created"],
            Actions(await ItemsAsync(client, "&types=project.created,department.renamed"))
        );
        Assert.Empty(await ItemsAsync(client, "&types=idea.followed"));
        Assert.Equal(["idea.cost_set", "project.edited"], Actions(await ItemsAsync(client, $"&actor={other.Id}")));
        Assert.Equal(["idea.cost_set"], Actions(await ItemsAsync(client, $"&actor={other.Id}&types=idea.cost_set,idea.kept")));
        // from is included, to excluded: the day of 1 March (Brussels time) holds the creation only.
        Assert.Equal(
            ["project.created"],
            Actions(await ItemsAsync(client, "&from=2025-03-01T00:00:00%2B01:00&to=2025-03-02T00:00:00%2B01:00"))
        );
        Assert.Equal(
            ["department.renamed", "idea.cost_set", "project.edited"],
            Actions(await ItemsAsync(client, "&from=2025-03-02T00:00:00%2B01:00"))
        );
        Assert.Equal(["project.created"], Actions(await ItemsAsync(client, "&to=2025-03-01T23:00:00Z")));
        Assert.Equal(
            ["project.edited"],
            Actions(await ItemsAsync(client, "&action=project.&from=2025-03-01T23:00:00Z&targetType=project"))
        );
    }

    [Fact]
    public async Task A_department_head_reads_only_the_entries_of_their_departments()
    {
        var town = await TownAsync();
        var culture = Guid.CreateVersion7();
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                """INSERT INTO projects (id, department_id, title) VALUES (@Id, @D2, '{"fr": "Musée"}')""",
                new { Id = culture, town.D2 }
            );
        await RecordAsync(EventType.ProjectEdited, Actor.User(town.Admin.Id), town.Project, Scope.Project(town.Project));
        await RecordAsync(EventType.ProjectEdited, Actor.User(town.Admin.Id), culture, Scope.Project(culture));
        await RecordAsync(EventType.DepartmentRenamed, Actor.User(town.Admin.Id), town.D2, Scope.Department(town.D2));
        await RecordAsync(EventType.OrganisationVerified, Actor.User(town.Admin.Id), Guid.NewGuid(), Scope.Platform);

        var head = await ItemsAsync(await As(town.Head1));
        var admin = await ItemsAsync(await As(town.Admin));

        var only = Assert.Single(head);
        Assert.Equal(town.Project.ToString(), only!["targetId"]!.GetValue<string>());
        Assert.Equal(4, admin.Count);
        Assert.Empty(await ItemsAsync(await As(town.Head1), $"&targetId={culture}"));
        var resident = await Api.CreateUserAsync();
        await (await Api.ClientFor(resident.Id).GetAsync("/api/v1/audit-log?types=project.edited")).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await Api.CreateClient().GetAsync("/api/v1/audit-log")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("types=project.nope", "types")]
    [InlineData("types=ProjectCreated", "types")]
    [InlineData("types=project.created&types=%27;DROP%20TABLE%20events;--", "types")]
    [InlineData("types=project.created,,0", "types")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2025-13-01", "to")]
    [InlineData("from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", "to")]
    [InlineData("from=2025-03-01T00:00:00Z&to=2025-03-01T00:00:00Z", "to")]
    [InlineData("targetType=planet", "targetType")]
    [InlineData("actor=nobody", "actor")]
    public async Task A_bad_filter_is_a_400_naming_it_and_nothing_else_happens(string query, string field)
    {
        var town = await TownAsync();
        await RecordAsync(EventType.ProjectEdited, Actor.User(town.Admin.Id), town.Project, Scope.Project(town.Project));
        var nl = await As(town.Admin, "nl");

        var response = await nl.GetAsync("/api/v1/audit-log?" + query);

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(1, await Api.CountAsync("events"));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM departments WHERE id = @D1", new { town.D1 }));
    }

    [Fact]
    public async Task Pages_follow_each_other_newest_first_without_gaps_or_repeats()
    {
        var town = await TownAsync();
        await using (var connection = await Api.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < 25; i++)
                await Events.RecordAsync(
                    tx,
                    EventType.ProjectEdited,
                    Actor.User(town.Admin.Id),
                    town.Project,
                    Scope.Project(town.Project),
                    data: new { n = i }
                );
            await tx.CommitAsync();
        }
        var client = await As(town.Admin);
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (
                await client.GetAsync($"/api/v1/audit-log?types=project.edited&limit=10{(cursor is null ? "" : "&cursor=" + cursor)}")
            ).ReadJsonAsync();
            seen.AddRange(page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal(seen.OrderDescending(), seen);
    }

    [Fact]
    public async Task The_contract_declares_types_as_a_list_of_the_event_catalogue()
    {
        var contract = await (await Api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var get = contract["paths"]!["/api/v1/audit-log"]!["get"]!;
        var types = get["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "types")!;

        Assert.Equal("array", types["schema"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/EventType", types["schema"]!["items"]!["$ref"]!.GetValue<string>());
        var entry = contract["components"]!["schemas"]!["ListAuditLogEntry"]!["properties"]!;
        Assert.Equal(
            "#/components/schemas/ActorType",
            entry["actorType"]!["$ref"]?.GetValue<string>() ?? entry["actorType"]!["allOf"]![0]!["$ref"]!.GetValue<string>()
        );
        Assert.Equal(Enum.GetValues<EventType>().Length, contract["components"]!["schemas"]!["EventType"]!["enum"]!.AsArray().Count);
    }
}
