using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>Every endpoint declares who may call it, and the anonymous row of the matrix holds.</summary>
public sealed class EndpointAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private IEnumerable<RouteEndpoint> Endpoints() =>
        Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool IsAnonymous(Endpoint e) => e.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    [Fact]
    public void Every_endpoint_makes_an_explicit_authorization_decision()
    {
        var undecided = Endpoints()
            .Where(e => !IsAnonymous(e) && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.DisplayName ?? e.RoutePattern.RawText)
            .ToList();

        Assert.True(
            undecided.Count == 0,
            "Endpoints without .AllowAnonymous() or .RequireAuthorization(): " + string.Join(", ", undecided)
        );
        Assert.True(Endpoints().Count() >= 14);
    }

    /// <summary>The public surface, reviewed: any change to it must change this list.</summary>
    [Fact]
    public void The_anonymous_endpoints_are_exactly_the_public_ones()
    {
        var anonymous = Endpoints()
            .Where(IsAnonymous)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .Order()
            .ToList();

        Assert.Equal(
            new[]
            {
                "* /health/live",
                "* /health/ready",
                // Prometheus's scrape: its own bearer token (Telemetry:ScrapeToken, 401 without it), 404 when none is set.
                "* /metrics",
                "GET /api/v1/areas/",
                "GET /api/v1/departments/",
                "GET /api/v1/organisations/",
                "GET /api/v1/organisations/{id:guid}",
                "GET /api/v1/platform/",
                "GET /api/v1/platform/favicon",
                "GET /api/v1/platform/logo",
                "GET /api/v1/projects/",
                "GET /api/v1/projects/{id:guid}",
                "GET /api/v1/projects/{id:guid}/actions",
                "GET /api/v1/projects/{id:guid}/image",
                "GET /api/v1/topics/",
                // Images in rich texts: capability URLs (a random key), shown by the public texts that hold them.
                "GET /api/v1/media/{key}",
                "GET /api/v1/users/{id:guid}",
                // Public profiles: names, avatar, member since and the public ideas and comments (never an e-mail); avatars
                // by their random key.
                "GET /api/v1/people/{id:guid}",
                "GET /api/v1/people/{id:guid}/contributions",
                "GET /api/v1/avatars/{key}",
                "GET /api/v1/projects/{id:guid}/ideas",
                "GET /api/v1/ideas/{id:guid}",
                "GET /api/v1/ideas/{id:guid}/comments",
                // An idea's photos and documents: read as the idea is (or through a signed link from its author's or
                // staff's view); the limits the idea form shows.
                "GET /api/v1/ideas/{id:guid}/attachments/{attachmentId:guid}",
                "GET /api/v1/ideas/{id:guid}/attachments/{attachmentId:guid}/thumbnail",
                "GET /api/v1/idea-attachments/limits",
                "GET /api/v1/comments/{id:guid}/replies",
                "POST /api/v1/newsletter/unsubscribe",
                "POST /api/v1/notifications/unsubscribe",
                // OAuth 2.0 client credentials: the client authenticates in the request itself.
                "POST /api/v1/oauth/token",
                "GET /api/v1/phases/{id:guid}/vote-results",
                "GET /api/v1/phases/{id:guid}/budget-results",
                // Surveys and polls: the questionnaire and published results are public; visitors answer only where the phase lets
                // everyone.
                "GET /api/v1/phases/{id:guid}/survey",
                "GET /api/v1/phases/{id:guid}/my-response",
                "GET /api/v1/phases/{id:guid}/survey-results",
                "POST /api/v1/phases/{id:guid}/responses",
                "GET /api/v1/phases/{id:guid}/poll-answer",
                "PUT /api/v1/phases/{id:guid}/poll-answer",
                "DELETE /api/v1/phases/{id:guid}/poll-answer",
                "GET,HEAD /swagger/{documentName}/swagger.json",
                "POST /api/v1/auth/confirm-email",
                "POST /api/v1/auth/login",
                "POST /api/v1/auth/logout",
                "POST /api/v1/auth/password-reset",
                "POST /api/v1/auth/password-reset/confirm",
                "POST /api/v1/auth/refresh",
                "POST /api/v1/auth/register",
                "POST /api/v1/invitations/accept",
                "POST /api/v1/invitations/lookup",
                // The vendor's console: its sign-in (operators and support staff, outside any city).
                "POST /api/v1/operator/auth/login",
                // A console invitation's page: the e-mailed token is the proof (rate-limited as sign-ins).
                "POST /api/v1/operator/invitations/accept",
                "POST /api/v1/operator/invitations/lookup",
                // Events with calendars: the public events, one event's .ics and the iCalendar feeds.
                "GET /api/v1/events/",
                "GET /api/v1/events/calendar.ics",
                "GET /api/v1/events/{id:guid}",
                "GET /api/v1/events/{id:guid}.ics",
                "GET /api/v1/projects/{id:guid}/events.ics",
                // A staff member's private content calendar feed: the secret token in its address is the right.
                "GET /api/v1/content-calendar/feeds/{token}.ics",
                // A widget's embed page (framed by its allowed origins only) and the script snippet's code.
                "GET /embed/widgets/{id:guid}",
                "GET /embed/embed.js",
                // Pages: the published ones (the footer's links, a page by its slug).
                "GET /api/v1/pages/",
                "GET /api/v1/pages/by-slug/{slug}",
                // The home page: its published layout and the public content of its sections.
                "GET /api/v1/home-page/",
                // Share pages for link-preview crawlers: public projects, ideas and events only.
                "GET /share/projects/{id:guid}",
                "GET /share/ideas/{id:guid}",
                "GET /share/events/{id:guid}",
                "GET /share/projects/{slug}",
                "GET /share/projects/{projectSlug}/ideas/{slug}",
                "GET /share/events/{slug}",
                // The same by slug.
                "GET /api/v1/projects/by-slug/{slug}",
                "GET /api/v1/projects/by-slug/{projectSlug}/ideas/{slug}",
                "GET /api/v1/events/by-slug/{slug}",
                // The current version of the terms of use, accepted by registering (issue 17).
                "GET /api/v1/consents/terms",
            }.Order(),
            anonymous
        );
    }

    [Fact]
    public async Task Every_protected_endpoint_answers_401_to_anonymous_callers_and_writes_nothing()
    {
        var client = Api.CreateClient();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(e => !IsAnonymous(e)))
        {
            var url =
                "/"
                + string.Join(
                    "/",
                    endpoint.RoutePattern.PathSegments.Select(s =>
                        string.Concat(
                            s.Parts.Select(p =>
                                p is Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart
                                    ? Guid.NewGuid().ToString()
                                    : ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)p).Content
                            )
                        )
                    )
                );
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                var accepts = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes ?? [];
                if (accepts.Contains("multipart/form-data"))
                    request.Content = new MultipartFormDataContent { { new StringContent("x"), "role" } };
                else if (method is "POST" or "PUT" or "PATCH")
                    request.Content = Http.Json("{}");
                var response = await client.SendAsync(request);
                await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
                checkedCount++;
            }
        }
        Assert.True(checkedCount >= 4);
        Assert.Equal(0, await Api.CountAsync("users"));
    }
}
