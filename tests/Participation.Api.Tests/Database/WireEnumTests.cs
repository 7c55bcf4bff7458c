using System.Text.Json;
using Dapper;
using Participation.Api.Features.Ideas;
using Participation.Api.Infrastructure.Enums;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Database;

/// <summary>Enums travel by their wire names in JSON and in the database's text columns, both ways.</summary>
public sealed class WireEnumTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Dapper_sends_a_bare_enum_as_its_number_so_handlers_pass_wire_names()
    {
        // Dapper 2.1 converts an enum parameter to its integer before any type handler sees it, and cannot read
        // snake_case text into an enum: SQL parameters take value.ToWire() and rows keep text, parsed at the edge.
        await using var connection = await Api.OpenAsync();
        Assert.Equal(
            "2",
            await connection.ExecuteScalarAsync<string>("SELECT @Status::text", new { Status = IdeaStatus.UnderConsideration })
        );
        Assert.Equal(
            "under_consideration",
            await connection.ExecuteScalarAsync<string>("SELECT @Status::text", new { Status = IdeaStatus.UnderConsideration.ToWire() })
        );
    }

    [Fact]
    public async Task An_enum_is_stored_as_its_wire_name_and_read_back()
    {
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            "CREATE TEMP TABLE wire (status text NOT NULL CHECK (status IN ('prescreening', 'proposed', 'under_consideration', "
                + "'accepted', 'rejected', 'implemented')))"
        );

        foreach (var status in Enum.GetValues<IdeaStatus>())
            await connection.ExecuteAsync("INSERT INTO wire (status) VALUES (@Status)", new { Status = status.ToWire() });

        Assert.Equal(
            ["prescreening", "proposed", "under_consideration", "accepted", "rejected", "implemented"],
            await connection.QueryAsync<string>("SELECT status FROM wire")
        );
        Assert.Equal(
            Enum.GetValues<IdeaStatus>(),
            (await connection.QueryAsync<string>("SELECT status FROM wire")).Select(WireEnum.Parse<IdeaStatus>)
        );
        Assert.Equal(
            2,
            await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM wire WHERE status = ANY(@Statuses)",
                new
                {
                    Statuses = IdeaStatuses
                        .Public.Where(s => s is IdeaStatus.Accepted or IdeaStatus.Rejected)
                        .Select(s => s.ToWire())
                        .ToArray(),
                }
            )
        );
    }

    [Fact]
    public void Every_wire_name_round_trips_through_json()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        foreach (var status in Enum.GetValues<IdeaStatus>())
        {
            var json = JsonSerializer.Serialize(status, options);
            Assert.Equal($"\"{status.ToWire()}\"", json);
            Assert.Equal(status, JsonSerializer.Deserialize<IdeaStatus>(json, options));
        }
        Assert.Equal("\"under_consideration\"", JsonSerializer.Serialize(IdeaStatus.UnderConsideration, options));
        Assert.Equal(WireEnum<IdeaStatus>.Unknown, JsonSerializer.Deserialize<IdeaStatus>("\"bogus\"", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IdeaStatus>("3", options));
        Assert.Null(JsonSerializer.Deserialize<IdeaStatus?>("null", options));
    }
}
