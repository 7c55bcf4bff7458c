using Mediator;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Submit a survey response: every answer checked against its question, required ones present (400 with one field
/// error per question, under <c>answers.{questionId}</c>). One response per person (a unique constraint; a draft
/// becomes the submission); when the phase lets everyone answer, visitors who are not signed in answer with a
/// random browser token in <c>X-Respondent-Token</c> (one response per token, kept hashed; rate-limited).
/// </summary>
public static class SubmitResponse
{
    public sealed record Response(Guid ResponseId, Guid PhaseId, DateTimeOffset SubmittedAt);

    public sealed record Command(Guid? ActorId, string? RespondentToken, Guid PhaseId, AnswersRequest Body) : ICommand<Response>;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, Response>
    {
        public ValueTask<Response> Handle(Command c, CancellationToken ct) => throw new NotImplementedException(nameof(SubmitResponse) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/phases/{id:guid}/responses", async (Guid id, AnswersRequest body, [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
            System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var response = await sender.Send(new Command(user.UserIdOrNull(), respondentToken, id, body), ct);
            return TypedResults.Created($"/api/v1/phases/{id}/my-response", response);
        })
        .WithName(nameof(SubmitResponse))
        .WithSummary("Submit your response to a survey (once); anonymous answers need the phase to allow everyone and a browser token.")
        .ProducesProblems(400, 401, 403, 404, 409);
}
