using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace Participation.Api.Tests.Infrastructure;

public static class Http
{
    public static StringContent Json(string raw, string contentType = "application/json") => new(raw, Encoding.UTF8, contentType);

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    /// <summary>Asserts a problem+json answer with the status, and returns the body.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? because = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == status,
            $"{because}{(because is null ? "" : ": ")}expected {(int)status}, got {(int)response.StatusCode}: {body}"
        );
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(body)!;
        Assert.Equal((int)status, json["status"]!.GetValue<int>());
        return json;
    }

    /// <summary>Asserts a 400 validation problem naming each field in <c>errors</c>.</summary>
    public static async Task AssertFieldErrorsAsync(this HttpResponseMessage response, params string[] fields)
    {
        var json = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = json["errors"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no errors member: {json}");
        foreach (var field in fields)
            Assert.True(errors.ContainsKey(field), $"no error for '{field}' in {errors.ToJsonString()}");
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body);

    public static async Task<long> CountAsync(this ApiFactory api, string table)
    {
        await using var connection = await api.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    public static async Task<T> ScalarAsync<T>(this ApiFactory api, string sql, object? args = null)
    {
        await using var connection = await api.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    /// <summary>
    /// Waits until every transaction that had begun on the server when called has ended. Readers bounded by the oldest
    /// running transaction (the change feed, the event consumers: <c>tx_id &lt; pg_snapshot_xmin(...)</c>) then see every
    /// write made before the call. Transaction ids belong to the whole server, and the other test collections' databases
    /// share it, so their transactions hold that bound back too.
    /// </summary>
    public static async Task SettledAsync(this ApiFactory api)
    {
        await using var connection = await api.OpenAsync();
        var before = await connection.ExecuteScalarAsync<string>("SELECT pg_snapshot_xmax(pg_current_snapshot())::text");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (
            !await connection.ExecuteScalarAsync<bool>(
                "SELECT pg_snapshot_xmin(pg_current_snapshot()) >= @Before::xid8",
                new { Before = before }
            )
        )
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"a transaction begun before {before} is still running after two minutes");
            await Task.Delay(10);
        }
    }

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
