using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Onboarding;

/// <summary>
/// Put a role's onboarding away (it no longer opens at login) or bring it back. Idempotent: dismissing twice keeps the
/// first date; reopening what is open changes nothing. Only for a staff role the caller holds (another: 404, nothing
/// written). A personal preference, not a staff action: no event.
/// </summary>
public static class SetOnboardingDismissed
{
    public sealed record Request([property: JsonRequired] Role Role, [property: JsonRequired] bool Dismissed);

    public sealed record Command(Guid ActorId, Request Body) : ICommand<Response>;

    public sealed record Response(Role Role, bool Dismissed, DateTimeOffset? DismissedAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required")).OverridePropertyName("body");
            RuleFor(c => c.Body.Role)
                .Must(Enum.IsDefined)
                .WithMessage(_ => Messages.Get("onboarding_role"))
                .When(c => c.Body is not null)
                .OverridePropertyName("role");
        }
    }

    public sealed class Handler(CityDb db) : ICommandHandler<Command, Response>
    {
        private const string DismissSql = """
            WITH held AS (SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId AND role = @Role) AS holds),
                 added AS (INSERT INTO onboarding_dismissals (user_id, role)
                           SELECT @ActorId, @Role FROM held WHERE holds
                           ON CONFLICT (user_id, role) DO NOTHING
                           RETURNING dismissed_at)
            SELECT holds,
                   coalesce((SELECT dismissed_at FROM added),
                            (SELECT dismissed_at FROM onboarding_dismissals WHERE user_id = @ActorId AND role = @Role)) AS dismissed_at
              FROM held;
            """;

        private const string ReopenSql = """
            WITH held AS (SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId AND role = @Role) AS holds),
                 removed AS (DELETE FROM onboarding_dismissals
                              WHERE user_id = @ActorId AND role = @Role AND (SELECT holds FROM held))
            SELECT holds, NULL::timestamptz AS dismissed_at FROM held;
            """;

        private sealed record State(bool Holds, DateTime? DismissedAt);

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var state = await connection.QuerySingleAsync<State>(
                new CommandDefinition(
                    c.Body.Dismissed ? DismissSql : ReopenSql,
                    new { c.ActorId, Role = c.Body.Role.ToWire() },
                    cancellationToken: ct
                )
            );
            if (!state.Holds)
                throw new NotFoundException("You do not hold this role.");
            return new Response(c.Body.Role, state.DismissedAt is not null, state.DismissedAt?.AsUtc());
        }
    }

    [EndpointSummary("Put a role's onboarding away (it no longer opens at login), or reopen it. Idempotent.")]
    public static ValueTask<Response> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body), ct);
}
