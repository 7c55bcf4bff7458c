using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

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
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Decision == OrganisationDecision.Reject).WithMessage(_ => Messages.Get("required"));
            RuleFor(c => c.Reason).PlainText(1000);
        }
    }

    public sealed class Handler(NpgsqlDataSource db, EmailTemplates templates) : ICommandHandler<Command>
    {
        private const string Sql = """
            WITH reviewed AS (
                UPDATE organisations SET status = @Status, status_reason = @Reason, reviewed_by = @ActorId, reviewed_at = now(), updated_at = now()
                 WHERE id = @Id
                RETURNING id, name),
            audited AS (
                INSERT INTO audit_log (actor_id, action, target_type, target_id, data)
                SELECT @ActorId, 'organisation.' || @Status, 'organisation', id::text, jsonb_build_object('reason', @Reason) FROM reviewed)
            SELECT r.name, u.email, u.first_name, u.locale, (SELECT name FROM platform_settings) AS platform_name
              FROM reviewed r
              LEFT JOIN organisation_members m ON m.organisation_id = r.id AND m.role = 'owner'
              LEFT JOIN users u ON u.id = m.user_id;
            """;

        private sealed record Row(string Name, string? Email, string? FirstName, string? Locale, string PlatformName);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, tx, ct)) throw new ForbiddenException();
            var verified = c.Decision == OrganisationDecision.Verify;
                var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new
                {
                    c.Id, c.ActorId, Status = (verified ? OrganisationStatus.Verified : OrganisationStatus.Rejected).ToWire(), Reason = verified ? null : c.Reason!.Trim(),
                }, tx, cancellationToken: ct))).AsList();
                if (rows.Count == 0) throw new NotFoundException("No such organisation.");
                foreach (var owner in rows.Where(r => r.Email is not null))
                    await Outbox.EnqueueAsync(connection, tx, templates.OrganisationReviewed(owner.Locale!, owner.Email!, owner.FirstName!, owner.PlatformName,
                        owner.Name, verified, c.Reason?.Trim(), c.Id), ct);
                await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/{id:guid}/review", async (Guid id, Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new Command(user.UserId(), id, body.Decision, body.Reason), ct);
            return await sender.Send(new GetOrganisation.Query(user.UserId(), id), ct);
        })
        .WithName(nameof(ReviewOrganisation))
        .WithSummary("Verify or reject an organisation (admin).")
        .ProducesProblems(400, 401, 403, 404);
}
