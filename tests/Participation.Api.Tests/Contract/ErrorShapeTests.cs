using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Contract;

/// <summary>
/// Every 400 is the one documented shape, whatever went wrong: a validation problem whose <c>errors</c> names the
/// field, parameter or body at fault, in the caller's language, with no .NET type names or framework text.
/// </summary>
public sealed class ErrorShapeTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("/api/v1/auth/login", "{", "body")] // malformed JSON
    [InlineData("/api/v1/auth/login", "", "body")] // no body at all
    [InlineData("/api/v1/auth/login", "[1,2]", "body")] // not an object
    [InlineData("/api/v1/auth/login", """{"email":12,"password":"x"}""", "email")] // wrong type
    [InlineData("/api/v1/auth/login", """{"email":"a@b.c","password":"x","pasword":"y"}""", "pasword")] // unknown field
    [InlineData("/api/v1/auth/login", "{\"email\":\"a\\u0000b@example.org\",\"password\":\"x\"}", "email")] // NUL
    public async Task A_body_that_cannot_be_read_is_a_validation_problem_naming_what_is_wrong(string url, string body, string field)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await client.PostAsync(url, Http.Json(body));

        var text = await response.Content.ReadAsStringAsync();
        await response.AssertFieldErrorsAsync(field);
        Assert.DoesNotContain("Participation.Api", text);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("Microsoft.", text);
        Assert.DoesNotContain("+Command", text);
        Assert.DoesNotContain("\"detail\"", text);
    }

    [Fact]
    public async Task An_unparseable_query_value_is_a_validation_problem_naming_the_parameter()
    {
        var response = await Api.CreateClient().GetAsync($"/api/v1/ideas/{Guid.NewGuid()}/comments?limit=lots");

        await response.AssertFieldErrorsAsync("limit");
        Assert.DoesNotContain("Int32", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_French_caller_gets_French_from_our_rules_and_from_FluentValidations_own()
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");

        var ours = await (
            await client.PostAsync(
                "/api/v1/auth/register",
                Http.Json("""{"email":"","password":"a long enough password","firstName":"A","lastName":"B"}""")
            )
        ).ReadJsonAsync();
        var builtIn = await client.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/ideas?south=100&north=10&west=0&east=10");

        Assert.Equal("Ce champ est obligatoire.", ours["errors"]!["email"]![0]!.GetValue<string>());
        await builtIn.AssertFieldErrorsAsync("south");
        var message = (await builtIn.ReadJsonAsync())["errors"]!["south"]![0]!.GetValue<string>();
        Assert.Contains("-90", message);
        Assert.DoesNotContain("must", message);
        Assert.Contains("entre", message);
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_a_validation_problem_naming_the_header()
    {
        var user = await Api.CreateUserAsync();
        var client = Api.ClientFor(user.Id);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{Guid.NewGuid()}/ideas")
        {
            Content = Http.Json("""{"title":"Un titre","body":"<p>x</p>"}"""),
        };
        request.Headers.Add("Idempotency-Key", new string('k', 201));

        var response = await client.SendAsync(request);

        await response.AssertFieldErrorsAsync("Idempotency-Key");
    }

    [Fact]
    public async Task Problems_from_status_code_pages_are_problem_documents()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
