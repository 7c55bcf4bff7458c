using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Features.Surveys;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>Real resources for every path parameter, and plausible values so that validation reaches the null.</summary>
internal sealed class RealResources
{
    public required IdeaCity C { get; init; }
    public required Guid Idea { get; init; }
    public required Guid Comment { get; init; }
    public required Guid Organisation { get; init; }
    public required Guid Invitation { get; init; }
    public required Guid Target { get; init; }
    public required Guid SurveyPhase { get; init; }
    public required Guid PollPhase { get; init; }
    public required Guid Question { get; init; }
    public required Guid Option { get; init; }
    public required Guid Grant { get; init; }
    public required Guid ApiClient { get; init; }
    public required Guid Webhook { get; init; }
    public required Guid FeedbackTemplate { get; init; }
    public required Guid CalendarEvent { get; init; }
    private int _counter;

    /// <summary>The admin passes every authorization check; resident A wrote the idea and the comment.</summary>
    public HttpClient[] Callers => [C.Admin, C.A];

    public static async Task<RealResources> CreateAsync(ApiFactory api)
    {
        var c = await IdeaCity.CreateAsync(api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.A, idea);
        var organisation = (await (await c.A.PostJsonAsync("/api/v1/organisations", new { name = "Association du parc" })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();
        var invitation = (
            await (
                await c.Admin.PostJsonAsync(
                    "/api/v1/invitations",
                    new
                    {
                        invitees = new[] { new { email = "invitee@example.org" } },
                        role = "it_manager",
                        scopeType = "platform",
                    }
                )
            ).ReadJsonAsync()
        )["invited"]![0]!["id"]!.GetValue<Guid>();
        var target = await api.CreateUserAsync(firstName: "Target", lastName: "Person");
        var grant = await api.ScalarAsync<Guid>(
            "SELECT id FROM user_roles WHERE user_id = (SELECT user_id FROM user_roles WHERE role = 'project_moderator' LIMIT 1) LIMIT 1"
        );
        var apiClient = await api.CreateApiClientAsync("webhooks:manage", "ideas:read", "projects:read");
        var webhook = (
            await (
                await c.Admin.PostJsonAsync(
                    "/api/v1/webhooks",
                    new
                    {
                        clientId = apiClient.Id,
                        url = "https://hooks.example.org/x",
                        eventTypes = new[] { "idea.submitted" },
                    }
                )
            ).ReadJsonAsync()
        )["webhook"]!["id"]!.GetValue<Guid>();
        var feedbackTemplate = (
            await (
                await c.Admin.PostJsonAsync(
                    $"/api/v1/projects/{c.P1}/feedback-templates",
                    new { title = "Merci", body = "Merci pour votre idée." }
                )
            ).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();
        var calendarEvent = (
            await (
                await c.Admin.PostJsonAsync(
                    "/api/v1/events",
                    new
                    {
                        projectId = c.P1,
                        title = new { fr = "Balade" },
                        startsAt = DateTimeOffset.UtcNow.AddDays(10),
                        endsAt = DateTimeOffset.UtcNow.AddDays(10).AddHours(2),
                        registration = true,
                        capacity = 10,
                    }
                )
            ).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();
        var now = DateTimeOffset.UtcNow;
        var surveyProject = await c.City.ProjectAsync(c.Admin, c.City.D1, "Enquête", "published");
        var surveyPhase = await IdeaCity.PhaseAsync(
            c.Admin,
            surveyProject,
            "survey",
            now.AddDays(-1),
            now.AddDays(30),
            new { permissions = new { answer = "registered" } }
        );
        var pollProject = await c.City.ProjectAsync(c.Admin, c.City.D1, "Sondage", "published");
        var pollPhase = await IdeaCity.PhaseAsync(
            c.Admin,
            pollProject,
            "poll",
            now.AddDays(-1),
            now.AddDays(30),
            new { permissions = new { answer = "registered" } }
        );
        var survey = await (
            await c.Admin.PutAsJsonAsync($"/api/v1/phases/{surveyPhase}/survey", SurveyCity.Questionnaire())
        ).ReadJsonAsync();
        var poll = await c.Admin.PutAsJsonAsync($"/api/v1/phases/{pollPhase}/survey", SurveyCity.Poll());
        Assert.True(poll.IsSuccessStatusCode, await poll.Content.ReadAsStringAsync());
        return new RealResources
        {
            C = c,
            Idea = idea,
            Comment = comment,
            Organisation = organisation,
            Invitation = invitation,
            Target = target.Id,
            Grant = grant,
            ApiClient = apiClient.Id,
            Webhook = webhook,
            FeedbackTemplate = feedbackTemplate,
            CalendarEvent = calendarEvent,
            SurveyPhase = surveyPhase,
            PollPhase = pollPhase,
            Question = SurveyCity.QuestionId(survey, 0),
            Option = SurveyCity.OptionId(survey, 0, 0),
        };
    }

    public string Url(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
                continue;
            if (segments[i].EndsWith("}.ics", StringComparison.Ordinal)) // an event's .ics
            {
                segments[i] = $"{CalendarEvent}.ics";
                continue;
            }
            var collection = segments[i - 1] is var previous && previous.StartsWith('{') ? "" : segments[i - 1];
            segments[i] = (
                segments[i] switch
                {
                    "{userId}" => Target,
                    "{grantId}" => Grant,
                    "{phaseId}" => C.Phase1,
                    "{ideaId}" => Idea,
                    _ => collection switch
                    {
                        "projects" => C.P1,
                        "ideas" => Idea,
                        "comments" => Comment,
                        "departments" => C.City.D2,
                        "organisations" => Organisation,
                        "invitations" => Invitation,
                        "users" => Target,
                        "survey-questions" => Question,
                        "webhooks" => Webhook,
                        "feedback-templates" => FeedbackTemplate,
                        "events" => CalendarEvent,
                        "phases" when path.Contains("poll", StringComparison.Ordinal) => PollPhase,
                        "phases"
                            when path.Contains("surve", StringComparison.Ordinal) || path.Contains("respon", StringComparison.Ordinal) =>
                            SurveyPhase,
                        "phases" => C.Phase1,
                        _ => Guid.NewGuid(),
                    },
                }
            ).ToString();
        }
        return string.Join('/', segments);
    }

    /// <summary>A value for a property, by its name, that its validator accepts.</summary>
    public JsonNode? Sample(string? name, string url) =>
        name switch
        {
            "email" => $"sample-{Interlocked.Increment(ref _counter)}@example.org",
            "password" or "newPassword" => "a long enough password 2026",
            "currentPassword" => ApiFactory.Password,
            "locale" => "fr",
            "role" => "project_moderator",
            "scopeType" => "project",
            "scopeId" => C.P1,
            "departmentId" => C.City.D1,
            "parentId" => Comment,
            "organisationId" => Organisation,
            "questionId" => Question,
            "optionIds" => Option,
            "kind" => url.Contains("/exports", StringComparison.Ordinal) ? "ideas" : "like",
            "decision" => url.Contains("/organisations/", StringComparison.Ordinal) ? "verify" : "approve",
            "reason" => "spam",
            "method" => "ideation",
            "channel" => "in_app",
            "category" => "comment_on_my_idea",
            "status" => url.Contains("/ideas/", StringComparison.Ordinal) ? "under_consideration" : "published",
            "type" => "single_choice",
            "token" or "refreshToken" => new string('x', 43),
            "until" => DateTimeOffset.UtcNow.AddDays(3).ToString("O"),
            "startsAt" => DateTimeOffset.UtcNow.AddDays(100).ToString("O"),
            "endsAt" => DateTimeOffset.UtcNow.AddDays(110).ToString("O"),
            "website" => "https://example.org",
            "url" => "https://hooks.example.org/y",
            "clientId" => ApiClient,
            "eventTypes" => new JsonArray("idea.submitted"),
            "ideaIds" => new JsonArray(Idea.ToString()),
            "assigneeId" => C.Moderator1.Id,
            "title" when url.Contains("/feedback-templates", StringComparison.Ordinal) => $"Modèle {Interlocked.Increment(ref _counter)}",
            "body" when url.Contains("/feedback-templates", StringComparison.Ordinal) => "Texte du modèle.",
            _ => null,
        };
}
