using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>The phase rules shared by drafts and submissions.</summary>
internal static class Answering
{
    /// <summary>
    /// The survey or poll phase when the caller may answer it now: 404 for what they may not see, for a phase of the
    /// other method (polls have their own endpoint) or a survey without a questionnaire yet; otherwise the refusal of
    /// <see cref="ActionPolicy"/> (not signed in, not permitted, phase not active, already responded...).
    /// </summary>
    public static async Task<Questionnaire.Phase> RequireOpenAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        Guid? actorId,
        Guid phaseId,
        PhaseMethod method,
        CancellationToken ct
    )
    {
        var phase = await Questionnaire.RequirePhaseAsync(connection, actorId, phaseId, tx, ct);
        if (phase.Method != method || (method == PhaseMethod.Survey && phase.Version == 0))
            throw new NotFoundException("No such survey.");
        var (current, _) = await ActionPolicy.RequireAsync(
            connection,
            actorId,
            phase.ProjectId,
            ParticipationAction.Answer,
            tx,
            ct,
            method
        );
        if (current.Id != phaseId)
            throw ActionPolicy.Refuse(ParticipationAction.Answer, RefusalReason.PhaseNotActive);
        return phase;
    }

    /// <summary>Who the events name: the signed-in person, or a visitor (never their browser token, not even hashed).</summary>
    public static Actor EventActor(Guid? actorId) => actorId is { } id ? Actor.User(id) : new Actor(ActorType.Visitor, null);

    /// <summary>Who answers without an account: the hash of their required browser token (null for a signed-in caller).</summary>
    public static byte[]? VisitorTokenHash(Guid? actorId, string? token) => actorId is null ? SecureTokens.Hash(RequireToken(token)) : null;

    /// <summary>A visitor's browser token: 16 to 200 printable characters (only its SHA-256 is stored).</summary>
    public static string RequireToken(string? token) =>
        token is { Length: >= 16 and <= 200 } && !token.Any(TextRules.IsForbidden) && !token.Any(char.IsWhiteSpace)
            ? token
            : throw new ValidationException([new ValidationFailure("respondentToken", Messages.Get("respondent_token"))]);
}
