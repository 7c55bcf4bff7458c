using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Projects;

/// <summary>
/// A revocable preview link for a draft: a new link replaces the previous one; revoking ends it. Only the
/// hash is stored, so the link is shown once, when created. Its events say whether a link was active before and after,
/// never the link itself.
/// </summary>
public static class CreatePreviewLink
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand<Response>;

    public sealed record Response(string Token, string Path);

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            WITH previous AS (SELECT id, preview_token_hash IS NOT NULL AS linked FROM projects WHERE id = @Id FOR UPDATE)
            UPDATE projects p SET preview_token_hash = @Hash FROM previous WHERE p.id = previous.id
            RETURNING previous.linked;
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);
            var token = SecureTokens.New();
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (
                await connection.QuerySingleOrDefaultAsync<bool?>(
                    new CommandDefinition(Sql, new { c.Id, Hash = SecureTokens.Hash(token) }, tx, cancellationToken: ct)
                ) is
                { } linked
            )
                await events.RecordAsync(
                    tx,
                    EventType.ProjectPreviewLinkCreated,
                    Actor.User(c.ActorId),
                    c.Id,
                    Scope.Project(c.Id),
                    new { hasPreviewLink = linked },
                    new { hasPreviewLink = true },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            // In the language of the person who creates it (the one who shares it): the link opens in that language.
            return new Response(token, $"{AppLinks.Prefix(RequestLanguage.Current)}/projects/{c.Id}/preview#token={token}");
        }
    }

    [EndpointSummary("Create (or replace) the preview link of a project (its staff); the token is shown once.")]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
