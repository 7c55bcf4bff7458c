using Participation.Api.Features.Events;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// The project's staff move an idea through its statuses and/or answer it with official feedback, signed by
/// a service (the project's department by default, never the employee). The history keeps every step; the change
/// is recorded (audited), and the author, the idea's followers and the residents who reacted to it are notified.
/// An API client with the ideas:feedback scope (the city's case-management system) may do the same on public ideas; it
/// is recorded as that client.
/// </summary>
public static class ChangeIdeaStatus
{
    public sealed record Request(IdeaStatus? Status, string? Feedback, string? SignedAs);

    public sealed record Command(Actor Actor, Guid IdeaId, IdeaStatus? Status, string? Feedback, string? SignedAs) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).SettableStatus();
            RuleFor(c => c.Feedback).OfficialFeedback();
            RuleFor(c => c.SignedAs).Signature();
            RuleFor(c => c.Status)
                .Must((c, s) => s is not null || !string.IsNullOrWhiteSpace(c.Feedback))
                .WithMessage(_ => Messages.Get("nothing_to_change"));
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var user = c.Actor.Type == ActorType.User ? c.Actor.Id : null;
            var idea = await IdeaAccess.LoadAsync(connection, user, c.IdeaId, tx, ct, forUpdate: true);
            if (IdeaStatusChange.Refusal(idea, c.Actor, c.Status, c.Feedback) is { } refusal)
                throw IdeaStatusChange.ToException(refusal);
            await IdeaStatusChange.ApplyAsync(tx, events, c.Actor, idea, c.Status, c.Feedback, c.SignedAs, ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary(
        "Change an idea's status and/or give official feedback signed by a service (the project's staff; API clients with "
            + "ideas:feedback)."
    )]
    public static async Task<Ok<GetIdea.Response>> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(Actor.Of(caller), id, body.Status, body.Feedback, body.SignedAs), ct);
        return TypedResults.Ok(await sender.Send(new GetIdea.Query(caller.UserIdOrNull, id), ct));
    }
}
