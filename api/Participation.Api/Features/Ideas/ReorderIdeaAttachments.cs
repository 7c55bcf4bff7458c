using FluentValidation.Results;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Ideas;

/// <summary>The order of an idea's attachments (the first image is the idea's picture in lists), set by its author or staff.</summary>
public static class ReorderIdeaAttachments
{
    public sealed record Request(IReadOnlyList<Guid> Ids);

    public sealed record Command(Guid ActorId, Guid IdeaId, IReadOnlyList<Guid> Ids) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Ids)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .Must(ids => ids is null || (ids.Count <= AttachmentLimits.MaxPerIdea && ids.Distinct().Count() == ids.Count))
                .WithMessage(_ => Messages.Get("attachment_order"));
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string CurrentSql = "SELECT id FROM idea_attachments WHERE idea_id = @IdeaId ORDER BY position;";

        // The (idea, position) uniqueness is checked at commit, so positions may pass through each other here.
        private const string Sql = """
            UPDATE idea_attachments a SET position = o.n - 1
              FROM unnest(@Ids) WITH ORDINALITY AS o(id, n)
             WHERE a.id = o.id AND a.idea_id = @IdeaId;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = await AttachmentEditors.RequireAsync(connection, tx, c.ActorId, c.IdeaId, ct);
            var current = (await connection.QueryAsync<Guid>(new CommandDefinition(CurrentSql, c, tx, cancellationToken: ct))).AsList();
            if (current.Count != c.Ids.Count || !current.ToHashSet().SetEquals(c.Ids))
                throw new ValidationException([new ValidationFailure("ids", Messages.Get("attachment_order"))]);
            if (!current.SequenceEqual(c.Ids))
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(Sql, new { Ids = c.Ids.ToArray(), c.IdeaId }, tx, cancellationToken: ct)
                );
                await events.RecordAsync(
                    tx,
                    EventType.IdeaAttachmentsReordered,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    new Scope(idea.ProjectId, idea.PhaseId),
                    new { order = current },
                    new { order = c.Ids },
                    ct: ct
                );
            }
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Order an idea's attachments (every one of them once; the idea's author while they may edit it, or its staff).")]
    public static async Task<NoContent> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, body.Ids ?? []), ct);
        return TypedResults.NoContent();
    }
}
