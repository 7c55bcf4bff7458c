using Participation.Api.Features.Events;

namespace Participation.Api.Features.Projects;

public static class ChangePhase
{
    public sealed record Command(Guid ActorId, Guid ProjectId, Guid PhaseId, PhaseRequest Phase) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Phase).SetValidator(new PhaseRequestRules()).OverridePropertyName("");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await PhaseWriter.SaveAsync(db, events, c.ActorId, c.ProjectId, c.PhaseId, c.Phase, ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Replace a phase of the project (its staff).")]
    public static async Task<NoContent> Endpoint(
        Guid id,
        Guid phaseId,
        PhaseRequest body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        await sender.Send(new Command(caller.UserId, id, phaseId, body), ct);
        return TypedResults.NoContent();
    }
}
