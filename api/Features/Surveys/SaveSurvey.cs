using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The project's staff save the whole questionnaire at once (sections, questions and options in order; items
/// without an id are new). <c>version</c> must be the one last read (409 otherwise: someone else saved in between).
/// Until the first submitted response anything may change; after it only the wording may change (titles, help
/// texts, option and scale labels): removing, adding, retyping or reordering questions or options is a 409 that
/// says which question. A poll has one section of at most 5 single or multiple choice questions.
/// </summary>
public static class SaveSurvey
{
    public sealed record OptionInput(Guid? Id, IReadOnlyDictionary<string, string>? Label);

    public sealed record QuestionInput(Guid? Id, string? Type, IReadOnlyDictionary<string, string>? Title, IReadOnlyDictionary<string, string>? Help,
        bool Required, QuestionSettings? Settings, IReadOnlyList<OptionInput>? Options);

    public sealed record SectionInput(Guid? Id, IReadOnlyDictionary<string, string>? Title, IReadOnlyDictionary<string, string>? Description,
        IReadOnlyList<QuestionInput>? Questions);

    public sealed record Request(int Version, IReadOnlyList<SectionInput>? Sections);

    public sealed record Command(Guid ActorId, Guid PhaseId, Request Body) : ICommand<SurveyView>;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, SurveyView>
    {
        public ValueTask<SurveyView> Handle(Command c, CancellationToken ct) => throw new NotImplementedException(nameof(SaveSurvey) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/phases/{id:guid}/survey", (Guid id, Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserId(), id, body), ct))
        .WithName(nameof(SaveSurvey))
        .WithSummary("Save the questionnaire of a survey or poll phase (project staff); after the first response only the wording may change.")
        .ProducesProblems(400, 401, 403, 404, 409);
}
