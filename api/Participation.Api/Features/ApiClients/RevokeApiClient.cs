using Participation.Api.Features.Events;

namespace Participation.Api.Features.ApiClients;

/// <summary>
/// Revokes a client: its secrets stop working and the tokens it holds are refused from the next request (each request
/// checks the client). Kept, not deleted: the audit log and the delivery log still name it. Revoking twice is harmless.
/// </summary>
public static class RevokeApiClient
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand<ApiClient>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ApiClient>
    {
        private const string LockSql = "SELECT name, revoked_at IS NOT NULL AS revoked FROM api_clients WHERE id = @Id FOR UPDATE;";

        private const string RevokeSql = """
            UPDATE api_clients SET revoked_at = now(), updated_at = now() WHERE id = @Id;
            UPDATE api_client_secrets SET expires_at = now() WHERE client_id = @Id AND (expires_at IS NULL OR expires_at > now());
            """;

        private sealed record Current(string Name, bool Revoked);

        public async ValueTask<ApiClient> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ApiClientRules.EnsureManagerAsync(connection, c.ActorId, tx, ct);
            var current = await connection.QuerySingleOrDefaultAsync<Current>(
                new CommandDefinition(LockSql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            if (!current.Revoked)
            {
                await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { c.Id }, tx, cancellationToken: ct));
                await events.RecordAsync(
                    tx,
                    EventType.ApiClientRevoked,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Platform,
                    data: new { name = current.Name },
                    ct: ct
                );
            }
            var client = await ApiClientReader.ReadOneAsync(connection, c.Id, tx, ct);
            await tx.CommitAsync(ct);
            return client;
        }
    }

    [EndpointSummary("Revoke an API client: its secrets and tokens stop working at once (admin, IT manager).")]
    public static ValueTask<ApiClient> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
