using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.IdeasManager;

/// <summary>
/// The project's staff change the status of many ideas at once and/or give them the same official feedback (typed, or a
/// feedback template's text when none is typed). Each idea goes through the rules of a single change
/// (<see cref="IdeaStatusChange"/>) and gets its own history row and <c>idea.status_changed</c> event, so its author and
/// followers are notified and webhooks fire as for a single change; an idea the rules refuse (or of another project) is
/// left as it is and reported with the reason. One transaction; the ideas are locked in id order, so parallel bulk and single
/// changes of the same ideas wait for each other and none is lost.
/// </summary>
public static class ChangeIdeaStatuses
{
    public const int MaxIdeas = 200;

    public sealed record Request(IReadOnlyList<Guid> IdeaIds, IdeaStatus? Status, string? Feedback, string? SignedAs, Guid? TemplateId);

    public sealed record Command(
        Guid ActorId,
        Guid ProjectId,
        IReadOnlyList<Guid>? IdeaIds,
        IdeaStatus? Status,
        string? Feedback,
        string? SignedAs,
        Guid? TemplateId
    ) : ICommand<Response>;

    /// <param name="Reason">Why the idea was left as it was (refused only).</param>
    public sealed record Result(Guid IdeaId, BulkOutcome Outcome, StatusChangeRefusal? Reason);

    /// <param name="Results">One per idea asked, in the order asked.</param>
    public sealed record Response(IReadOnlyList<Result> Results, int Changed, int Refused);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IdeaIds)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .Must(ids => ids is null || ids.Count is >= 1 and <= MaxIdeas)
                .WithMessage(_ => Messages.Get("idea_ids_count", MaxIdeas))
                .Must(ids => ids is null || ids.Distinct().Count() == ids.Count)
                .WithMessage(_ => Messages.Get("idea_ids_distinct"));
            RuleForEach(c => c.IdeaIds).NotEqual(Guid.Empty).WithMessage(_ => Messages.Get("required"));
            RuleFor(c => c.Status).SettableStatus();
            RuleFor(c => c.Feedback).OfficialFeedback();
            RuleFor(c => c.SignedAs).Signature();
            RuleFor(c => c.TemplateId).NotEqual(Guid.Empty).WithMessage(_ => Messages.Get("feedback_template_unknown"));
            RuleFor(c => c.Status)
                .Must((c, s) => s is not null || !string.IsNullOrWhiteSpace(c.Feedback) || c.TemplateId is not null)
                .WithMessage(_ => Messages.Get("nothing_to_change"));
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string TemplateSql = "SELECT body FROM feedback_templates WHERE id = @TemplateId AND project_id = @ProjectId;";

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            var ids = c.IdeaIds!;
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ManagerAccess.RequireStaffAsync(connection, c.ActorId, c.ProjectId, tx, ct);
            var feedback = c.Feedback;
            if (string.IsNullOrWhiteSpace(feedback) && c.TemplateId is { } templateId)
                feedback = await connection.QuerySingleOrDefaultAsync<string>(
                    new CommandDefinition(TemplateSql, new { TemplateId = templateId, c.ProjectId }, tx, cancellationToken: ct)
                )
                    ?? throw new ValidationException([
                        new FluentValidation.Results.ValidationFailure("templateId", Messages.Get("feedback_template_unknown")),
                    ]);
            var actor = Actor.User(c.ActorId);
            var locked = (await IdeaStatusChange.LockManyAsync(tx, c.ActorId, c.ProjectId, ids, ct)).ToDictionary(i => i.Id);
            var results = new List<Result>(ids.Count);
            // In id order (the lock order), then reported in the order asked.
            foreach (var id in ids.Order())
            {
                var refusal = locked.TryGetValue(id, out var idea)
                    ? IdeaStatusChange.Refusal(idea, actor, c.Status, feedback)
                    : StatusChangeRefusal.NotInProject;
                if (refusal is null)
                    await IdeaStatusChange.ApplyAsync(tx, events, actor, idea!, c.Status, feedback, c.SignedAs, ct);
                results.Add(new Result(id, refusal is null ? BulkOutcome.Changed : BulkOutcome.Refused, refusal));
            }
            await tx.CommitAsync(ct);
            var byId = results.ToDictionary(r => r.IdeaId);
            var ordered = ids.Select(id => byId[id]).ToList();
            var changed = ordered.Count(r => r.Outcome == BulkOutcome.Changed);
            return new Response(ordered, changed, ordered.Count - changed);
        }
    }

    [EndpointSummary(
        "Change the status of up to 200 of the project's ideas and/or answer them with the same official feedback (typed or "
            + "from a template), each by the rules of a single change; the outcome per idea (the project's staff)."
    )]
    public static ValueTask<Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body.IdeaIds, body.Status, body.Feedback, body.SignedAs, body.TemplateId), ct);
}
