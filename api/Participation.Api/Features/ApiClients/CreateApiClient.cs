using Participation.Api.Features.Events;

namespace Participation.Api.Features.ApiClients;

/// <summary>
/// An admin or the IT manager creates an API client with its scopes; the answer carries its secret, shown this once
/// (only its digest is kept).
/// </summary>
public static class CreateApiClient
{
    /// <param name="RateLimitPerMinute">Requests per minute (600 when not given).</param>
    public sealed record Request(string Name, string? Description, IReadOnlyList<ClientScope>? Scopes, int? RateLimitPerMinute);

    public sealed record Command(
        Guid ActorId,
        string Name,
        string? Description,
        IReadOnlyList<ClientScope>? Scopes,
        int? RateLimitPerMinute
    ) : ICommand<CreatedClient>;

    /// <param name="ClientId">The client_id to send to the token endpoint.</param>
    /// <param name="ClientSecret">The client_secret: shown once, never again (a new one needs a rotation).</param>
    public sealed record CreatedClient(ApiClient Client, string ClientId, string ClientSecret);

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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, CreatedClient>
    {
        private const string Sql = """
            INSERT INTO api_clients (id, name, description, scopes, rate_limit_per_minute, created_by)
            VALUES (@Id, @Name, @Description, @Scopes, @RateLimit, @ActorId);
            INSERT INTO api_client_secrets (id, client_id, hash, hint, created_by) VALUES (@SecretId, @Id, @Hash, @Hint, @ActorId);
            """;

        public async ValueTask<CreatedClient> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ApiClientRules.EnsureManagerAsync(connection, c.ActorId, tx, ct);
            var id = Guid.CreateVersion7();
            var (secret, hash, hint) = ApiClientRules.NewSecret();
            var name = c.Name.Trim();
            var scopes = ApiClientRules.ToWire(c.Scopes!);
            var rateLimit = c.RateLimitPerMinute ?? ApiClientRules.DefaultRateLimit;
            try
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            Id = id,
                            Name = name,
                            Description = c.Description?.Trim() ?? "",
                            Scopes = scopes,
                            RateLimit = rateLimit,
                            c.ActorId,
                            SecretId = Guid.CreateVersion7(),
                            Hash = hash,
                            Hint = hint,
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
                EventType.ApiClientCreated,
                Actor.User(c.ActorId),
                id,
                Scope.Platform,
                after: new
                {
                    name,
                    scopes,
                    rateLimitPerMinute = rateLimit,
                },
                data: new { name },
                ct: ct
            );
            var client = await ApiClientReader.ReadOneAsync(connection, id, tx, ct);
            await tx.CommitAsync(ct);
            return new CreatedClient(client, id.ToString(), secret);
        }
    }

    [EndpointSummary("Create an API client; the answer shows its secret once (admin, IT manager).")]
    public static async Task<Created<CreatedClient>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new Command(caller.UserId, body.Name, body.Description, body.Scopes, body.RateLimitPerMinute), ct);
        return TypedResults.Created($"/api/v1/api-clients/{created.Client.Id}", created);
    }
}
