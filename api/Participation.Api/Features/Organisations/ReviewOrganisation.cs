using System.Text.Json.Serialization;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Organisations;

/// <summary>An admin verifies or rejects an organisation (with a reason); the owner is told by e-mail.</summary>
public static class ReviewOrganisation
{
    public sealed record Request([property: JsonRequired] OrganisationDecision Decision, string? Reason);

    public sealed record Command(Guid ActorId, Guid Id, OrganisationDecision Decision, string? Reason) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).IsInEnum().WithMessage(_ => Messages.Get("one_of_verify_reject"));
            RuleFor(c => c.Reason)
                .NotEmpty()
                .When(c => c.Decision == OrganisationDecision.Reject)
                .WithMessage(_ => Messages.Get("required"));
            RuleFor(c => c.Reason).PlainText(1000);
        }
    }

    public sealed class Handler(CityDb db, EmailTemplates templates, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH reviewed AS (
                UPDATE organisations o SET status = @Status, status_reason = @Reason, reviewed_by = @ActorId, reviewed_at = now(),
                       updated_at = now()
                  FROM (SELECT id, status FROM organisations WHERE id = @Id FOR UPDATE) old
                 WHERE o.id = old.id
                RETURNING o.id, o.name, old.status AS previous_status)
            SELECT r.name, r.previous_status, u.email, u.first_name, u.locale, (SELECT name FROM platform_settings) AS platform_name
              FROM reviewed r
              LEFT JOIN organisation_members m ON m.organisation_id = r.id AND m.role = 'owner'
              LEFT JOIN users u ON u.id = m.user_id;
            """;

        private sealed record Row(
            string Name,
            string PreviousStatus,
            string? Email,
            string? FirstName,
            string? Locale,
            string PlatformName
        );

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, tx, ct))
                throw new ForbiddenException();
            var verified = c.Decision == OrganisationDecision.Verify;
            var status = verified ? OrganisationStatus.Verified : OrganisationStatus.Rejected;
            var reason = verified ? null : c.Reason!.Trim();
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            c.Id,
                            c.ActorId,
                            Status = status.ToWire(),
                            Reason = reason,
                        },
                        tx,
                        cancellationToken: ct
                    )
                )
            ).AsList();
            if (rows.Count == 0)
                throw new NotFoundException("No such organisation.");
            await events.RecordAsync(
                tx,
                verified ? EventType.OrganisationVerified : EventType.OrganisationRejected,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                before: new { status = rows[0].PreviousStatus.ToEnum<OrganisationStatus>() },
                after: new { status },
                data: new { reason },
                ct
            );
            foreach (var owner in rows.Where(r => r.Email is not null))
                await Outbox.EnqueueAsync(
                    connection,
                    tx,
                    templates.OrganisationReviewed(
                        owner.Locale!,
                        owner.Email!,
                        owner.FirstName!,
                        owner.PlatformName,
                        owner.Name,
                        verified,
                        c.Reason?.Trim(),
                        c.Id
                    ),
                    ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Verify or reject an organisation (admin).")]
    public static async Task<GetOrganisation.Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, body.Decision, body.Reason), ct);
        return await sender.Send(new GetOrganisation.Query(caller.UserId, id), ct);
    }
}
