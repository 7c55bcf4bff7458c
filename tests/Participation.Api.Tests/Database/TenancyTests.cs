using Dapper;
using Npgsql;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Database;

/// <summary>Every table a city owns is guarded by row-level security (migration 0040), including tables added later: a
/// migration that adds a table must give it city_id and the city policy. The platform's own tables (the vendor's console:
/// operators and their audit) are out of the API role's reach altogether.</summary>
public sealed class TenancyTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] PlatformTables =
    [
        "schemaversions",
        "cities",
        "city_domains",
        "rate_limit_counters",
        "operators",
        "operator_audit",
        "operator_invitations",
        "platform_email_outbox",
    ];

    [Fact]
    public async Task Every_city_table_has_its_city_column_row_level_security_and_the_city_policy()
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        var tables = (
            await connection.QueryAsync<(string Name, bool Secured, bool HasCity, bool HasPolicy)>(
                """
                SELECT c.relname, c.relrowsecurity,
                       EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'city_id' AND a.attnotnull),
                       EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'city'
                                AND p.qual = '(city_id = current_city())' AND p.with_check = '(city_id = current_city())')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                """
            )
        ).AsList();

        Assert.True(tables.Count > 70);
        var unguarded = tables
            .Where(t => !PlatformTables.Contains(t.Name) && !(t.Secured && t.HasCity && t.HasPolicy))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(unguarded);
    }

    [Fact]
    public async Task Every_view_reads_as_its_reader_so_that_the_city_policy_applies_through_it()
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        var views = (
            await connection.QueryAsync<(string Name, bool Invoker)>(
                """
                SELECT c.relname, coalesce('security_invoker=true' = ANY (c.reloptions), false)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')
                """
            )
        ).AsList();

        Assert.NotEmpty(views);
        Assert.Empty(views.Where(v => !v.Invoker).Select(v => v.Name)); // a materialized view has no row-level security: none may exist
    }

    [Fact]
    public async Task The_API_role_cannot_bypass_row_level_security_nor_own_a_table()
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        var role = await connection.QuerySingleAsync<(bool Super, bool Bypass)>(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'participation_app'"
        );
        var owned = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'participation_app'"
        );

        Assert.False(role.Super);
        Assert.False(role.Bypass);
        Assert.Equal(0, owned);
    }

    [Fact]
    public async Task The_API_role_cannot_reach_the_operators_tables()
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        var reachable = await connection.ExecuteScalarAsync<bool>(
            """
            SELECT bool_or(has_table_privilege('participation_app', t, p))
              FROM unnest(ARRAY['operators', 'operator_audit', 'operator_invitations', 'platform_email_outbox']) t,
                   unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) p
            """
        );

        Assert.False(reachable);
    }
}
