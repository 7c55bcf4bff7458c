using Participation.Api.Features.Events;

namespace Participation.Api.Features.ApiClients;

/// <summary>
/// An admin or the IT manager renames a client, changes its scopes or its rate limit. Tokens already issued keep the
/// scopes they carry until they expire (minutes); a new limit applies at once.
/// </summary>
public static class UpdateApiClient
{
    public sealed record Request(string Name, string? Description, IReadOnlyList<ClientScope>? Scopes, int? RateLimitPerMinute);

    public sealed record Command(
        Guid ActorId,
        Guid Id,
        string Name,
        string? Description,
        IReadOnlyList<ClientScope>? Scopes,
        int? RateLimitPerMinute
    ) : ICommand<ApiClient>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).RequiredText(ApiClientRules.NameMax).SingleLine();
            RuleFor(c => c.Description).PlainText(ApiClientRules.DescriptionMax);
            RuleFor(c => c.Scopes).ClientScopes();
            RuleFor(c => c.RateLimitPerMinute).RateLimit();
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ApiClient>
    {
        private const string LockSql = """
            SELECT name, description, scopes, rate_limit_per_minute, revoked_at IS NOT NULL AS revoked
              FROM api_clients WHERE id = @Id FOR UPDATE;
            """;

        private const string UpdateSql = """
            UPDATE api_clients SET name = @Name, description = @Description, scopes = @Scopes, rate_limit_per_minute = @RateLimit,
                   updated_at = now()
             WHERE id = @Id;
            """;

        private sealed class Current
        {
            public string Name { get; init; } = "";
            public string Description { get; init; } = "";
            public string[] Scopes { get; init; } = [];
            public int RateLimitPerMinute { get; init; }
            public bool Revoked { get; init; }
        }

        public async ValueTask<ApiClient> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ApiClientRules.EnsureManagerAsync(connection, c.ActorId, tx, ct);
            var current = await connection.QuerySingleOrDefaultAsync<Current>(
                new CommandDefinition(LockSql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            if (current.Revoked)
                throw new ConflictException(Messages.Get("api_client_revoked"));
            var name = c.Name.Trim();
            var description = c.Description?.Trim() ?? "";
            var scopes = ApiClientRules.ToWire(c.Scopes!);
            var rateLimit = c.RateLimitPerMinute ?? current.RateLimitPerMinute;
            var diff = Changes.Of(
                ("name", current.Name, name),
                ("description", current.Description, description),
                ("scopes", current.Scopes, scopes),
                ("rateLimitPerMinute", current.RateLimitPerMinute, rateLimit)
            );
            if (diff is not null)
            {
                try
                {
                    await connection.ExecuteAsync(
                        new CommandDefinition(
                            UpdateSql,
                            new
                            {
                                c.Id,
                                Name = name,
                                Description = description,
                                Scopes = scopes,
                                RateLimit = rateLimit,
                            },
                            tx,
                            cancellationToken: ct
                        )
                    );
                }
                catch (PostgresException ex) when (ex.IsUniqueViolation("api_clients_name"))
                {
                    throw new ConflictException(Messages.Get("api_client_name_taken"), nameof(Command.Name));
                }
                await events.RecordAsync(
                    tx,
                    EventType.ApiClientEdited,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Platform,
                    diff.Before,
                    diff.After,
                    new { name },
                    ct
                );
            }
            var client = await ApiClientReader.ReadOneAsync(connection, c.Id, tx, ct);
            await tx.CommitAsync(ct);
            return client;
        }
    }

    [EndpointSummary("Change an API client's name, description, scopes or rate limit (admin, IT manager).")]
    public static ValueTask<ApiClient> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body.Name, body.Description, body.Scopes, body.RateLimitPerMinute), ct);
}
