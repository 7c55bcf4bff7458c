using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Ideas;

public sealed class IdeasTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("votesCount", "999")]
    [InlineData("status", "\"accepted\"")]
    [InlineData("authorId", "\"00000000-0000-0000-0000-000000000001\"")]
    public async Task Fields_the_caller_may_not_set_on_an_idea_are_refused_by_name_and_nothing_is_written(string field, string value)
    {
        var c = await IdeaCity.CreateAsync(Api);

        var response = await c.A.PostAsync(
            $"/api/v1/projects/{c.P1}/ideas",
            Http.Json(
                $$"""
                {"title":"Des bancs au parc","body":"<p>Des bancs</p>","{{field}}":{{value}}}
                """
            )
        );

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(0, await Api.CountAsync("ideas"));
    }

    [Fact]
    public async Task A_resident_posts_an_idea_and_everyone_reads_it_with_its_sanitised_body()
    {
        var c = await IdeaCity.CreateAsync(Api);

        var response = await c.A.PostJsonAsync(
            $"/api/v1/projects/{c.P1}/ideas",
            new
            {
                title = "  <svg onload=alert(1)> des bancs 🌳 ",
                body = "<p>Des bancs</p><script>alert(1)</script><a href=\"javascript:alert(1)\">lien</a><img src=x onerror=alert(1)>",
                topics = new[] { "Mobilier", "mobilier", " Parc " },
                latitude = 50.85,
                longitude = 4.35,
                locationLabel = "Étang",
            }
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var idea = await response.ReadJsonAsync();
        var id = idea["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/ideas/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("<svg onload=alert(1)> des bancs 🌳", idea["title"]!.GetValue<string>());
        Assert.Contains("\\u003Csvg", await (await Api.CreateClient().GetAsync($"/api/v1/ideas/{id}")).Content.ReadAsStringAsync());
        var body = idea["body"]!.GetValue<string>();
        Assert.Contains("<p>Des bancs</p>", body);
        Assert.DoesNotContain("script", body);
        Assert.DoesNotContain("javascript:", body);
        Assert.DoesNotContain("onerror", body);
        Assert.Equal(new[] { "mobilier", "parc" }, idea["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("proposed", idea["status"]!.GetValue<string>());
        Assert.Equal(0, idea["likes"]!.GetValue<int>());
        Assert.Equal("Alice Martin", idea["author"]!["name"]!.GetValue<string>());
        Assert.Equal(c.ResidentA.Id, idea["author"]!["userId"]!.GetValue<Guid>());
        Assert.True(idea["isMine"]!.GetValue<bool>());
        Assert.Equal(50.85, idea["location"]!["latitude"]!.GetValue<double>());
        Assert.Equal("allowed", IdeaCity.Reason(idea, "edit"));
        Assert.Single(idea["history"]!.AsArray());

        var anonymous = await c.GetIdeaAsync(Api.CreateClient(), id);
        Assert.False(anonymous["isMine"]!.GetValue<bool>());
        Assert.Equal("not_signed_in", IdeaCity.Reason(anonymous, "react"));
        Assert.Equal("not_signed_in", IdeaCity.Reason(anonymous, "edit"));
        Assert.Equal("not_author", IdeaCity.Reason(await c.GetIdeaAsync(c.B, id), "edit"));
        Assert.DoesNotContain(
            c.ResidentA.Email,
            (await (await Api.CreateClient().GetAsync($"/api/v1/ideas/{id}")).Content.ReadAsStringAsync())
        );
    }

    [Fact]
    public async Task Invalid_ideas_are_refused_field_by_field_and_nothing_is_written()
    {
        var c = await IdeaCity.CreateAsync(Api);

        await (await c.A.PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", new { title = "ab", body = "<p>x</p>" })).AssertFieldErrorsAsync(
            "title"
        );
        await (await c.A.PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", new { title = "Un titre", body = "" })).AssertFieldErrorsAsync(
            "body"
        );
        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                new { title = "Un titre", body = "<img src=x onerror=alert(1)><iframe></iframe>" }
            )
        ).AssertFieldErrorsAsync("body");
        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                new
                {
                    title = "Un titre",
                    body = "x",
                    latitude = 91,
                    longitude = 4,
                }
            )
        ).AssertFieldErrorsAsync("latitude");
        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                new
                {
                    title = "Un titre",
                    body = "x",
                    latitude = 50,
                }
            )
        ).AssertFieldErrorsAsync("latitude");
        await (
            await c.A.PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", new { title = "Un\u202Etitre", body = "x" })
        ).AssertFieldErrorsAsync("title");
        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                new
                {
                    title = "Un titre",
                    body = "x",
                    organisationId = Guid.NewGuid(),
                }
            )
        ).AssertFieldErrorsAsync("organisationId");
        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                new
                {
                    title = "Un titre",
                    body = "x",
                    topics = Enumerable.Range(0, 11).Select(i => $"t{i}"),
                }
            )
        ).AssertFieldErrorsAsync("topics");

        Assert.Equal(0, await Api.CountAsync("ideas"));
        Assert.Equal(0, await Api.CountAsync("phase_participants"));
    }

    [Fact]
    public async Task A_phase_that_asks_for_a_location_refuses_an_idea_without_one()
    {
        var c = await IdeaCity.CreateAsync(Api, new { map = true });

        await (await c.A.PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", IdeaCity.Idea())).AssertFieldErrorsAsync("latitude");
        var id = await c.IdeaAsync(
            c.A,
            body: new
            {
                title = "Un banc ici",
                body = "x",
                latitude = 50.8,
                longitude = 4.3,
            }
        );
        Assert.Equal(50.8, (await c.GetIdeaAsync(c.A, id))["location"]!["latitude"]!.GetValue<double>());
    }

    [Fact]
    public async Task Residents_post_for_a_verified_organisation_they_belong_to_only()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var org = await (
            await c.A.PostJsonAsync("/api/v1/organisations", new { name = "Comité de quartier", description = "Nous" })
        ).ReadJsonAsync();
        var orgId = org["id"]!.GetValue<Guid>();

        // pending: refused
        await (
            await c.A.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                new
                {
                    title = "Un titre",
                    body = "x",
                    organisationId = orgId,
                }
            )
        ).AssertFieldErrorsAsync("organisationId");
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/organisations/{orgId}/review", new { decision = "verify" })).StatusCode
        );
        await (
            await c.B.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/ideas",
                new
                {
                    title = "Un titre",
                    body = "x",
                    organisationId = orgId,
                }
            )
        ).AssertFieldErrorsAsync("organisationId");

        var id = await c.IdeaAsync(
            c.A,
            body: new
            {
                title = "Au nom du comité",
                body = "x",
                organisationId = orgId,
            }
        );
        var idea = await c.GetIdeaAsync(Api.CreateClient(), id);
        Assert.Equal("organisation", idea["author"]!["kind"]!.GetValue<string>());
        Assert.Equal("Comité de quartier", idea["author"]!["name"]!.GetValue<string>());
        Assert.Null(idea["author"]!["userId"]);
        Assert.True((await c.GetIdeaAsync(c.A, id))["isMine"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Posting_is_refused_with_the_reason_when_the_phase_is_not_open_or_the_project_archived()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var now = DateTimeOffset.UtcNow;
        var closed = await c.City.ProjectAsync(c.Admin, c.City.D1, "Projet clos", "published");
        await IdeaCity.PhaseAsync(c.Admin, closed, "ideation", now.AddDays(-10), now.AddDays(-1), null);
        var voting = await c.City.ProjectAsync(c.Admin, c.City.D1, "Projet au vote", "published");
        await IdeaCity.PhaseAsync(c.Admin, voting, "voting", now.AddDays(-1), now.AddDays(5), null);

        var refused = await (await c.A.PostJsonAsync($"/api/v1/projects/{closed}/ideas", IdeaCity.Idea())).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        Assert.Equal("phase_not_active", refused["reason"]!.GetValue<string>());
        Assert.Equal(
            "phase_not_active",
            (
                await (await c.A.PostJsonAsync($"/api/v1/projects/{voting}/ideas", IdeaCity.Idea())).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );

        var idea = await c.IdeaAsync(c.A);
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/projects/{c.P1}/status", new { status = "archived" })).StatusCode
        );
        Assert.Equal(
            "project_archived",
            (
                await (await c.A.PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", IdeaCity.Idea())).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal(
            "project_archived",
            (
                await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" })).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal(
            "project_archived",
            (
                await (await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "Trop tard ?" })).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal(
            "project_archived",
            (
                await (await c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}", IdeaCity.Idea("Nouveau titre"))).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal("project_archived", IdeaCity.Reason(await c.GetIdeaAsync(c.B, idea), "react"));
        Assert.Equal(1, await Api.CountAsync("ideas"));
    }

    [Fact]
    public async Task Unconfirmed_and_blocked_residents_get_their_reason()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var unconfirmed = await Api.CreateUserAsync(confirmed: false);
        var blocked = await c.ResidentAsync("Bloqué");
        Assert.True(
            (
                await c.Admin.PutAsJsonAsync(
                    $"/api/v1/users/{blocked.Id}/block",
                    new { reason = "Spam", until = DateTimeOffset.UtcNow.AddDays(3) }
                )
            ).IsSuccessStatusCode
        );

        Assert.Equal(
            "email_not_confirmed",
            (
                await (
                    await Api.ClientFor(unconfirmed.Id).PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", IdeaCity.Idea())
                ).AssertProblemAsync(HttpStatusCode.Forbidden)
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal(
            "blocked",
            (
                await (await Api.ClientFor(blocked.Id).PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", IdeaCity.Idea())).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal(0, await Api.CountAsync("ideas"));
    }

    [Fact]
    public async Task The_ideas_per_person_limit_holds_under_parallel_posts()
    {
        var c = await IdeaCity.CreateAsync(Api, new { ideasPerUser = 3 });

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 12).Select(i => c.A.PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", IdeaCity.Idea($"Idée numéro {i}")))
        );

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("limit_reached", (await refused.AssertProblemAsync(HttpStatusCode.Forbidden))["reason"]!.GetValue<string>());
        Assert.Equal(3, await Api.ScalarAsync<long>("SELECT count(*) FROM ideas WHERE author_id = @Id", new { c.ResidentA.Id }));
        var actions = await (await c.A.GetAsync($"/api/v1/projects/{c.P1}/actions")).ReadJsonAsync();
        Assert.Equal(
            "limit_reached",
            actions["actions"]!.AsArray().Single(a => a!["action"]!.GetValue<string>() == "post_idea")!["reason"]!.GetValue<string>()
        );
        await c.IdeaAsync(c.B);
    }

    [Fact]
    public async Task The_author_edits_and_withdraws_while_the_city_has_not_taken_the_idea_up_and_others_cannot()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await c.IdeaAsync(c.A);

        Assert.Equal(HttpStatusCode.Forbidden, (await c.B.PutAsJsonAsync($"/api/v1/ideas/{id}", IdeaCity.Idea("Pris par B"))).StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{id}", IdeaCity.Idea("Pris par le modérateur"))).StatusCode
        );
        Assert.Equal(HttpStatusCode.Forbidden, (await c.B.PostAsync($"/api/v1/ideas/{id}/withdraw", null)).StatusCode);

        var edited = await c.A.PutAsJsonAsync(
            $"/api/v1/ideas/{id}",
            new
            {
                title = "Des bancs et des tables",
                body = "<p>Aussi des tables</p>",
                topics = new[] { "mobilier" },
            }
        );
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var json = await edited.ReadJsonAsync();
        Assert.Equal("Des bancs et des tables", json["title"]!.GetValue<string>());
        Assert.NotNull(json["editedAt"]);

        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/status", new { status = "under_consideration" })).StatusCode
        );
        await (await c.A.PutAsJsonAsync($"/api/v1/ideas/{id}", IdeaCity.Idea("Trop tard"))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("idea_locked", IdeaCity.Reason(await c.GetIdeaAsync(c.A, id), "edit"));
        await (await c.A.PostAsync($"/api/v1/ideas/{id}/withdraw", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        var other = await c.IdeaAsync(c.A, title: "Une autre idée");
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PostAsync($"/api/v1/ideas/{other}/withdraw", null)).StatusCode);
        Assert.Equal("withdrawn", (await c.GetIdeaAsync(c.A, other))["visibility"]!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.GetAsync($"/api/v1/ideas/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Mod1.GetAsync($"/api/v1/ideas/{other}")).StatusCode);
        var list = await (await Api.CreateClient().GetAsync($"/api/v1/projects/{c.P1}/ideas")).ReadJsonAsync();
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == other);
    }

    [Fact]
    public async Task Moderators_of_the_project_change_statuses_with_feedback_signed_by_a_service_and_the_history_keeps_every_step()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await c.IdeaAsync(c.A);

        await (await c.Mod2.PostJsonAsync($"/api/v1/ideas/{id}/status", new { status = "accepted" })).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await c.B.PostJsonAsync($"/api/v1/ideas/{id}/status", new { status = "accepted" })).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (
            await (await Projects.City.As(Api, c.City.Head2)).PostJsonAsync($"/api/v1/ideas/{id}/status", new { status = "accepted" })
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/status", new { status = "adopted" })).AssertFieldErrorsAsync("status");
        await (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/status", new { })).AssertFieldErrorsAsync("status");
        // 5,000 characters as typed, but longer once its ampersands are escaped for storage: refused, not a failed write.
        var ampersands = string.Concat(Enumerable.Repeat("Rue & place ", 416)) + "Fin.";
        Assert.True(ampersands.Length <= 5000);
        await (
            await c.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/status", new { status = "accepted", feedback = ampersands })
        ).AssertFieldErrorsAsync("feedback");
        await (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/status", new { status = "proposed" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );

        var accepted = await c.Mod1.PostJsonAsync(
            $"/api/v1/ideas/{id}/status",
            new { status = "accepted", feedback = "Nous installerons 4 bancs au printemps." }
        );
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var feedbackOnly = await (await Projects.City.As(Api, c.City.Head1)).PostJsonAsync(
            $"/api/v1/ideas/{id}/status",
            new { feedback = "Les bancs sont commandés.", signedAs = "Service Mobilier urbain" }
        );
        Assert.Equal(HttpStatusCode.OK, feedbackOnly.StatusCode);

        var idea = await c.GetIdeaAsync(Api.CreateClient(), id);
        Assert.Equal("accepted", idea["status"]!.GetValue<string>());
        var history = idea["history"]!.AsArray();
        Assert.Equal(3, history.Count);
        Assert.Equal("proposed", history[1]!["fromStatus"]!.GetValue<string>());
        Assert.Equal("accepted", history[1]!["toStatus"]!.GetValue<string>());
        Assert.Equal("Espaces verts", history[1]!["signedAs"]!.GetValue<string>());
        Assert.Equal("Service Mobilier urbain", history[2]!["signedAs"]!.GetValue<string>());
        Assert.DoesNotContain("Modé", idea.ToJsonString());
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'idea.status_changed'"));
        Assert.Equal(
            2,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM notifications WHERE user_id = @Id AND category = 'idea_status_mine'",
                new { c.ResidentA.Id }
            )
        );
    }

    [Fact]
    public async Task Pre_moderated_ideas_are_public_only_once_approved()
    {
        var c = await IdeaCity.CreateAsync(Api, new { preModeration = true });
        var id = await c.IdeaAsync(c.A);

        Assert.Equal("prescreening", (await c.GetIdeaAsync(c.A, id))["visibility"]!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.GetAsync($"/api/v1/ideas/{id}")).StatusCode);
        Assert.Empty((await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas")).ReadJsonAsync())["items"]!.AsArray());
        await (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/status", new { status = "accepted" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/review", new { decision = "approve" })).StatusCode
        );
        Assert.Single((await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas")).ReadJsonAsync())["items"]!.AsArray());
        await (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/review", new { decision = "approve" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );

        var other = await c.IdeaAsync(c.A, title: "Une idée hors sujet");
        await (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{other}/review", new { decision = "reject" })).AssertFieldErrorsAsync("reason");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await c.Mod1.PostJsonAsync(
                    $"/api/v1/ideas/{other}/review",
                    new { decision = "reject", reason = "Hors du périmètre du projet." }
                )
            ).StatusCode
        );
        var rejected = await c.GetIdeaAsync(c.A, other);
        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        Assert.Equal("hidden", rejected["visibility"]!["state"]!.GetValue<string>());
        Assert.Equal("Hors du périmètre du projet.", rejected["visibility"]!["hiddenReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.GetAsync($"/api/v1/ideas/{other}")).StatusCode);
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action IN ('idea.approved', 'idea.rejected')"));
        // the project's moderator heard of both new ideas
        Assert.Equal(
            2,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM notifications WHERE user_id = @Id AND category = 'new_idea_to_moderate'",
                new { c.Moderator1.Id }
            )
        );
    }

    [Fact]
    public async Task Ideas_of_a_draft_project_exist_only_for_its_staff()
    {
        var c = await IdeaCity.CreateAsync(Api, p1Status: "draft");
        var staffIdea = await c.IdeaAsync(c.Mod1);

        Assert.Equal(HttpStatusCode.NotFound, (await c.A.GetAsync($"/api/v1/projects/{c.P1}/ideas")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.A.GetAsync($"/api/v1/ideas/{staffIdea}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.A.PostJsonAsync($"/api/v1/projects/{c.P1}/ideas", IdeaCity.Idea())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/ideas")).StatusCode);
    }

    [Fact]
    public async Task Following_is_idempotent_and_only_for_public_ideas()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await c.IdeaAsync(c.A);

        Assert.Equal(HttpStatusCode.NoContent, (await c.B.PutAsync($"/api/v1/ideas/{id}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.PutAsync($"/api/v1/ideas/{id}/follow", null)).StatusCode);
        Assert.True((await c.GetIdeaAsync(c.B, id))["following"]!.GetValue<bool>());
        Assert.Equal(1, await Api.CountAsync("idea_follows"));
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.DeleteAsync($"/api/v1/ideas/{id}/follow")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.DeleteAsync($"/api/v1/ideas/{id}/follow")).StatusCode);
        Assert.Equal(0, await Api.CountAsync("idea_follows"));
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.PutAsync($"/api/v1/ideas/{Guid.NewGuid()}/follow", null)).StatusCode);
    }

    [Fact]
    public async Task Posting_an_idea_again_with_the_same_idempotency_key_returns_the_first_idea_without_a_second_one()
    {
        var c = await IdeaCity.CreateAsync(Api);
        HttpRequestMessage Post(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{c.P1}/ideas") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "8f1c2e9a-retry");
            return request;
        }

        var first = await c.A.SendAsync(Post(IdeaCity.Idea()));
        var retried = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => c.A.SendAsync(Post(IdeaCity.Idea()))));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.ReadJsonAsync())["id"]!.GetValue<Guid>();
        foreach (var again in retried)
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal(first.Headers.Location, again.Headers.Location);
            Assert.Equal(id, (await again.ReadJsonAsync())["id"]!.GetValue<Guid>());
        }
        Assert.Equal(1, await Api.CountAsync("ideas"));
        await (await c.A.SendAsync(Post(IdeaCity.Idea("Une autre idée")))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await Api.CountAsync("ideas"));
        // An empty header (what a generated client sends when the key is left out) is no key at all.
        var empty = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{c.P1}/ideas")
        {
            Content = JsonContent.Create(IdeaCity.Idea("Sans clé")),
        };
        empty.Headers.TryAddWithoutValidation("Idempotency-Key", "");
        Assert.Equal(HttpStatusCode.Created, (await c.A.SendAsync(empty)).StatusCode);
    }
}
