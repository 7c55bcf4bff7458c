using System.Text.Json.Serialization;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Consents;

/// <summary>
/// A signed-in person accepts the current terms of use, naming the version they read: an older one is refused (409), so
/// nobody accepts text they were not shown. Accepting the version already accepted records nothing.
/// </summary>
public static class AcceptTerms
{
    public sealed record Request([property: JsonRequired] string Version);

    public sealed record Command(Guid ActorId, string Version) : ICommand<GetMyConsents.Response>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Version).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => Messages.Get("required")).TermsVersion();
    }

    public sealed class Handler(CityDb db, EventRecorder events, ISender sender) : ICommandHandler<Command, GetMyConsents.Response>
    {
        // The person's row is locked first, then their latest acceptance read (a statement of its own, so it sees what a
        // parallel acceptance committed while this one waited): two tabs accepting at once add one row.
        private const string LockSql = "SELECT 1 FROM users WHERE id = @ActorId FOR UPDATE;";
        private const string LatestSql = """
            SELECT terms_version FROM consents WHERE user_id = @ActorId AND kind = 'terms' ORDER BY recorded_at DESC, id DESC LIMIT 1;
            """;

        public async ValueTask<GetMyConsents.Response> Handle(Command c, CancellationToken ct)
        {
            await using (var connection = await db.OpenConnectionAsync(ct))
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await RecordAsync(tx, events, c.ActorId, c.Version.Trim(), ConsentSource.Banner, ct);
                await tx.CommitAsync(ct);
            }
            return await sender.Send(new GetMyConsents.Query(c.ActorId), ct);
        }

        /// <summary>Records the acceptance of <paramref name="version"/> (which must be the current one) unless it is
        /// the person's latest already; shared with the registration.</summary>
        internal static async Task RecordAsync(
            NpgsqlTransaction tx,
            EventRecorder events,
            Guid userId,
            string version,
            string source,
            CancellationToken ct,
            string field = "version"
        )
        {
            var connection = tx.Connection!;
            var current = await ConsentRecords.CurrentTermsVersionAsync(connection, tx, ct);
            if (version != current)
                throw new ConflictException(Messages.Get("terms_version_outdated"), field);
            await connection.ExecuteAsync(new CommandDefinition(LockSql, new { ActorId = userId }, tx, cancellationToken: ct));
            var latest = await connection.QuerySingleOrDefaultAsync<string?>(
                new CommandDefinition(LatestSql, new { ActorId = userId }, tx, cancellationToken: ct)
            );
            if (latest == current)
                return;
            await ConsentRecords.TermsAsync(tx, userId, current, source, ct);
            await events.RecordAsync(
                tx,
                EventType.TermsAccepted,
                Actor.User(userId),
                userId,
                Scope.Platform,
                after: new { version = current },
                data: new { source },
                ct: ct
            );
        }
    }

    [EndpointSummary("Accept the current version of the terms of use (the version you read).")]
    public static ValueTask<GetMyConsents.Response> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body.Version), ct);
}
