namespace Participation.Api.Features.Operator;

/// <summary>
/// The operator sets the addresses a city answers on (in order: the first one is its links' address). Addresses kept stay
/// as they were; a new one taken by another city is a 409. This instance serves the change at once, the others within
/// seconds (<see cref="CityDirectory"/>).
/// </summary>
public static class UpdateCityDomains
{
    public sealed record Request(IReadOnlyList<string>? Domains);

    public sealed record Command(Guid OperatorId, Guid CityId, IReadOnlyList<string>? Domains) : ICommand<CitySummary>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Domains).Domains();
    }

    public sealed class Handler(PlatformDb db, CityDirectory directory) : ICommandHandler<Command, CitySummary>
    {
        private const string Lock = """
            SELECT (SELECT array_agg(host ORDER BY position, host) FROM city_domains WHERE city_id = c.id) AS domains
              FROM cities c WHERE c.id = @CityId FOR UPDATE;
            """;

        private const string Taken = "SELECT host FROM city_domains WHERE host = ANY (@Domains) AND city_id <> @CityId ORDER BY host;";

        // The addresses in the order given: the kept ones keep their row, only their rank may change.
        private const string Replace = """
            DELETE FROM city_domains WHERE city_id = @CityId AND host <> ALL (@Domains);
            INSERT INTO city_domains (host, city_id, position)
            SELECT d.host, @CityId, d.position FROM unnest(@Domains::text[]) WITH ORDINALITY AS d (host, position)
            ON CONFLICT (host) DO UPDATE SET position = EXCLUDED.position WHERE city_domains.city_id = EXCLUDED.city_id;
            """;

        private sealed class Before
        {
            public string[]? Domains { get; init; }
        }

        public async ValueTask<CitySummary> Handle(Command c, CancellationToken ct)
        {
            var domains = CityRules.Normalize(c.Domains).ToArray();
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var before = await connection.QuerySingleOrDefaultAsync<Before>(new CommandDefinition(Lock, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException();
            var taken = (
                await connection.QueryAsync<string>(
                    new CommandDefinition(Taken, new { c.CityId, Domains = domains }, tx, cancellationToken: ct)
                )
            ).AsList();
            if (taken.Count > 0)
                throw new ConflictException($"Another city answers on {string.Join(", ", taken)}.", "domains");
            try
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(Replace, new { c.CityId, Domains = domains }, tx, cancellationToken: ct)
                );
            }
            catch (PostgresException ex) when (ex.IsUniqueViolation("city_domains_pkey"))
            {
                throw new ConflictException("Another city answers on one of these addresses.", "domains");
            }
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                "city.domains_changed",
                c.CityId,
                new { Before = before.Domains ?? [], After = domains },
                ct
            );
            await tx.CommitAsync(ct);
            directory.Invalidate();
            return (await CityHealthQuery.ReadAsync(connection, c.CityId, ct)).Single();
        }
    }

    [EndpointSummary("Set the addresses a city answers on (the first one is its links' address).")]
    public static ValueTask<CitySummary> Endpoint(Guid id, Request body, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, id, body.Domains), ct);
}
