namespace Participation.Api.Features.Surveys;

/// <summary>
/// A survey or poll phase's questionnaire, in order: what residents answer and what the builder edits. Anyone may
/// read it once the project is published; a draft project's questionnaire is for its staff only (404 otherwise).
/// </summary>
public static class GetSurvey
{
    public sealed record Query(Guid? ActorId, Guid PhaseId) : IQuery<SurveyView>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, SurveyView>
    {
        public async ValueTask<SurveyView> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var phase = await Questionnaire.RequirePhaseAsync(connection, q.ActorId, q.PhaseId, null, ct);
            return Questionnaire.View(phase, phase.Version == 0 ? [] : await Questionnaire.SectionsAsync(connection, q.PhaseId, null, ct));
        }
    }

    [EndpointSummary("The questionnaire of a survey or poll phase: sections, questions and options in order.")]
    public static ValueTask<SurveyView> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserIdOrNull, id), ct);
}
