using Dapper;
using Npgsql;
using NpgsqlTypes;
using Participation.Api.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Phases;

/// <summary>
/// The statement a vote or a basket change reads first: the idea and the action policy of its project's current phase in
/// one statement and one row, taking no project or phase parameter, and planned once (PostgreSQL keeps its generic plan).
/// What it decides is covered by the vote and basket tests.
/// </summary>
public sealed class ActionPolicyForIdeaTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public void The_statement_for_an_idea_reads_it_with_its_project_and_current_phase_in_one_statement()
    {
        var sql = IdeaAccess.ForActionSql;
        Assert.Contains("FROM ideas i JOIN projects p ON p.id = i.project_id", sql, StringComparison.Ordinal);
        Assert.Contains("AND x.starts_at <= now() AND (x.ends_at IS NULL OR x.ends_at > now())", sql, StringComparison.Ordinal);
        Assert.EndsWith("WHERE i.id = @IdeaId;", sql, StringComparison.Ordinal);
        Assert.Single(sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("@PhaseId", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("@ProjectId", sql, StringComparison.Ordinal);
        // The policy's part starts at the only column named "status" (where the row is split between the two types).
        Assert.Single(sql.Split(','), c => c.Trim() == "p.status" || c.Trim().EndsWith(" AS status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_statement_for_an_idea_is_planned_once_and_its_plan_kept()
    {
        var ideaId = await Api.ScalarAsync<Guid?>("SELECT id FROM ideas LIMIT 1") ?? Guid.NewGuid();
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(Api.ConnectionString) { Pooling = false }.ConnectionString
        );
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(IdeaAccess.ForActionSql, connection);
        command.Parameters.Add(new NpgsqlParameter("ActorId", NpgsqlDbType.Uuid) { Value = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter("IdeaId", NpgsqlDbType.Uuid) { Value = ideaId });
        await command.PrepareAsync();
        for (var i = 0; i < 8; i++)
        {
            command.Parameters[0].Value = Guid.NewGuid();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        }
        var generic = await connection.ExecuteScalarAsync<long>("SELECT generic_plans FROM pg_prepared_statements WHERE NOT from_sql;");
        Assert.True(generic >= 3, $"{generic} generic plans in 8 executions");
    }
}
