using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Save a draft of the caller's survey response to finish later (signed-in residents who may answer). Each answer
/// is checked against its question (type, ranges, options) but required questions may still be empty. Refused
/// with <c>already_responded</c> once the response is submitted.
/// </summary>
public static class SaveDraftResponse
{
    public sealed record Command(Guid ActorId, Guid PhaseId, AnswersRequest Body) : ICommand<MyResponse>;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, MyResponse>
    {
        public ValueTask<MyResponse> Handle(Command c, CancellationToken ct) => throw new NotImplementedException(nameof(SaveDraftResponse) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/phases/{id:guid}/my-response", (Guid id, AnswersRequest body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserId(), id, body), ct))
        .WithName(nameof(SaveDraftResponse))
        .WithSummary("Save a draft of your survey response (answers checked, required ones may wait).")
        .ProducesProblems(400, 401, 403, 404);
}
