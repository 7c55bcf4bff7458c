using System.Net;
using System.Text;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>QUALITY.md §1 on every JSON endpoint: a problem+json 4xx, nothing written, never a 500.</summary>
public sealed class BadInputTests(ApiFactory api) : ApiTest(api)
{
    public static TheoryData<string> JsonEndpoints =>
        new()
        {
            "/api/v1/auth/register",
            "/api/v1/auth/confirm-email",
            "/api/v1/auth/login",
            "/api/v1/auth/refresh",
            "/api/v1/auth/logout",
            "/api/v1/auth/password-reset",
            "/api/v1/auth/password-reset/confirm",
            "/api/v1/me/password",
        };

    private async Task<HttpClient> SignedInAsync() => Api.ClientFor((await Api.CreateUserAsync()).Id);

    private async Task AssertNothingWrittenAsync()
    {
        Assert.Equal(1, await Api.CountAsync("users")); // the signed-in caller only
        Assert.Equal(0, await Api.CountAsync("email_outbox"));
        Assert.Equal(0, await Api.CountAsync("refresh_tokens"));
        Assert.Equal(0, await Api.CountAsync("user_tokens"));
    }

    public static TheoryData<string, string, string, int> Bodies()
    {
        var data = new TheoryData<string, string, string, int>();
        var payloads = new (string Name, string Body, string ContentType, int Status)[]
        {
            ("wrong content type", "email=a@b.c", "application/x-www-form-urlencoded", 415),
            ("text/plain", "{}", "text/plain", 415),
            ("malformed JSON", "{\"email\": ", "application/json", 400),
            ("trailing garbage", "{\"email\":\"a@b.c\"} trailing", "application/json", 400),
            ("deeply nested", new string('[', 200) + new string(']', 200), "application/json", 400),
            ("null body", "null", "application/json", 400),
            ("array instead of object", "[]", "application/json", 400),
            (
                "NUL character",
                "{\"email\":\"a\\u0000@b.c\",\"password\":\"x\\u0000\",\"token\":\"\\u0000\",\"refreshToken\":\"\\u0000\","
                    + "\"firstName\":\"\\u0000\",\"lastName\":\"x\",\"newPassword\":\"\\u0000\",\"currentPassword\":\"\\u0000\"}",
                "application/json",
                400
            ),
            ("duplicated property", Duplicated(), "application/json", 400),
            (
                "wrong type",
                "{\"email\":42,\"password\":true,\"token\":1,\"refreshToken\":[],\"newPassword\":{},\"currentPassword\":3}",
                "application/json",
                400
            ),
        };
        foreach (var endpoint in JsonEndpoints)
        foreach (var (name, body, contentType, status) in payloads)
            data.Add(endpoint, name, $"{contentType}\n{body}", status);
        return data;
    }

    private static string Duplicated() =>
        "{"
        + string.Join(
            ",",
            new[] { "email", "password", "token", "refreshToken", "newPassword", "currentPassword", "firstName", "lastName" }.Select(p =>
                $"\"{p}\":\"a long enough value\",\"{p}\":\"a long enough value\""
            )
        )
        + "}";

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Bad_bodies_get_a_problem_and_write_nothing(string endpoint, string name, string request, int status)
    {
        var client = await SignedInAsync();
        var split = request.IndexOf('\n');
        var content = new StringContent(request[(split + 1)..], Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(request[..split]);

        var response = await client.PostAsync(endpoint, content);

        await response.AssertProblemAsync((HttpStatusCode)status, because: $"{name} on {endpoint}");
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [MemberData(nameof(JsonEndpoints))]
    public async Task A_body_over_the_limit_is_413(string endpoint)
    {
        var client = await SignedInAsync();
        var body = "{\"email\":\"" + new string('a', 1_100_000) + "\"}";

        var response = await client.PostAsync(endpoint, Http.Json(body));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/auth/login")]
    [InlineData("GET", "/api/v1/auth/register")]
    [InlineData("PUT", "/api/v1/me")]
    [InlineData("DELETE", "/api/v1/platform")]
    public async Task An_unsupported_verb_is_405(string method, string url)
    {
        var response = await Api.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    /// <summary>Query strings bound as one [AsParameters] record still name the field as sent (camelCase), not the C# property.</summary>
    [Theory]
    [InlineData("/api/v1/projects/0190a000-0000-7000-8000-00000000ff01/ideas?south=north", "south")]
    [InlineData("/api/v1/projects/0190a000-0000-7000-8000-00000000ff01/ideas?limit=many", "limit")]
    [InlineData("/api/v1/projects?limit=1e3", "limit")]
    [InlineData("/api/v1/ideas/0190a000-0000-7000-8000-00000000ff01/comments?limit=ten", "limit")]
    public async Task A_query_value_that_does_not_parse_is_a_400_naming_it_as_sent(string url, string field)
    {
        var response = await Api.CreateClient().GetAsync(url);
        await response.AssertFieldErrorsAsync(field);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/does-not-exist");
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SQL_fragments_in_fields_are_just_text()
    {
        var response = await Api.CreateClient()
            .PostJsonAsync("/api/v1/auth/login", new { email = "' OR 1=1; DROP TABLE users; --", password = "x' OR '1'='1" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await Api.CountAsync("users"));
    }
}
