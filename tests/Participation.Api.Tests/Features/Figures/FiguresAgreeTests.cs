using System.Net;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Features.Exports;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Figures;

/// <summary>
/// One figure, one value: for the same scope and period, the dashboard, the figures endpoint and the exports (their rows
/// counted) agree, because they all read the same definitions.
/// </summary>
public sealed class FiguresAgreeTests(ApiFactory api) : ApiTest(api)
{
    // Days in platform time (Europe/Brussels): 2030-01-01 00:00 there is 2029-12-31 23:00 UTC; the period's end is the
    // start of the day after "to".
    private const string FromDay = "2030-01-01";
    private const string ToDay = "2031-12-31";
    private const string FromInstant = "2029-12-31T23:00:00Z";
    private const string ToInstant = "2031-12-31T23:00:00Z";

    private static decimal Value(JsonNode answer, string key) =>
        answer["figures"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == key)!["value"]!.GetValue<decimal>();

    [Fact]
    public async Task The_dashboard_the_figures_endpoint_and_the_exports_count_the_same_for_a_scope_and_period()
    {
        var city = await ExportCity.CreateAsync(Api);
        var official = await ExportCity.NewOfficialAsync(Api, city.D1);
        var query = $"scopeType=department&scopeId={city.D1}&from={FromDay}&to={ToDay}";

        var dashboardResponse = await official.GetAsync($"/api/v1/dashboard?{query}");
        Assert.Equal(HttpStatusCode.OK, dashboardResponse.StatusCode);
        var dashboard = await dashboardResponse.ReadJsonAsync();
        var figuresResponse = await city.C.Admin.GetAsync($"/api/v1/figures?{query}");
        Assert.Equal(HttpStatusCode.OK, figuresResponse.StatusCode);
        var figures = await figuresResponse.ReadJsonAsync();
        Assert.Equal(figures["figures"]!.ToJsonString(), dashboard["figures"]!.ToJsonString());

        async Task<int> RowsAsync(string kind)
        {
            var rows = await city.ExportAsync(city.C.Admin, ExportCity.Body(kind, "csv", "department", city.D1, FromInstant, ToInstant));
            return rows.Count - 1; // the header
        }

        Assert.Equal(Value(dashboard, "ideas"), await RowsAsync("ideas"));
        Assert.Equal(Value(dashboard, "comments"), await RowsAsync("comments"));
        Assert.Equal(Value(dashboard, "reactions"), await RowsAsync("reactions"));
        Assert.Equal(Value(dashboard, "votes"), await RowsAsync("votes"));
        Assert.Equal(Value(dashboard, "survey_responses"), await RowsAsync("survey_responses"));
        Assert.Equal(Value(dashboard, "participants"), await RowsAsync("participants"));
        // Something to compare: the city has activity of every kind in D1 during the period.
        Assert.All(new[] { "ideas", "comments", "reactions", "votes", "participants" }, key => Assert.True(Value(dashboard, key) > 0, key));
    }
}
