using Participation.Api.Features.Events;

namespace Participation.Api.Features.ApiClients;

/// <summary>
/// A new secret for a client, shown once. The secrets it had stay valid for the overlap window (24 hours unless said
/// otherwise; 0 ends them now, as after a leak), so the integration switches without downtime; then they stop working,
/// with the tokens issued with them.
/// </summary>
public static class RotateApiClientSecret
{
    /// <param name="OverlapHours">How long the previous secrets keep working: 0 to 168 hours, 24 when not given.</param>
    public sealed record Request(int? OverlapHours);

    public sealed record Command(Guid ActorId, Guid Id, int? OverlapHours) : ICommand<Rotated>;

    /// <param name="ClientSecret">The new client_secret: shown once, never again.</param>
    /// <param name="PreviousSecretsExpireAt">When the secrets the client had stop working.</param>
    public sealed record Rotated(ApiClient Client, string ClientId, string ClientSecret, DateTimeOffset PreviousSecretsExpireAt);

    public const int DefaultOverlapHours = 24;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.OverlapHours)
                .Must(h => h is null or >= 0 and <= ApiClientRules.MaxOverlapHours)
                .WithMessage(_ => Messages.Get("api_client_overlap"));
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Rotated>
    {
        private const string LockSql = "SELECT name, revoked_at IS NOT NULL AS revoked FROM api_clients WHERE id = @Id FOR UPDATE;";

        // The previous secrets end at the overlap's end, or earlier when they already had an earlier end.
        private const string RotateSql = """
            UPDATE api_client_secrets SET expires_at = least(coalesce(expires_at, 'infinity'), now() + make_interval(hours => @Hours))
             WHERE client_id = @Id;
            INSERT INTO api_client_secrets (id, client_id, hash, hint, created_by) VALUES (@SecretId, @Id, @Hash, @Hint, @ActorId);
            UPDATE api_clients SET updated_at = now() WHERE id = @Id;
            SELECT now() + make_interval(hours => @Hours);
            """;

        private sealed record Current(string Name, bool Revoked);

        public async ValueTask<Rotated> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ApiClientRules.EnsureManagerAsync(connection, c.ActorId, tx, ct);
            var current = await connection.QuerySingleOrDefaultAsync<Current>(
                new CommandDefinition(LockSql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            if (current.Revoked)
                throw new ConflictException(Messages.Get("api_client_revoked"));
            var hours = c.OverlapHours ?? DefaultOverlapHours;
            var (secret, hash, hint) = ApiClientRules.NewSecret();
            var secretId = Guid.CreateVersion7();
            var previousEnd = await connection.ExecuteScalarAsync<DateTime>(
                new CommandDefinition(
                    RotateSql,
                    new
                    {
                        c.Id,
                        Hours = hours,
                        SecretId = secretId,
                        Hash = hash,
                        Hint = hint,
                        c.ActorId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await events.RecordAsync(
                tx,
                EventType.ApiClientSecretRotated,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                data: new
                {
                    name = current.Name,
                    secretId,
                    overlapHours = hours,
                },
                ct: ct
            );
            var client = await ApiClientReader.ReadOneAsync(connection, c.Id, tx, ct);
            await tx.CommitAsync(ct);
            return new Rotated(client, c.Id.ToString(), secret, previousEnd.AsUtc());
        }
    }

    [EndpointSummary("Give an API client a new secret, shown once; the previous ones work until the overlap ends (admin, IT manager).")]
    public static ValueTask<Rotated> Endpoint(Guid id, Request? body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body?.OverlapHours), ct);
}
