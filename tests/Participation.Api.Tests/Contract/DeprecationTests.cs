using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Contract;

/// <summary>
/// <c>.Deprecated(since, sunset, link)</c> on a test-only endpoint, in a small host with the API's problem responses and
/// OpenAPI document (no real endpoint is deprecated): the headers on success and on errors, the operation marked.
/// </summary>
public sealed class DeprecationTests : IAsyncLifetime
{
    private const string Link = "https://participation.example/docs/integrators#old-thing";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemResponses();
        builder.Services.AddOpenApiDocument();
        _app = builder.Build();
        _app.UseProblemResponses();
        _app.MapGet("/old", () => "still here").WithName("OldThing").Deprecated("2026-12-01", "2027-06-30", Link);
        _app.MapGet("/old/missing", string () => throw new NotFoundException())
            .WithName("OldMissing")
            .Deprecated("2026-12-01", "2027-06-30");
        _app.MapGet("/current", () => "fine").WithName("CurrentThing");
        _app.MapOpenApiDocument();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_deprecated_endpoint_answers_with_Deprecation_Sunset_and_Link()
    {
        var response = await _client.GetAsync("/old");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("@1796083200", response.Headers.GetValues("Deprecation").Single()); // 2026-12-01T00:00:00Z
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
        Assert.Equal($"<{Link}>; rel=\"deprecation\"; type=\"text/html\"", response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task Its_problem_answers_carry_the_headers_too()
    {
        var response = await _client.GetAsync("/old/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("@1796083200", response.Headers.GetValues("Deprecation").Single());
        Assert.True(response.Headers.Contains("Sunset"));
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Other_endpoints_carry_none()
    {
        var response = await _client.GetAsync("/current");

        Assert.False(response.Headers.Contains("Deprecation"));
        Assert.False(response.Headers.Contains("Sunset"));
    }

    [Fact]
    public async Task The_OpenAPI_operation_is_marked_deprecated_with_its_headers_and_dates()
    {
        var json = await (await _client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var old = json["paths"]!["/old"]!["get"]!;

        Assert.True(old["deprecated"]!.GetValue<bool>());
        Assert.Contains("Deprecated since 2026-12-01; may stop working after 2027-06-30", old["description"]!.GetValue<string>());
        var headers = old["responses"]!["200"]!["headers"]!.AsObject();
        Assert.Contains("Deprecation", headers.Select(h => h.Key));
        Assert.Contains("Sunset", headers.Select(h => h.Key));
        Assert.Contains("Link", headers.Select(h => h.Key));
        Assert.Null(json["paths"]!["/current"]!["get"]!["deprecated"]);
    }

    [Theory]
    [InlineData("2027-06-30", "2026-12-01", null)] // sunset before the deprecation
    [InlineData("2026-12-01", "2027-05-31", null)] // less than six months' notice
    [InlineData("1 December 2026", "2027-06-30", null)] // not yyyy-MM-dd
    [InlineData("2026-12-01", "2027-06-30", "/docs/old")] // not an absolute URL
    public void A_wrong_declaration_fails_at_start_up(string since, string sunset, string? link)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        using var app = builder.Build();

        Assert.ThrowsAny<Exception>(() => app.MapGet("/x", () => "x").Deprecated(since, sunset, link));
    }
}
