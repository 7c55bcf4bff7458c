namespace Participation.Api.Features.Operator;

/// <summary>Who is signed in to the console (the operator token's person).</summary>
public static class GetOperatorMe
{
    public sealed record Query(Guid OperatorId) : IQuery<OperatorProfile>;

    public sealed class Handler(PlatformDb db) : IQueryHandler<Query, OperatorProfile>
    {
        private const string Sql = """
            SELECT id, email, display_name, role, password_change_required FROM operators
             WHERE id = @OperatorId AND disabled_at IS NULL;
            """;

        private sealed record Row(Guid Id, string Email, string DisplayName, string Role, bool PasswordChangeRequired);

        public async ValueTask<OperatorProfile> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, q, cancellationToken: ct))
                ?? throw new NotFoundException();
            return new OperatorProfile(row.Id, row.Email, row.DisplayName, row.Role.ToEnum<OperatorRole>(), row.PasswordChangeRequired);
        }
    }

    [EndpointSummary("The operator or support person signed in to the console.")]
    public static ValueTask<OperatorProfile> Endpoint(OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.Id), ct);
}
