using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

public sealed class HeadersTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("/api/v1/platform")]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/users/not-a-guid")]
    public async Task Responses_carry_the_security_headers(string url)
    {
        var response = await Api.CreateClient().GetAsync(url);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Health_endpoints_answer_anonymously()
    {
        var client = Api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Swagger_UI_and_document_are_public()
    {
        var client = Api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger")]
    public async Task The_Swagger_UI_cannot_be_framed(string url)
    {
        var response = await Api.CreateClient().GetAsync(url);

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
    }

    [Fact]
    public async Task CORS_allows_only_the_configured_origins()
    {
        var client = Api.CreateClient();
        var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/v1/auth/login")
        {
            Headers = { { "Origin", "http://localhost:5173" }, { "Access-Control-Request-Method", "POST" } },
        };
        var denied = new HttpRequestMessage(HttpMethod.Options, "/api/v1/auth/login")
        {
            Headers = { { "Origin", "https://evil.example" }, { "Access-Control-Request-Method", "POST" } },
        };

        Assert.Equal("http://localhost:5173", (await client.SendAsync(allowed)).Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await client.SendAsync(denied)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/v1/me", "text/html", 401)]
    [InlineData("/api/v1/projects/00000000-0000-0000-0000-000000000001", "text/html", 404)]
    public async Task Errors_are_problem_json_with_a_body_whatever_the_caller_accepts(string path, string accept, int status)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var problem = await (await Api.CreateClient().SendAsync(request)).AssertProblemAsync((HttpStatusCode)status);

        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_refused_CSV_export_answers_problem_json_to_a_caller_accepting_only_CSV()
    {
        var resident = await Api.CreateUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/phases/{Guid.NewGuid()}/responses.csv");
        request.Headers.TryAddWithoutValidation("Accept", "text/csv");

        await (await Api.ClientFor(resident.Id).SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
