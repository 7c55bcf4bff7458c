using Participation.Api.Features.Events;

namespace Participation.Api.Features.Projects;

public static class AddPhase
{
    public sealed record Command(Guid ActorId, Guid ProjectId, PhaseRequest Phase) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Phase).SetValidator(new PhaseRequestRules()).OverridePropertyName("");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command c, CancellationToken ct) =>
            await PhaseWriter.SaveAsync(db, events, c.ActorId, c.ProjectId, null, c.Phase, ct);
    }

    [EndpointSummary("Add a phase to the project's timeline (its staff); phases may not overlap.")]
    public static async Task<Created<GetProject.Phase>> Endpoint(
        Guid id,
        PhaseRequest body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        var actor = caller.UserId;
        var phaseId = await sender.Send(new Command(actor, id, body), ct);
        var project = await sender.Send(new GetProject.Query(actor, id, null), ct);
        return TypedResults.Created($"/api/v1/projects/{id}/phases/{phaseId}", project.Phases.Single(p => p.Id == phaseId));
    }
}
