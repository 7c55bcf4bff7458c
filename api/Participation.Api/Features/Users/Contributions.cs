using System.Text.Json.Serialization;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Users;

/// <summary>What a person did, as listed in "my contributions" (all kinds) and on a public profile (ideas and comments).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ContributionKind
{
    Idea,
    Comment,
    Vote,
    Basket,
    SurveyResponse,
    EventRegistration,
    IdeaFollow,
    ProjectFollow,
}

/// <summary>
/// One thing a person did, with what it takes to link to it: the project (id and slug), the idea, the comment (an anchor
/// on the idea's page), the phase (a survey or a basket) or the event. <c>Title</c> is the idea's, the phase's, the
/// event's or the project's; <c>Excerpt</c> a comment's beginning or an idea's summary; <c>Status</c> the item's own
/// state in its kind's words (an idea's status, a comment's <c>hidden</c>, a basket's or survey answer's <c>draft</c> or
/// <c>submitted</c>, a registration's <c>registered</c> or <c>waiting</c>).
/// </summary>
public sealed record Contribution(
    ContributionKind Kind,
    DateTimeOffset At,
    string Title,
    string? Excerpt,
    string? Status,
    Guid? ProjectId,
    string? ProjectSlug,
    string? ProjectTitle,
    Guid? IdeaId,
    string? IdeaSlug,
    Guid? CommentId,
    Guid? PhaseId,
    Guid? EventId,
    string? EventSlug
);

/// <summary>A page of contributions, newest first.</summary>
public sealed record ContributionPage(IReadOnlyList<Contribution> Items, string? NextCursor);

/// <summary>The rows both lists read (one UNION ALL statement per page) and their keyset.</summary>
internal static class ContributionRows
{
    /// <summary>A project's title in the request's language (@Lang), else French.</summary>
    public const string ProjectTitle = "coalesce(p.title ->> @Lang, p.title ->> 'fr')";

    /// <summary>
    /// The union's first branch, which names its columns: the person's ideas (<c>i</c>, in project <c>p</c>); each list
    /// adds its conditions after it.
    /// </summary>
    public const string Ideas = $"""
        SELECT 'idea' AS kind, i.id::text AS key, i.created_at AS at, i.title, i.excerpt, i.status,
               p.id AS project_id, p.slug AS project_slug, {ProjectTitle} AS project_title,
               i.id AS idea_id, i.slug AS idea_slug, NULL::uuid AS comment_id, NULL::uuid AS phase_id,
               NULL::uuid AS event_id, NULL::text AS event_slug
          FROM ideas i JOIN projects p ON p.id = i.project_id
         WHERE i.author_id = @UserId
        """;

    /// <summary>The keyset over the union <c>x</c>: newest first, then kind and key (a unique text per kind).</summary>
    public const string Page = """
         WHERE (@Kind::text IS NULL OR x.kind = @Kind)
           AND (@AfterAt::timestamptz IS NULL OR (x.at, x.kind, x.key) < (@AfterAt, @AfterKind::text, @AfterKey::text))
         ORDER BY x.at DESC, x.kind DESC, x.key DESC
         LIMIT @Take;
        """;

    internal sealed record PageKey(DateTime At, string Kind, string Key);

    public sealed class Row
    {
        public string Kind { get; init; } = "";
        public string Key { get; init; } = "";
        public DateTime At { get; init; }
        public string Title { get; init; } = "";
        public string? Excerpt { get; init; }
        public string? Status { get; init; }
        public Guid? ProjectId { get; init; }
        public string? ProjectSlug { get; init; }
        public string? ProjectTitle { get; init; }
        public Guid? IdeaId { get; init; }
        public string? IdeaSlug { get; init; }
        public Guid? CommentId { get; init; }
        public Guid? PhaseId { get; init; }
        public Guid? EventId { get; init; }
        public string? EventSlug { get; init; }
    }

    public static async Task<ContributionPage> ReadAsync(
        System.Data.IDbConnection connection,
        string sql,
        Guid userId,
        ContributionKind? kind,
        string? cursor,
        int? limit,
        CancellationToken ct
    )
    {
        var after = Cursor.Decode<PageKey>(cursor, k => WireEnum.TryParse<ContributionKind>(k.Kind, out _) && k.Key.Length <= 80);
        var take = limit ?? Cursor.DefaultLimit;
        var rows = (
            await connection.QueryAsync<Row>(
                new CommandDefinition(
                    sql,
                    new
                    {
                        UserId = userId,
                        Kind = kind?.ToWire(),
                        AfterAt = after?.At,
                        AfterKind = after?.Kind,
                        AfterKey = after?.Key,
                        Take = take + 1,
                        Lang = RequestLanguage.Current,
                    },
                    cancellationToken: ct
                )
            )
        ).AsList();
        var (page, next) = Cursor.Page(rows, take, r => new PageKey(DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.Kind, r.Key));
        return new ContributionPage(
            page.Select(r => new Contribution(
                    r.Kind.ToEnum<ContributionKind>(),
                    r.At.AsUtc(),
                    r.Title,
                    r.Excerpt,
                    r.Status,
                    r.ProjectId,
                    r.ProjectSlug,
                    r.ProjectTitle,
                    r.IdeaId,
                    r.IdeaSlug,
                    r.CommentId,
                    r.PhaseId,
                    r.EventId,
                    r.EventSlug
                ))
                .ToList(),
            next
        );
    }
}
