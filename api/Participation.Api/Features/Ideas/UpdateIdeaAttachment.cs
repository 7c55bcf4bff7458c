using FluentValidation.Results;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Ideas;

/// <summary>An image's alt text rewritten by the idea's author (while they may edit it) or its staff.</summary>
public static class UpdateIdeaAttachment
{
    public sealed record Request(string Alt);

    public sealed record Command(Guid ActorId, Guid IdeaId, Guid AttachmentId, string Alt) : ICommand<IdeaAttachment>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Alt)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("alt_required"))
                .Must(a => a is null || a.Trim().Length > 0)
                .WithMessage(_ => Messages.Get("alt_required"))
                .PlainText(AttachmentLimits.MaxAltLength);
    }

    public sealed class Handler(CityDb db, EventRecorder events, AttachmentLinks links) : ICommandHandler<Command, IdeaAttachment>
    {
        // The idea is locked (AttachmentEditors): the joined row is the attachment before this update.
        private const string Sql = """
            UPDATE idea_attachments a SET alt_text = @Alt
              FROM idea_attachments old
             WHERE a.id = @AttachmentId AND a.idea_id = @IdeaId AND old.id = a.id
            RETURNING old.alt_text AS was;
            """;

        private const string KindSql = "SELECT kind FROM idea_attachments WHERE id = @AttachmentId AND idea_id = @IdeaId;";

        private sealed record Changed(string? Was);

        public async ValueTask<IdeaAttachment> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = await AttachmentEditors.RequireAsync(connection, tx, c.ActorId, c.IdeaId, ct);
            var kind = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(KindSql, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException("No such attachment.");
            if (kind != "image")
                throw new ValidationException([new ValidationFailure("alt", Messages.Get("attachment_not_image"))]);
            var alt = c.Alt.Trim();
            var changed = await connection.QuerySingleAsync<Changed>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.AttachmentId,
                        c.IdeaId,
                        Alt = alt,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            if (changed.Was != alt)
                await events.RecordAsync(
                    tx,
                    EventType.IdeaAttachmentEdited,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    new Scope(idea.ProjectId, idea.PhaseId),
                    new { attachmentId = c.AttachmentId, alt = changed.Was },
                    new { attachmentId = c.AttachmentId, alt },
                    ct: ct
                );
            var list = await connection.QuerySingleAsync<string>(
                new CommandDefinition(AddIdeaAttachment.Handler.ListSql, new { c.IdeaId }, tx, cancellationToken: ct)
            );
            await tx.CommitAsync(ct);
            var all =
                !idea.Listed || idea.ProjectStatus == "draft" ? links.ReadSigned(c.IdeaId, list) : AttachmentLinks.Read(c.IdeaId, list);
            return all.Single(a => a.Id == c.AttachmentId);
        }
    }

    [EndpointSummary("Rewrite an image's alt text (the idea's author while they may edit it, or its staff).")]
    public static async Task<Ok<IdeaAttachment>> Endpoint(
        Guid id,
        Guid attachmentId,
        Request body,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => TypedResults.Ok(await sender.Send(new Command(caller.UserId, id, attachmentId, body.Alt), ct));
}
