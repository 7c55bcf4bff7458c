namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// The operator or support person calling the console, bound once from the validated operator token (as
/// <see cref="Caller"/> is for a city's people): console endpoints take it instead of reading claims.
/// </summary>
public sealed class OperatorCaller
{
    private OperatorCaller(Guid operatorId) => OperatorId = operatorId;

    /// <summary>The operator's id; only on endpoints that require an operator policy.</summary>
    public Guid OperatorId { get; }

    /// <summary>Minimal APIs' binding: from the request's authenticated principal.</summary>
    public static ValueTask<OperatorCaller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<OperatorCaller?>(new OperatorCaller(OperatorTokens.OperatorId(context.User)));
}
