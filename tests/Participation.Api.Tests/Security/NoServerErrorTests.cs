using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>
/// Every endpoint, called by an admin (who passes every authorization check) with empty, wrongly typed
/// or hostile input, answers 2xx or 4xx — never a 500 (QUALITY.md §1).
/// </summary>
public sealed class NoServerErrorTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Bodies =
    [
        "{}",
        "null",
        "[]",
        "\"text\"",
        "42",
        """{"name":{"fr":5},"title":{"fr":null},"email":[],"role":{},"scopeType":1,"scopeId":"nope","invitees":[null],"status":[1]"""
            + ""","until":"yesterday","reason":null,"method":null,"startsAt":"soon","settings":"x","departmentId":"x","decision":null"""
            + ""","token":null,"topics":[null,5]}""",
        """{"name":{"fr":"\u202Ex","de":"y"},"title":{"fr":"<script>alert(1)</script>"},"email":"' OR 1=1 --","invitees":"""
            + """[{"email":"a@b.c","locale":"xx"}],"role":"admin","scopeType":"platform","startsAt":"2026-01-01"""
            + """T00:00:00Z","endsAt":"2025-01-01T00:00:00Z","method":"ideation","settings":{"budgetAmount":-1}"""
            + ""","decision":"verify","until":"9999-12-31T23:59:59Z","reason":"x","topics":["a","a"]"""
            + ""","description":{"fr":"<img src=x onerror=alert(1)>"}}""",
    ];

    private static readonly string[] Queries =
    [
        "",
        "?limit=abc",
        "?limit=0&cursor=%00%01",
        "?status=%27;DROP",
        "?cursor=eyJBdCI6ImJhZCJ9&sort=x",
        "?search=%25%5F%5C&role=admin&departmentId=nope",
    ];

    [Fact]
    public async Task No_endpoint_answers_500_to_bad_input()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var client = Api.ClientFor(admin.Id);
        // Real resources, so that handlers get past "not found" and read the bad input.
        var department = (await (await client.PostJsonAsync("/api/v1/departments", new { name = new { fr = "Culture" } })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();
        var project = (
            await (
                await client.PostJsonAsync("/api/v1/projects", new { departmentId = department, title = new { fr = "Projet" } })
            ).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();
        var phase = (
            await (
                await client.PostJsonAsync(
                    $"/api/v1/projects/{project}/phases",
                    new
                    {
                        title = new { fr = "Phase" },
                        startsAt = DateTimeOffset.UtcNow,
                        endsAt = DateTimeOffset.UtcNow.AddDays(5),
                        method = "ideation",
                    }
                )
            ).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();
        var organisation = (await (await client.PostJsonAsync("/api/v1/organisations", new { name = "Association" })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();
        var invitation = (
            await (
                await client.PostJsonAsync(
                    "/api/v1/invitations",
                    new
                    {
                        invitees = new[] { new { email = "x@example.org" } },
                        role = "it_manager",
                        scopeType = "platform",
                    }
                )
            ).ReadJsonAsync()
        )["invited"]![0]!["id"]!.GetValue<Guid>();
        var widget = (
            await (
                await client.PostJsonAsync(
                    "/api/v1/widgets",
                    new
                    {
                        name = "Site",
                        selection = "current",
                        language = "fr",
                    }
                )
            ).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();
        var apiClient = await Api.CreateApiClientAsync("webhooks:manage", "ideas:read", "projects:read");
        var webhook = (
            await (
                await client.PostJsonAsync(
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
                await client.PostJsonAsync($"/api/v1/projects/{project}/feedback-templates", new { title = "Merci", body = "Merci." })
            ).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();
        var resident = await Api.CreateUserAsync();
        Guid IdFor(string path, string parameter) =>
            parameter switch
            {
                "phaseId" => phase,
                "userId" => resident.Id,
                "grantId" => Guid.NewGuid(),
                _ when path.StartsWith("/api/v1/projects", StringComparison.Ordinal) => project,
                _ when path.StartsWith("/api/v1/departments", StringComparison.Ordinal) => department,
                _ when path.StartsWith("/api/v1/organisations", StringComparison.Ordinal) => organisation,
                _ when path.StartsWith("/api/v1/invitations", StringComparison.Ordinal) => invitation,
                _ when path.StartsWith("/api/v1/users", StringComparison.Ordinal) => resident.Id,
                _ when path.StartsWith("/api/v1/widgets", StringComparison.Ordinal) => widget,
                _ when path.StartsWith("/api/v1/webhooks", StringComparison.Ordinal) && parameter == "id" => webhook,
                _ when path.StartsWith("/api/v1/feedback-templates", StringComparison.Ordinal) => feedbackTemplate,
                _ => Guid.NewGuid(),
            };
        var endpoints = Api
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var raw = endpoint.RoutePattern.RawText!;
            var path =
                "/"
                + string.Join(
                    "/",
                    endpoint.RoutePattern.PathSegments.Select(s =>
                        string.Concat(
                            s.Parts.Select(p =>
                                p is RoutePatternParameterPart parameter
                                    ? IdFor(raw, parameter.Name).ToString()
                                    : ((RoutePatternLiteralPart)p).Content
                            )
                        )
                    )
                );
            var multipart = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var hasBody = method is "POST" or "PUT" or "PATCH";
                foreach (var query in Queries)
                foreach (var body in hasBody ? Bodies : [""])
                {
                    var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                    if (hasBody)
                        request.Content = multipart
                            ? new MultipartFormDataContent
                            {
                                { new StringContent(body), "role" },
                                { new StringContent("x"), "scopeType" },
                                { new ByteArrayContent([0, 1, 2]), "file", "x.csv" },
                            }
                            : Http.Json(body);
                    var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                        failures.Add(
                            $"{method} {path}{query} {body[..Math.Min(body.Length, 40)]} → {(int)response.StatusCode} "
                                + $"{await response.Content.ReadAsStringAsync()}"
                        );
                }
            }
        }

        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} endpoints found");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
