using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Exports;

/// <summary>The caller's own exports, newest first, with their progress.</summary>
public static class ListExports
{
    public sealed record Query(Guid ActorId, string Language, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<Export> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT {ExportReader.Columns}
              FROM exports e
             WHERE e.requested_by = @ActorId
               AND (@AfterAt::timestamptz IS NULL OR (e.created_at, e.id) < (@AfterAt, @AfterId))
             ORDER BY e.created_at DESC, e.id DESC
             LIMIT @Take;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = (
                await connection.QueryAsync<ExportReader.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.ActorId,
                            q.Language,
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), r.Id));
            return new Response(page.Select(r => r.ToExport()).ToList(), next);
        }
    }

    /// <summary>The page: a cursor from the previous page, and its size.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("The caller's exports, newest first, with their status and progress.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, RequestLanguage.Current, q.Cursor, q.Limit), ct);
}
