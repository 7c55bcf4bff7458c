using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Invitations;

/// <summary>
/// Invites one or more people to a role and scope. Admins invite to any role; department heads invite
/// moderators of their department's projects. Each row is reported: created, skipped or refused.
/// </summary>
public static class CreateInvitations
{
    public const int MaxInvitees = 1000;

    public sealed record Request(
        IReadOnlyList<Invitee>? Invitees,
        [property: JsonRequired] Role Role,
        [property: JsonRequired] ScopeType ScopeType,
        Guid? ScopeId,
        string? Message
    );

    public sealed record Command(
        Guid ActorId,
        IReadOnlyList<Invitee>? Invitees,
        Role Role,
        ScopeType ScopeType,
        Guid? ScopeId,
        string? Message
    ) : ICommand<InvitationReport>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Invitees)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("invite_someone"))
                .Must(i => i is null || i.Count <= MaxInvitees)
                .WithMessage($"At most {MaxInvitees} people at once.");
            RuleForEach(c => c.Invitees).NotNull().WithMessage(_ => Messages.Get("required"));
            Include(new ScopeRules<Command>(c => c.Role, c => c.ScopeType, c => c.ScopeId, c => c.Message));
        }
    }

    public sealed class Handler(CityDb db, InvitationWriter writer) : ICommandHandler<Command, InvitationReport>
    {
        public async ValueTask<InvitationReport> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await GrantPolicy.AuthorizeGrantAsync(connection, tx, c.ActorId, c.Role, c.ScopeType, c.ScopeId, ct);
            var rows = c.Invitees!.Select((invitee, index) => (index + 1, invitee)).ToList();
            var report = await writer.WriteAsync(
                connection,
                tx,
                c.ActorId,
                new(c.Role.ToWire(), c.ScopeType.ToWire(), c.ScopeId, c.Message),
                rows,
                ct
            );
            await tx.CommitAsync(ct);
            return report;
        }
    }

    [EndpointSummary("Invite people to a role and scope; the answer reports each row (created, skipped, error).")]
    public static ValueTask<InvitationReport> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body.Invitees, body.Role, body.ScopeType, body.ScopeId, body.Message), ct);
}
