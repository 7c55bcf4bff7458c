using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Platform;

/// <summary>
/// An admin sets the retention of inactive accounts: after how many months without a sign-in (12 to 120) a resident's
/// account is deleted, after an e-mail warning 30 days before (see <see cref="PersonalData.AccountRetentionJob"/>); null
/// turns it off (the default). Staff accounts are never deleted by it. Audited as
/// <c>platform.account_retention_changed</c> with the months before and after; a save that changes nothing records nothing.
/// Kept apart from the other settings' save, so that a client that does not know this setting never turns it off.
/// </summary>
public static class SetAccountRetention
{
    public const int MinMonths = 12;
    public const int MaxMonths = 120;

    /// <summary><c>inactiveAccountRetentionMonths</c>: 12 to 120, or null for "never delete inactive accounts".</summary>
    public sealed record Request(int? InactiveAccountRetentionMonths);

    /// <summary>The retention now in force (null: off).</summary>
    public sealed record Response(int? InactiveAccountRetentionMonths);

    public sealed record Command(Guid ActorId, int? Months) : ICommand<Response>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Months)
                .InclusiveBetween(MinMonths, MaxMonths)
                .WithMessage(_ => Messages.Get("retention_months", MinMonths, MaxMonths))
                .OverridePropertyName("inactiveAccountRetentionMonths");
    }

    public sealed class Handler(CityDb db, EventRecorder events, PlatformSettingsStore store) : ICommandHandler<Command, Response>
    {
        private const string Lock = "SELECT inactive_account_retention_months FROM platform_settings WHERE id = 1 FOR UPDATE;";

        private const string Sql = """
            UPDATE platform_settings SET inactive_account_retention_months = @Months, updated_by = @ActorId, updated_at = now()
             WHERE id = 1;
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            var before = await connection.QuerySingleAsync<int?>(new CommandDefinition(Lock, transaction: tx, cancellationToken: ct));
            if (before == c.Months)
                return new Response(before);
            await connection.ExecuteAsync(new CommandDefinition(Sql, c, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.PlatformAccountRetentionChanged,
                Actor.User(c.ActorId),
                "platform",
                Scope.Platform,
                new { inactiveAccountRetentionMonths = before },
                new { inactiveAccountRetentionMonths = c.Months },
                null,
                ct
            );
            await tx.CommitAsync(ct);
            store.Invalidate();
            return new Response(c.Months);
        }
    }

    [EndpointSummary(
        "Set the retention of inactive accounts: months without a sign-in before deletion, or null for off (admins; audited)."
    )]
    public static ValueTask<Response> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body.InactiveAccountRetentionMonths), ct);
}
