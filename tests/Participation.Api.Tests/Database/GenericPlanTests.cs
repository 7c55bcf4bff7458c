using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Database;

/// <summary>A list statement runs with its cached generic plan, and the pooled connection is left as it was.</summary>
public sealed class GenericPlanTests(ApiFactory api) : ApiTest(api)
{
    private const string Setting = "SELECT current_setting('plan_cache_mode')";

    [Fact]
    public async Task The_statement_sees_the_generic_plan_mode_and_the_connection_gets_its_own_back()
    {
        await using var connection = await Api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();

        var during = await connection.QuerySingleAsync<string>(GenericPlan.Wrap(Setting));
        var after = await connection.QuerySingleAsync<string>(Setting);

        Assert.Equal("force_generic_plan", during);
        Assert.Equal("auto", after);
    }

    [Fact]
    public async Task A_failing_statement_rolls_the_setting_back_with_it()
    {
        await using var connection = await Api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();

        var failure = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.QueryAsync<int>(GenericPlan.Wrap("SELECT 1 / (SELECT count(*) FROM users WHERE false)::int"))
        );

        Assert.Equal(PostgresErrorCodes.DivisionByZero, failure.SqlState);
        Assert.Equal("auto", await connection.QuerySingleAsync<string>(Setting));
    }

    [Fact]
    public async Task The_list_of_ideas_keeps_one_generic_plan_per_connection()
    {
        await using var connection = await Api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var user = await Api.CreateUserAsync(email: "plans@example.org");
        var statement = Participation.Api.Features.Ideas.ListIdeas.Handler.Statement(
            "trending",
            Participation.Api.Features.Ideas.ListIdeas.Handler.Conditions.None
        );
        for (var i = 0; i < 8; i++)
            await connection.QueryAsync(
                statement,
                new
                {
                    ProjectId = Guid.NewGuid(),
                    ActorId = user.Id,
                    Lang = "fr",
                    Take = 21,
                }
            );

        var plans = await connection.QuerySingleAsync<(long Generic, long Custom)>(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%ORDER BY i.trending_score DESC%'"
        );
        Assert.True(plans.Generic >= 6, $"generic plans: {plans.Generic}, custom: {plans.Custom}");
        Assert.Equal(0, plans.Custom);
    }
}
