namespace Participation.Api.Features.Operator;

/// <summary>
/// The operator suspends a city (its addresses answer 503, its background work stops), reactivates it, or archives it
/// (its addresses answer 404; final). An impossible change (reactivating an archived city, suspending a suspended one) is
/// a 409. This instance applies it at once, the others within seconds (<see cref="CityDirectory"/>).
/// </summary>
public static class ChangeCityStatus
{
    public sealed record Command(Guid OperatorId, Guid CityId, CityStatus To) : ICommand<CitySummary>;

    public sealed class Handler(PlatformDb db, CityDirectory directory) : ICommandHandler<Command, CitySummary>
    {
        private const string Lock = "SELECT status FROM cities WHERE id = @CityId FOR UPDATE;";

        private const string Change = "UPDATE cities SET status = @To, status_at = now() WHERE id = @CityId;";

        private static bool Allowed(CityStatus from, CityStatus to) =>
            (from, to) switch
            {
                (CityStatus.Active, CityStatus.Suspended) => true,
                (CityStatus.Suspended, CityStatus.Active) => true,
                (CityStatus.Active or CityStatus.Suspended, CityStatus.Archived) => true,
                _ => false,
            };

        public async ValueTask<CitySummary> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var from = (
                await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Lock, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException()
            ).ToEnum<CityStatus>();
            if (!Allowed(from, c.To))
                throw new ConflictException($"A city that is {from.ToWire()} cannot become {c.To.ToWire()}.", "status");
            await connection.ExecuteAsync(new CommandDefinition(Change, new { c.CityId, To = c.To.ToWire() }, tx, cancellationToken: ct));
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                c.To switch
                {
                    CityStatus.Suspended => "city.suspended",
                    CityStatus.Archived => "city.archived",
                    _ => "city.reactivated",
                },
                c.CityId,
                new { From = from.ToWire(), To = c.To.ToWire() },
                ct
            );
            await tx.CommitAsync(ct);
            directory.Invalidate();
            return (await CityHealthQuery.ReadAsync(connection, c.CityId, ct)).Single();
        }
    }

    [EndpointSummary("Suspend a city: its addresses answer 503 until it is reactivated.")]
    public static ValueTask<CitySummary> Suspend(Guid id, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, id, CityStatus.Suspended), ct);

    [EndpointSummary("Reactivate a suspended city.")]
    public static ValueTask<CitySummary> Reactivate(Guid id, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, id, CityStatus.Active), ct);

    [EndpointSummary("Archive a city (final): its addresses answer 404.")]
    public static ValueTask<CitySummary> Archive(Guid id, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, id, CityStatus.Archived), ct);
}
