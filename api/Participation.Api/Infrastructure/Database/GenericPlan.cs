namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// Runs a keyset-list statement with the plan PostgreSQL cached for it instead of planning it again on every call.
/// </summary>
/// <remarks>
/// Npgsql prepares the API's statements (auto-prepare), but PostgreSQL keeps re-planning a prepared list statement:
/// for <c>LIMIT $n</c> its generic plan is costed as if 10 % of the rows were read, so the custom plans always look
/// cheaper, and each call paid about 1 ms of planning for a plan of the same shape (the sort's index walked from the
/// cursor, whatever the parameters). The statement is therefore sent between <c>SET plan_cache_mode =
/// force_generic_plan</c> and <c>RESET plan_cache_mode</c> in the same round trip: the three run in one implicit
/// transaction (one Sync), so when the list fails the setting is rolled back with it and the pooled connection is
/// left as it was either way. Only for statements whose best plan does not depend on the parameters' values.
/// </remarks>
public static class GenericPlan
{
    public static string Wrap(string statement) =>
        "SET plan_cache_mode = force_generic_plan;\n" + statement.TrimEnd().TrimEnd(';') + ";\nRESET plan_cache_mode;";
}
