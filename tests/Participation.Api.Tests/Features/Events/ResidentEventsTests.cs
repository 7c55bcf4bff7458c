using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Features.Surveys;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Events;

/// <summary>
/// Residents' participation facts: each change records one event (the person, the subject, the project, phase and
/// department, what changed), in the change's transaction; a repeat that changes nothing and a refused request record
/// nothing; no event carries an e-mail address, a password, a token or a free-text answer.
/// </summary>
public sealed class ResidentEventsTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>Every event's text whose type starts with the prefix (to look for what must never be there).</summary>
    private Task<string> TextOfAsync(string prefix) =>
        Api.ScalarAsync<string>(
            """
            SELECT coalesce(string_agg(concat_ws(' ', subject_id, before::text, after::text, data::text), ' '), '')
              FROM events WHERE type LIKE @prefix || '%'
            """,
            new { prefix }
        );

    private static void AssertEvent(
        RecordedEvents.Row e,
        string type,
        Guid? actor,
        string subjectType,
        object subject,
        Guid? project,
        Guid? phase,
        Guid? department,
        object? before,
        object? after
    )
    {
        Assert.Equal(type, e.Type);
        Assert.Equal(actor is null ? "visitor" : "user", e.ActorType);
        Assert.Equal(actor, e.ActorId);
        Assert.Equal(subjectType, e.SubjectType);
        Assert.Equal(subject.ToString(), e.SubjectId);
        Assert.Equal(project, e.ProjectId);
        Assert.Equal(phase, e.PhaseId);
        Assert.Equal(department, e.DepartmentId);
        AssertJson(before, e.Before, "before");
        AssertJson(after, e.After, "after");
        Assert.False(e.Audited); // residents' acts are not in the staff audit log
    }

    private async Task<RecordedEvents.Row> SingleAsync(
        string type,
        Guid? actor,
        string subjectType,
        object subject,
        Guid? project,
        Guid? phase,
        Guid? department,
        object? before,
        object? after
    )
    {
        var e = Assert.Single(await Api.EventsAsync(type));
        AssertEvent(e, type, actor, subjectType, subject, project, phase, department, before, after);
        return e;
    }

    private static void AssertJson(object? expected, string? actual, string what)
    {
        var e = expected is null ? null : JsonSerializer.SerializeToNode(expected, Http.Web);
        var a = actual is null ? null : JsonNode.Parse(actual);
        Assert.True(Same(e, a), $"{what}: expected {e?.ToJsonString() ?? "null"}, got {actual ?? "null"}");
    }

    /// <summary>Deep equality where numbers compare by value (400 = 400.00).</summary>
    private static bool Same(JsonNode? a, JsonNode? b) =>
        (a, b) switch
        {
            (null, null) => true,
            (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && Same(p.Value, v)),
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
            (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number =>
                x.GetValue<decimal>() == y.GetValue<decimal>(),
            (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.String && y.GetValueKind() == JsonValueKind.String =>
                x.GetValue<string>() == y.GetValue<string>(),
            (JsonValue x, JsonValue y) => x.GetValueKind() == y.GetValueKind(),
            _ => false,
        };

    // ---- ideas ----

    [Fact]
    public async Task Editing_following_and_withdrawing_an_idea_record_one_event_each_and_repeats_or_refusals_none()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var url = $"/api/v1/ideas/{idea}";
        var edit = new
        {
            title = "Des bancs et des tables",
            body = "<p>Des bancs <strong>à l'ombre</strong> près de l'étang.</p>",
            topics = new[] { "Mobilier", "parc", "Tables" },
        };

        Assert.Equal(HttpStatusCode.OK, (await c.A.PutAsJsonAsync(url, edit)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.A.PutAsJsonAsync(url, edit)).StatusCode); // the same text again: no new fact
        await (await c.B.PutAsJsonAsync(url, edit with { title = "Volé" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.A.PutAsJsonAsync(url, new { title = "", body = "x" })).AssertFieldErrorsAsync("title");
        await SingleAsync(
            "idea.edited",
            c.ResidentA.Id,
            "idea",
            idea,
            c.P1,
            c.Phase1,
            c.City.D1,
            new { title = "Plus de bancs au parc", topics = new[] { "mobilier", "parc" } },
            new { title = "Des bancs et des tables", topics = new[] { "mobilier", "parc", "tables" } }
        );

        Assert.Equal(HttpStatusCode.NoContent, (await c.B.PutAsync($"{url}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.PutAsync($"{url}/follow", null)).StatusCode);
        await SingleAsync("idea.followed", c.ResidentB.Id, "idea", idea, c.P1, c.Phase1, c.City.D1, null, new { following = true });
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.DeleteAsync($"{url}/follow")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.DeleteAsync($"{url}/follow")).StatusCode);
        await SingleAsync("idea.unfollowed", c.ResidentB.Id, "idea", idea, c.P1, c.Phase1, c.City.D1, new { following = true }, null);

        await (await c.B.PostAsync($"{url}/withdraw", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PostAsync($"{url}/withdraw", null)).StatusCode);
        await (await c.A.PostAsync($"{url}/withdraw", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await SingleAsync(
            "idea.withdrawn",
            c.ResidentA.Id,
            "idea",
            idea,
            c.P1,
            c.Phase1,
            c.City.D1,
            new { withdrawn = false },
            new { withdrawn = true }
        );

        // a withdrawn idea is gone for others
        await (await c.B.PutAsync($"{url}/follow", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await Api.EventsAsync("idea.followed"));
        await (await c.A.PutAsJsonAsync(url, edit with { title = "Trop tard" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await Api.EventsAsync("idea.edited"));
    }

    [Fact]
    public async Task A_reaction_records_its_kind_before_and_after_and_repeating_it_records_nothing()
    {
        var c = await IdeaCity.CreateAsync(Api, new { dislikes = true });
        var idea = await c.IdeaAsync(c.A);
        var withdrawn = await c.IdeaAsync(c.A, title: "Une idée retirée");
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PostAsync($"/api/v1/ideas/{withdrawn}/withdraw", null)).StatusCode);
        var url = $"/api/v1/ideas/{idea}/reaction";

        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsJsonAsync(url, new { kind = "like" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsJsonAsync(url, new { kind = "like" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsJsonAsync(url, new { kind = "dislike" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync(url)).StatusCode);
        await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{withdrawn}/reaction", new { kind = "like" })).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await (await c.A.PutAsJsonAsync($"/api/v1/ideas/{withdrawn}/reaction", new { kind = "like" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        await (await Api.CreateClient().PutAsJsonAsync(url, new { kind = "like" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await c.B.PutAsJsonAsync(url, new { kind = "love" })).AssertFieldErrorsAsync("kind");

        var events = await Api.EventsAsync("idea.reaction_changed");
        Assert.Equal(3, events.Count);
        AssertEvent(
            events[0],
            "idea.reaction_changed",
            c.ResidentB.Id,
            "idea",
            idea,
            c.P1,
            c.Phase1,
            c.City.D1,
            null,
            new { kind = "like" }
        );
        AssertEvent(
            events[1],
            "idea.reaction_changed",
            c.ResidentB.Id,
            "idea",
            idea,
            c.P1,
            c.Phase1,
            c.City.D1,
            new { kind = "like" },
            new { kind = "dislike" }
        );
        AssertEvent(
            events[2],
            "idea.reaction_changed",
            c.ResidentB.Id,
            "idea",
            idea,
            c.P1,
            c.Phase1,
            c.City.D1,
            new { kind = "dislike" },
            null
        );
    }

    [Fact]
    public async Task The_same_follow_and_like_fired_in_parallel_record_one_event_each()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 10)
                .SelectMany(_ =>
                    new[]
                    {
                        c.B.PutAsync($"/api/v1/ideas/{idea}/follow", null),
                        c.B.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" }),
                    }
                )
        );

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Single(await Api.EventsAsync("idea.followed"));
        Assert.Single(await Api.EventsAsync("idea.reaction_changed"));
    }

    // ---- comments and flags ----

    [Fact]
    public async Task Editing_and_deleting_a_comment_record_one_event_each_without_keeping_the_deleted_text()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.B, idea, "Bonne idée !");
        var url = $"/api/v1/comments/{comment}";

        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsJsonAsync(url, new { body = "Très bonne idée !" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsJsonAsync(url, new { body = "Très bonne idée !" })).StatusCode);
        await (await c.A.PutAsJsonAsync(url, new { body = "Pas la mienne" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.B.PutAsJsonAsync(url, new { body = "" })).AssertFieldErrorsAsync("body");
        var edited = await SingleAsync(
            "comment.edited",
            c.ResidentB.Id,
            "comment",
            comment,
            c.P1,
            c.Phase1,
            c.City.D1,
            new { body = "Bonne idée !" },
            new { body = "Très bonne idée !" }
        );
        Assert.Equal(idea, edited.DataJson["ideaId"]!.GetValue<Guid>());

        await (await c.A.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.DeleteAsync(url)).StatusCode);
        await (await c.B.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        var deleted = await SingleAsync(
            "comment.deleted",
            c.ResidentB.Id,
            "comment",
            comment,
            c.P1,
            c.Phase1,
            c.City.D1,
            new { ideaId = idea, parentId = (Guid?)null },
            null
        );
        Assert.False(deleted.DataJson["placeholderKept"]!.GetValue<bool>());
        Assert.DoesNotContain("Très bonne", deleted.Data);
    }

    [Fact]
    public async Task Flagging_records_the_reason_but_not_the_explanation_once_per_person()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.A, idea);

        Assert.Equal(HttpStatusCode.OK, (await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/flags", new { reason = "spam" })).StatusCode);
        await (await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/flags", new { reason = "spam" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await c.A.PostJsonAsync($"/api/v1/ideas/{idea}/flags", new { reason = "spam" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var flagged = await SingleAsync(
            "idea.flagged",
            c.ResidentB.Id,
            "idea",
            idea,
            c.P1,
            c.Phase1,
            c.City.D1,
            null,
            new { reason = "spam" }
        );
        Assert.False(flagged.DataJson["hidden"]!.GetValue<bool>());

        await (await c.B.PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "other" })).AssertFieldErrorsAsync("details");
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.B.PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "other", details = "Hors sujet" })).StatusCode
        );
        var commentFlag = await SingleAsync(
            "comment.flagged",
            c.ResidentB.Id,
            "comment",
            comment,
            c.P1,
            c.Phase1,
            c.City.D1,
            null,
            new { reason = "other" }
        );
        Assert.Equal(idea, commentFlag.DataJson["ideaId"]!.GetValue<Guid>());
        Assert.DoesNotContain("Hors sujet", await TextOfAsync("comment."));
    }

    // ---- votes and baskets ----

    /// <summary>P1's ideas, its ideation phase over, then an open phase of the method.</summary>
    private async Task<(IdeaCity C, List<Guid> Ideas, Guid Phase)> DecidingAsync(string method, object settings, decimal[] costs)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var ideas = new List<Guid>();
        foreach (var cost in costs)
        {
            var idea = await c.IdeaAsync(c.A, title: $"Projet à {cost} €");
            if (method == "budgeting")
                Assert.Equal(HttpStatusCode.OK, (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{idea}/cost", new { cost })).StatusCode);
            ideas.Add(idea);
        }
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE id = @Phase1",
                new { c.Phase1 }
            );
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            c.P1,
            method,
            DateTimeOffset.UtcNow.AddMinutes(-30),
            DateTimeOffset.UtcNow.AddDays(10),
            settings
        );
        return (c, ideas, phase);
    }

    [Fact]
    public async Task A_vote_is_recorded_about_the_idea_in_the_voting_phase_once()
    {
        var (c, ideas, phase) = await DecidingAsync("voting", new { votesPerUser = 1 }, [0m, 0m]);
        var url = $"/api/v1/ideas/{ideas[0]}/vote";

        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsync(url, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsync(url, null)).StatusCode);
        await (await c.B.PutAsync($"/api/v1/ideas/{ideas[1]}/vote", null)).AssertProblemAsync(HttpStatusCode.Forbidden); // no vote left
        await (await Api.ClientFor((await Api.CreateUserAsync(confirmed: false)).Id).PutAsync(url, null)).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await SingleAsync("vote.cast", c.ResidentB.Id, "idea", ideas[0], c.P1, phase, c.City.D1, null, new { voted = true });

        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync(url)).StatusCode);
        await SingleAsync("vote.removed", c.ResidentB.Id, "idea", ideas[0], c.P1, phase, c.City.D1, new { voted = true }, null);
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task A_basket_records_its_lines_submission_and_reopening_once_each()
    {
        var (c, ideas, phase) = await DecidingAsync("budgeting", new { budgetAmount = 1000m }, [400m, 500m, 300m]);
        var basketUrl = $"/api/v1/projects/{c.P1}/basket";

        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsync($"{basketUrl}/ideas/{ideas[0]}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsync($"{basketUrl}/ideas/{ideas[0]}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsync($"{basketUrl}/ideas/{ideas[1]}", null)).StatusCode);
        await (await c.B.PutAsync($"{basketUrl}/ideas/{ideas[2]}", null)).AssertProblemAsync(HttpStatusCode.Conflict); // over budget
        var basket = await Api.ScalarAsync<Guid>("SELECT id FROM baskets WHERE user_id = @Id", new { c.ResidentB.Id });
        var added = await Api.EventsAsync("basket.idea_added");
        Assert.Equal(2, added.Count);
        AssertEvent(
            added[0],
            "basket.idea_added",
            c.ResidentB.Id,
            "basket",
            basket,
            c.P1,
            phase,
            c.City.D1,
            null,
            new { ideaId = ideas[0], cost = 400m }
        );

        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync($"{basketUrl}/ideas/{ideas[1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync($"{basketUrl}/ideas/{ideas[1]}")).StatusCode);
        await SingleAsync(
            "basket.idea_removed",
            c.ResidentB.Id,
            "basket",
            basket,
            c.P1,
            phase,
            c.City.D1,
            new { ideaId = ideas[1], cost = 500m },
            null
        );

        await (await c.A.PostAsync($"{basketUrl}/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict); // an empty basket
        Assert.Equal(HttpStatusCode.OK, (await c.B.PostAsync($"{basketUrl}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PostAsync($"{basketUrl}/submit", null)).StatusCode);
        await (await c.B.PutAsync($"{basketUrl}/ideas/{ideas[2]}", null)).AssertProblemAsync(HttpStatusCode.Conflict); // submitted
        var submitted = await SingleAsync(
            "basket.submitted",
            c.ResidentB.Id,
            "basket",
            basket,
            c.P1,
            phase,
            c.City.D1,
            new { submitted = false },
            new { submitted = true }
        );
        Assert.Equal(1, submitted.DataJson["items"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, (await c.B.PostAsync($"{basketUrl}/reopen", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PostAsync($"{basketUrl}/reopen", null)).StatusCode);
        await SingleAsync(
            "basket.reopened",
            c.ResidentB.Id,
            "basket",
            basket,
            c.P1,
            phase,
            c.City.D1,
            new { submitted = true },
            new { submitted = false }
        );
        Assert.Equal(2, (await Api.EventsAsync("basket.idea_added")).Count);
        Assert.Equal(
            0,
            await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE actor_id = @Id AND type LIKE 'basket.%'", new { c.ResidentA.Id })
        );
        await Invariants.AssertHoldAsync(Api);
    }

    // ---- surveys and polls ----

    [Fact]
    public async Task A_submitted_survey_response_is_recorded_without_its_answers_and_a_draft_is_not()
    {
        var s = await SurveyCity.CreateAsync(Api, answer: "everyone");
        var view = await s.SaveAsync();
        var answers = SurveyCity.ValidAnswers(view);
        var body = SurveyCity.Answers(answers.Values);
        var c = s.C;

        Assert.Equal(HttpStatusCode.OK, (await c.A.PutAsJsonAsync(s.MyResponseUrl, SurveyCity.Answers([answers[0]]))).StatusCode);
        // a draft is no fact
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE actor_id = @Id", new { c.ResidentA.Id }));
        var a = await (await s.SubmitAsync(c.A, body)).ReadJsonAsync();
        await (await s.SubmitAsync(c.A, body)).AssertProblemAsync(HttpStatusCode.Forbidden); // already responded
        // required answers missing
        await (await s.SubmitAsync(c.B, SurveyCity.Answers([answers[1]]))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var b = await (await s.SubmitAsync(c.B, body)).ReadJsonAsync();
        var token = "visitor-browser-token-0123456789";
        var visitor = await (await s.SubmitAsync(Api.CreateClient(), body, token)).ReadJsonAsync();
        await (await s.SubmitAsync(Api.CreateClient(), body, token)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var events = await Api.EventsAsync("survey.response_submitted");
        Assert.Equal(3, events.Count);
        AssertEvent(
            events[0],
            "survey.response_submitted",
            c.ResidentA.Id,
            "survey_response",
            a["responseId"]!.GetValue<Guid>(),
            c.P1,
            s.Phase,
            c.City.D1,
            new { status = "draft" },
            new { status = "submitted" }
        );
        AssertEvent(
            events[1],
            "survey.response_submitted",
            c.ResidentB.Id,
            "survey_response",
            b["responseId"]!.GetValue<Guid>(),
            c.P1,
            s.Phase,
            c.City.D1,
            null,
            new { status = "submitted" }
        );
        AssertEvent(
            events[2],
            "survey.response_submitted",
            null,
            "survey_response",
            visitor["responseId"]!.GetValue<Guid>(),
            c.P1,
            s.Phase,
            c.City.D1,
            null,
            new { status = "submitted" }
        );
        var text = await TextOfAsync("survey.");
        Assert.DoesNotContain("Chloé", text);
        Assert.DoesNotContain(token, text);
    }

    [Fact]
    public async Task A_poll_answer_records_the_options_chosen_when_they_change_and_its_withdrawal_once()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE id = @Phase1",
                new { c.Phase1 }
            );
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            c.P1,
            "poll",
            DateTimeOffset.UtcNow.AddMinutes(-30),
            DateTimeOffset.UtcNow.AddDays(10),
            new { permissions = new { answer = "registered" }, resultsPublic = true }
        );
        var s = new SurveyCity { C = c, Phase = phase };
        var poll = await s.SaveAsync(c.Admin, SurveyCity.Poll());
        var question = SurveyCity.QuestionId(poll, 0);
        object Choose(int option) =>
            new { answers = new[] { new { questionId = question, optionIds = new[] { SurveyCity.OptionId(poll, 0, option) } } } };
        var url = $"/api/v1/phases/{phase}/poll-answer";

        Assert.Equal(HttpStatusCode.OK, (await c.A.PutAsJsonAsync(url, Choose(0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.A.PutAsJsonAsync(url, Choose(0))).StatusCode); // the same answer: nothing new
        Assert.Equal(HttpStatusCode.OK, (await c.A.PutAsJsonAsync(url, Choose(1))).StatusCode);
        await (
            await c.A.PutAsJsonAsync(url, new { answers = new[] { new { questionId = question, optionIds = new[] { Guid.NewGuid() } } } })
        ).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Api.CreateClient().PutAsJsonAsync(url, Choose(0))).AssertProblemAsync(HttpStatusCode.Forbidden); // not signed in
        var response = await Api.ScalarAsync<Guid>("SELECT id FROM survey_responses WHERE user_id = @Id", new { c.ResidentA.Id });
        var answered = await Api.EventsAsync("poll.answered");
        Assert.Equal(2, answered.Count);
        AssertEvent(
            answered[0],
            "poll.answered",
            c.ResidentA.Id,
            "survey_response",
            response,
            c.P1,
            phase,
            c.City.D1,
            null,
            new { optionIds = new[] { SurveyCity.OptionId(poll, 0, 0) } }
        );
        AssertEvent(
            answered[1],
            "poll.answered",
            c.ResidentA.Id,
            "survey_response",
            response,
            c.P1,
            phase,
            c.City.D1,
            new { optionIds = new[] { SurveyCity.OptionId(poll, 0, 0) } },
            new { optionIds = new[] { SurveyCity.OptionId(poll, 0, 1) } }
        );

        Assert.Equal(HttpStatusCode.OK, (await c.A.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.A.DeleteAsync(url)).StatusCode);
        await SingleAsync(
            "poll.answer_withdrawn",
            c.ResidentA.Id,
            "survey_response",
            response,
            c.P1,
            phase,
            c.City.D1,
            new { optionIds = new[] { SurveyCity.OptionId(poll, 0, 1) } },
            null
        );
        await SurveyInvariants.AssertHoldAsync(Api);
    }

    // ---- organisations ----

    [Fact]
    public async Task An_organisation_s_creation_edits_and_members_are_recorded_once_each_and_never_with_an_address()
    {
        var owner = await Api.CreateUserAsync(firstName: "Odile");
        var ownerClient = Api.ClientFor(owner.Id);
        var lucas = await Api.CreateUserAsync(email: "lucas@example.org", firstName: "Lucas");
        var lucasClient = Api.ClientFor(lucas.Id);
        var other = Api.ClientFor((await Api.CreateUserAsync()).Id);

        var created = await ownerClient.PostJsonAsync(
            "/api/v1/organisations",
            new
            {
                name = "Les amis du parc",
                description = "Un comité",
                website = "https://amis.example",
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        await (await other.PostJsonAsync("/api/v1/organisations", new { name = "LES AMIS DU PARC" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        await SingleAsync(
            "organisation.created",
            owner.Id,
            "organisation",
            id,
            null,
            null,
            null,
            null,
            new
            {
                name = "Les amis du parc",
                description = "Un comité",
                website = "https://amis.example",
                status = "pending",
            }
        );

        Assert.Equal(
            HttpStatusCode.OK,
            (await ownerClient.PatchAsJsonAsync($"/api/v1/organisations/{id}", new { description = "Le comité du parc" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await ownerClient.PatchAsJsonAsync($"/api/v1/organisations/{id}", new { description = "Le comité du parc" })).StatusCode
        );
        await (await other.PatchAsJsonAsync($"/api/v1/organisations/{id}", new { name = "Volé" })).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await SingleAsync(
            "organisation.edited",
            owner.Id,
            "organisation",
            id,
            null,
            null,
            null,
            new { description = "Un comité" },
            new { description = "Le comité du parc" }
        );

        var invite = new { email = "LUCAS@example.org" };
        Assert.Equal(HttpStatusCode.Accepted, (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/members", invite)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/members", invite)).StatusCode);
        await (await other.PostJsonAsync($"/api/v1/organisations/{id}/members", invite)).AssertProblemAsync(HttpStatusCode.NotFound);
        await SingleAsync("organisation.member_invited", owner.Id, "organisation", id, null, null, null, null, null);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/invitations/withdraw", invite)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/invitations/withdraw", invite)).StatusCode
        );
        await SingleAsync("organisation.member_invitation_withdrawn", owner.Id, "organisation", id, null, null, null, null, null);

        // withdrawn
        await (await lucasClient.PostAsync($"/api/v1/organisations/{id}/members/me", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Accepted, (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/members", invite)).StatusCode);
        Assert.Equal(2, (await Api.EventsAsync("organisation.member_invited")).Count);
        Assert.Equal(HttpStatusCode.NoContent, (await lucasClient.PostAsync($"/api/v1/organisations/{id}/members/me", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lucasClient.PostAsync($"/api/v1/organisations/{id}/members/me", null)).StatusCode);
        await SingleAsync(
            "organisation.member_joined",
            lucas.Id,
            "organisation",
            id,
            null,
            null,
            null,
            null,
            new { userId = lucas.Id, role = "member" }
        );

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await ownerClient.DeleteAsync($"/api/v1/organisations/{id}/members/{lucas.Id}")).StatusCode
        );
        await (await ownerClient.DeleteAsync($"/api/v1/organisations/{id}/members/{lucas.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        // the owner stays
        await (await ownerClient.DeleteAsync($"/api/v1/organisations/{id}/members/{owner.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await SingleAsync(
            "organisation.member_removed",
            owner.Id,
            "organisation",
            id,
            null,
            null,
            null,
            new { userId = lucas.Id, role = "member" },
            null
        );

        Assert.DoesNotContain("example.org", await TextOfAsync("organisation."), StringComparison.OrdinalIgnoreCase);
    }

    // ---- accounts ----

    [Fact]
    public async Task An_account_s_registration_confirmation_profile_and_password_changes_are_recorded_without_address_or_password()
    {
        var client = Api.CreateClient();
        const string password = "a long enough password";
        var registered = await client.PostJsonAsync(
            "/api/v1/auth/register",
            new
            {
                email = "lucas@example.org",
                password,
                firstName = "Lucas",
                lastName = "Martin",
            }
        );
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.ReadJsonAsync())["id"]!.GetValue<Guid>();
        await (
            await client.PostJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email = "LUCAS@example.org",
                    password,
                    firstName = "Autre",
                    lastName = "Lucas",
                }
            )
        ).AssertProblemAsync(HttpStatusCode.Conflict);
        await SingleAsync(
            "user.registered",
            id,
            "user",
            id,
            null,
            null,
            null,
            null,
            new
            {
                firstName = "Lucas",
                lastName = "Martin",
                locale = "fr",
            }
        );

        var token = await Api.TokenFromLastEmailAsync("lucas@example.org", "confirm-email");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/auth/confirm-email", new { token })).StatusCode);
        await (await client.PostJsonAsync("/api/v1/auth/confirm-email", new { token })).AssertProblemAsync(HttpStatusCode.Gone);
        await SingleAsync(
            "user.email_confirmed",
            id,
            "user",
            id,
            null,
            null,
            null,
            new { emailConfirmed = false },
            new { emailConfirmed = true }
        );

        var before = await Api.CountAsync("events");
        var session = await client.PostJsonAsync("/api/v1/auth/login", new { email = "lucas@example.org", password });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(before, await Api.CountAsync("events")); // a session is no fact

        var me = Api.ClientFor(id);
        Assert.Equal(
            HttpStatusCode.OK,
            (await me.PatchAsync("/api/v1/me", Http.Json("""{"firstName":" Lucie ","locale":"en"}"""))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await me.PatchAsync("/api/v1/me", Http.Json("""{"firstName":"Lucie","lastName":"Martin"}"""))).StatusCode
        );
        await (await me.PatchAsync("/api/v1/me", Http.Json("""{"locale":"de"}"""))).AssertFieldErrorsAsync("locale");
        await SingleAsync(
            "user.profile_edited",
            id,
            "user",
            id,
            null,
            null,
            null,
            new { firstName = "Lucas", locale = "fr" },
            new { firstName = "Lucie", locale = "en" }
        );

        const string newPassword = "another long enough password";
        await (
            await me.PostJsonAsync("/api/v1/me/password", new { currentPassword = "not the password!", newPassword })
        ).AssertFieldErrorsAsync("currentPassword");
        Assert.Equal(
            HttpStatusCode.OK,
            (await me.PostJsonAsync("/api/v1/me/password", new { currentPassword = password, newPassword })).StatusCode
        );
        var changed = await SingleAsync("user.password_changed", id, "user", id, null, null, null, null, null);
        Assert.Equal("current_password", changed.DataJson["via"]!.GetValue<string>());

        // A reset link sets the password and, for an address not confirmed yet, confirms it: two facts.
        var unconfirmed = await Api.CreateUserAsync(email: "nina@example.org", confirmed: false);
        await client.PostJsonAsync("/api/v1/auth/password-reset", new { email = unconfirmed.Email });
        var reset = await Api.TokenFromLastEmailAsync(unconfirmed.Email, "reset-password");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token = reset, newPassword })).StatusCode
        );
        await (await client.PostJsonAsync("/api/v1/auth/password-reset/confirm", new { token = reset, newPassword })).AssertProblemAsync(
            HttpStatusCode.Gone
        );
        var resets = (await Api.EventsAsync("user.password_changed")).Where(e => e.ActorId == unconfirmed.Id).ToList();
        AssertEvent(Assert.Single(resets), "user.password_changed", unconfirmed.Id, "user", unconfirmed.Id, null, null, null, null, null);
        Assert.Equal("reset_link", resets[0].DataJson["via"]!.GetValue<string>());
        var confirmed = await Api.EventsAsync("user.email_confirmed");
        Assert.Equal(2, confirmed.Count);
        AssertEvent(
            confirmed[1],
            "user.email_confirmed",
            unconfirmed.Id,
            "user",
            unconfirmed.Id,
            null,
            null,
            null,
            new { emailConfirmed = false },
            new { emailConfirmed = true }
        );

        var text = await TextOfAsync("user.");
        Assert.DoesNotContain("example.org", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("long enough", text);
        Assert.DoesNotContain(await Api.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @id", new { id }), text);
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(reset, text);
    }
}
