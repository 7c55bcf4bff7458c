using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Ideas;

/// <summary>An attachment taken off an idea by its author (while they may edit it) or its staff; its files are deleted.</summary>
public static class RemoveIdeaAttachment
{
    public sealed record Command(Guid ActorId, Guid IdeaId, Guid AttachmentId) : ICommand;

    public sealed class Handler(CityDb db, IFileStorage storage, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            DELETE FROM idea_attachments WHERE id = @AttachmentId AND idea_id = @IdeaId
            RETURNING kind, content_type, size_bytes;
            """;

        private sealed record Removed(string Kind, string ContentType, int SizeBytes);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = await AttachmentEditors.RequireAsync(connection, tx, c.ActorId, c.IdeaId, ct);
            var removed = await connection.QuerySingleOrDefaultAsync<Removed>(new CommandDefinition(Sql, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException("No such attachment.");
            await events.RecordAsync(
                tx,
                EventType.IdeaAttachmentRemoved,
                Actor.User(c.ActorId),
                c.IdeaId,
                new Scope(idea.ProjectId, idea.PhaseId),
                before: new
                {
                    attachmentId = c.AttachmentId,
                    kind = removed.Kind,
                    contentType = removed.ContentType,
                    sizeBytes = removed.SizeBytes,
                },
                ct: ct
            );
            await tx.CommitAsync(ct);
            await storage.DeleteAsync(
                AttachmentLinks.StorageKey(c.IdeaId, c.AttachmentId, removed.ContentType, false),
                CancellationToken.None
            );
            if (removed.Kind == "image")
                await storage.DeleteAsync(
                    AttachmentLinks.StorageKey(c.IdeaId, c.AttachmentId, removed.ContentType, true),
                    CancellationToken.None
                );
            return Unit.Value;
        }
    }

    [EndpointSummary("Remove an attachment from an idea (its author while they may edit it, or its staff).")]
    public static async Task<NoContent> Endpoint(Guid id, Guid attachmentId, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, attachmentId), ct);
        return TypedResults.NoContent();
    }
}
