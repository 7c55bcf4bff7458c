namespace Participation.Api.Features.Operator;

/// <summary>The vendor's people (operators and support staff), enabled first, then by name; for operators only.</summary>
public static class ListOperators
{
    public sealed record Query : IQuery<Response>;

    public sealed record Response(IReadOnlyList<OperatorAccount> Items);

    public sealed class Handler(PlatformDb db) : IQueryHandler<Query, Response>
    {
        // The vendor's own staff: a few dozen people at most, one page.
        private const string Sql = OperatorAccounts.Select + " ORDER BY o.disabled_at IS NOT NULL, o.display_name, o.email;";

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = await connection.QueryAsync<OperatorAccounts.Row>(new CommandDefinition(Sql, cancellationToken: ct));
            return new Response(rows.Select(r => r.ToAccount()).ToList());
        }
    }

    [EndpointSummary("The console's people (operators and support staff), with their role and state (invited, active, disabled).")]
    public static ValueTask<Response> Endpoint(ISender sender, CancellationToken ct) => sender.Send(new Query(), ct);
}
