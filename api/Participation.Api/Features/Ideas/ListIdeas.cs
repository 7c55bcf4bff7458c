using System.Collections.Frozen;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Topics;
using Participation.Api.Infrastructure.Content;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// The public ideas of a project, sorted trending (stored score) · popular (likes − dislikes) · newest ·
/// most_commented · random (stable for a visitor's seed), filtered by topic, area, status, text and map bounding
/// box, keyset-paginated, each with the caller's own reaction — one SQL statement whatever the page size.
/// Every sort walks its own index; sort names map to complete statements, never into SQL text.
/// </summary>
public static class ListIdeas
{
    public sealed record Query(
        Guid? ActorId,
        Guid ProjectId,
        IdeaSort? Sort,
        string? Topic,
        IdeaStatus? Status,
        string? Search,
        double? South,
        double? West,
        double? North,
        double? East,
        long? Seed,
        string? Cursor,
        int? Limit,
        Guid? TopicId = null,
        Guid? AreaId = null
    ) : IQuery<Response>;

    public sealed record Idea(
        Guid Id,
        string Title,
        string Excerpt,
        IReadOnlyList<string> Topics,
        GetIdea.Location? Location,
        IdeaStatus Status,
        AuthorView? Author,
        int Likes,
        int Dislikes,
        int Comments,
        DateTimeOffset CreatedAt,
        ReactionKind? MyReaction,
        decimal? Cost,
        // Always sent (empty when untagged); optional in the contract only because fields added to 1.x responses are.
        IReadOnlyList<Guid>? TopicIds,
        Guid? AreaId,
        // The readable part of the idea's address (/projects/{projectSlug}/ideas/{slug}); always sent.
        string? Slug = null,
        // Its photos and documents in their order (the first image is its picture); always sent.
        IReadOnlyList<IdeaAttachment>? Attachments = null
    );

    public sealed record Response(IReadOnlyList<Idea> Items, string? NextCursor, long Seed);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Sort).IsInEnum().WithMessage(_ => Messages.Get("one_of_idea_sorts"));
            RuleFor(q => q.Status)
                .Must(s => s is null || IdeaStatuses.Public.Contains(s.Value))
                .WithMessage(_ => Messages.Get("idea_status"));
            RuleFor(q => q.Topic).PlainText(40);
            RuleFor(q => q.Search).PlainText(100);
            RuleFor(q => q.Limit).PageSize();
            RuleFor(q => q.South).InclusiveBetween(-90, 90);
            RuleFor(q => q.North).InclusiveBetween(-90, 90);
            RuleFor(q => q.West).InclusiveBetween(-180, 180);
            RuleFor(q => q.East).InclusiveBetween(-180, 180);
            RuleFor(q => q.South)
                .Must(
                    (q, s) =>
                        new[] { q.South, q.West, q.North, q.East }.All(v => v is null)
                        || new[] { q.South, q.West, q.North, q.East }.All(v => v is not null)
                )
                .WithMessage(_ => Messages.Get("box_together"));
            RuleFor(q => q.North).Must((q, n) => n is null || q.South is null || n >= q.South).WithMessage(_ => Messages.Get("box_north"));
            RuleFor(q => q.East).Must((q, e) => e is null || q.West is null || e >= q.West).WithMessage(_ => Messages.Get("box_east"));
        }
    }

    /// <summary>The last row's sort key: L for integer keys (scores, counts, microseconds, random hashes), D for trending.</summary>
    internal sealed record Key(string S, long? L, double? D, Guid Id, long Seed)
    {
        // "newest" keeps microseconds since the Unix epoch: they must make a date.
        private const long EpochTicks = 621_355_968_000_000_000; // DateTime.UnixEpoch.Ticks
        private const long MinMicros = -EpochTicks / 10;
        private const long MaxMicros = (3_155_378_975_999_999_999 - EpochTicks) / 10; // DateTime.MaxValue.Ticks

        /// <summary>Whether the key belongs to this sort and fits its column (a forged key out of range is a 400, not a database
        /// error).</summary>
        public bool Fits(string sort) =>
            S == sort
            && sort switch
            {
                "trending" => D is { } d && double.IsFinite(d),
                "popular" or "most_commented" => L is >= int.MinValue and <= int.MaxValue, // score and comments_count are integer columns
                "newest" => L is >= MinMicros and <= MaxMicros,
                _ => L is not null,
            };
    }

    public sealed class Handler(StaleReads db) : IQueryHandler<Query, Response>
    {
        private const string Template = $$"""
            SELECT x.*, {{AuthorView.Columns}}, r.kind AS my_reaction, proj.id AS project_found
              FROM (SELECT p.id FROM projects p WHERE p.id = @ProjectId AND (p.status <> 'draft' OR {{ProjectStaff.IsStaffOf}})) proj
              LEFT JOIN LATERAL (
                    SELECT i.id, i.slug, i.title, i.excerpt, {{TopicTags.NamesColumn}},
                           {{TopicTags.IdsColumn}}, i.area_id,
                           i.latitude, i.longitude, i.location_label,
                           i.status, i.author_id, i.organisation_id, i.likes_count, i.dislikes_count, i.comments_count, i.created_at,
                           i.score, i.trending_score, i.cost, {{AttachmentLinks.Column}},
                           {0} AS sort_key
                      FROM ideas i
                     WHERE i.project_id = proj.id AND i.listed{4}
                     ORDER BY {2}
                     LIMIT {5}) x ON true
              LEFT JOIN users u ON u.id = x.author_id
              LEFT JOIN organisations o ON o.id = x.organisation_id
              LEFT JOIN idea_reactions r ON r.idea_id = x.id AND r.user_id = @ActorId
             ORDER BY {3};
            """;

        // sort → (key expression, "after the cursor" condition, inner order, outer order)
        private static readonly FrozenDictionary<string, (string Key, string After, string Order, string Outer)> Sorting = new Dictionary<
            string,
            (string Key, string After, string Order, string Outer)
        >
        {
            ["trending"] = (
                "0::bigint",
                "(i.trending_score, i.id) < (@AfterD, @AfterId)",
                "i.trending_score DESC, i.id DESC",
                "x.trending_score DESC, x.id DESC"
            ),
            ["popular"] = (
                "i.score::bigint",
                "(i.score, i.id) < (@AfterL::int, @AfterId)",
                "i.score DESC, i.id DESC",
                "x.score DESC, x.id DESC"
            ),
            ["newest"] = (
                "0::bigint",
                "(i.created_at, i.id) < (@AfterAt, @AfterId)",
                "i.created_at DESC, i.id DESC",
                "x.created_at DESC, x.id DESC"
            ),
            ["most_commented"] = (
                "i.comments_count::bigint",
                "(i.comments_count, i.id) < (@AfterL::int, @AfterId)",
                "i.comments_count DESC, i.id DESC",
                "x.comments_count DESC, x.id DESC"
            ),
            ["random"] = (
                "hashtextextended(i.id::text, @Seed)",
                "(hashtextextended(i.id::text, @Seed), i.id) > (@AfterL, @AfterId)",
                "hashtextextended(i.id::text, @Seed), i.id",
                "x.sort_key, x.id"
            ),
        }.ToFrozenDictionary();

        /// <summary>Which optional conditions a statement carries (each combination is its own statement).</summary>
        [Flags]
        internal enum Conditions
        {
            None = 0,
            Status = 1,
            Topic = 2,
            Search = 4,
            Box = 8,
            After = 16,
            Area = 32,
        }

        private static readonly (Conditions Flag, string Sql)[] Fragments =
        [
            (Conditions.Status, "i.status = @Status"),
            (Conditions.Topic, TopicTags.Filter("idea_topics", "idea_id", "i.id")),
            (Conditions.Area, "i.area_id = @AreaId"),
            (Conditions.Search, "i.search @@ plainto_tsquery('simple', @Search)"),
            (Conditions.Box, "i.latitude BETWEEN @South AND @North AND i.longitude BETWEEN @West AND @East"),
        ];

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Conditions, int?), string> Cache = new();

        /// <summary>The rows a statement reads for a page of <paramref name="limit"/> (one more, to know whether a next page
        /// exists): <see cref="Cursor.ReadSize"/>, written in the statement, for the unfiltered lists; else a parameter.</summary>
        internal static int? ReadsFor(Conditions conditions, int limit) =>
            (conditions & ~Conditions.After) == Conditions.None ? Cursor.ReadSize(limit) : null;

        /// <summary>
        /// The complete statement for a sort and the conditions present, assembled only from the constant fragments
        /// above (values are always parameters). Leaving absent conditions out, instead of "@X IS NULL OR ...", lets
        /// PostgreSQL cache one plan per statement that still walks the sort's index from the cursor. Filtered lists keep
        /// <c>LIMIT @Take</c> and a plan per call: how selective a search or a filter is decides between walking the sort's
        /// index and collecting the matches first, which a generic plan cannot know.
        /// </summary>
        internal static string Statement(string sort, Conditions conditions, int? reads) => Cache.GetOrAdd((sort, conditions, reads), key =>
            {
                var (sortKey, after, order, outer) = Sorting[key.Item1];
                var where =
                    string.Concat(Fragments.Where(f => key.Item2.HasFlag(f.Flag)).Select(f => "\n                       AND " + f.Sql))
                    + (key.Item2.HasFlag(Conditions.After) ? "\n                       AND " + after : "");
                var limit = key.Item3 is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "@Take";
                return string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    Template,
                    sortKey,
                    after,
                    order,
                    outer,
                    where,
                    limit
                );
            });

        internal sealed class Row
        {
            public Guid? Id { get; init; }
            public string Slug { get; init; } = "";
            public string Title { get; init; } = "";
            public string Excerpt { get; init; } = "";
            public string[] Topics { get; init; } = [];
            public Guid[] TopicIds { get; init; } = [];
            public Guid? AreaId { get; init; }
            public double? Latitude { get; init; }
            public double? Longitude { get; init; }
            public string? LocationLabel { get; init; }
            public string Status { get; init; } = "";
            public int LikesCount { get; init; }
            public int DislikesCount { get; init; }
            public int CommentsCount { get; init; }
            public DateTime CreatedAt { get; init; }
            public double TrendingScore { get; init; }
            public long SortKey { get; init; }
            public Guid? AuthorUserId { get; init; }
            public string? AuthorPerson { get; init; }
            public Guid? AuthorOrgId { get; init; }
            public string? AuthorOrg { get; init; }
            public string? AuthorAvatar { get; init; }
            public string? MyReaction { get; init; }
            public decimal? Cost { get; init; }
            public string? Attachments { get; init; }
        }

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var sort = (q.Sort ?? IdeaSort.Trending).ToWire();
            var after = Cursor.Decode<Key>(q.Cursor, k => k.Fits(sort));
            var seed = after?.Seed ?? q.Seed ?? Random.Shared.NextInt64(1, int.MaxValue);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var conditions =
                (q.Status is null ? Conditions.None : Conditions.Status)
                | (string.IsNullOrWhiteSpace(q.Topic) && q.TopicId is null ? Conditions.None : Conditions.Topic)
                | (q.AreaId is null ? Conditions.None : Conditions.Area)
                | (string.IsNullOrWhiteSpace(q.Search) ? Conditions.None : Conditions.Search)
                | (q.South is null ? Conditions.None : Conditions.Box)
                | (after is null ? Conditions.None : Conditions.After);
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Statement(sort, conditions, ReadsFor(conditions, limit)),
                        new
                        {
                            q.ActorId,
                            q.ProjectId,
                            Status = q.Status.ToWire(),
                            Topic = string.IsNullOrWhiteSpace(q.Topic) ? null : q.Topic.Trim().ToLowerInvariant(),
                            q.TopicId,
                            q.AreaId,
                            Lang = RequestLanguage.Current,
                            Search = string.IsNullOrWhiteSpace(q.Search) ? null : q.Search.Trim(),
                            q.South,
                            q.West,
                            q.North,
                            q.East,
                            Seed = seed,
                            AfterId = after?.Id,
                            AfterD = after?.D,
                            AfterL = after?.L,
                            AfterAt = after is { S: "newest" } ? DateTime.UnixEpoch.AddTicks(after.L!.Value * 10) : (DateTime?)null,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            if (rows.Count == 0)
                throw new NotFoundException("No such project.");
            var ideas = rows.Where(r => r.Id is not null).ToList();
            var (page, next) = Cursor.Page(ideas, limit, r => KeyOf(r, sort, seed));
            return new Response(page.Select(ToIdea).ToList(), next, seed);
        }

        /// <summary>The cursor key after <paramref name="r"/> in the <paramref name="sort"/> order (shared with the bench).</summary>
        internal static Key KeyOf(Row r, string sort, long seed) =>
            new(
                sort,
                sort switch
                {
                    "trending" => null,
                    "newest" => (r.CreatedAt.AsUtc().UtcTicks - DateTime.UnixEpoch.Ticks) / 10,
                    _ => r.SortKey,
                },
                sort == "trending" ? r.TrendingScore : null,
                r.Id!.Value,
                seed
            );

        /// <summary>A row as listed (the bench baseline shares it).</summary>
        internal static Idea ToIdea(Row r) =>
            new(
                r.Id!.Value,
                r.Title,
                RichText.Excerpt(r.Excerpt, 240),
                r.Topics,
                r.Latitude is { } lat && r.Longitude is { } lng ? new GetIdea.Location(lat, lng, r.LocationLabel) : null,
                r.Status.ToEnum<IdeaStatus>(),
                AuthorView.From(r.AuthorUserId, r.AuthorPerson, r.AuthorOrgId, r.AuthorOrg, r.AuthorAvatar),
                r.LikesCount,
                r.DislikesCount,
                r.CommentsCount,
                r.CreatedAt.AsUtc(),
                r.MyReaction.ToEnumOrNull<ReactionKind>(),
                r.Cost,
                r.TopicIds,
                r.AreaId,
                r.Slug,
                AttachmentLinks.Read(r.Id!.Value, r.Attachments)
            );
    }

    /// <summary>The query string: sort, filters (topic by id, or by name for old clients; area, status, text, map box), the page.</summary>
    public sealed record QueryString(
        [property: QueryEnum<IdeaSort>] string? Sort,
        string? Topic,
        [property: QueryEnum<IdeaStatus>] string? Status,
        string? Search,
        double? South,
        double? West,
        double? North,
        double? East,
        long? Seed,
        string? Cursor,
        int? Limit,
        Guid? TopicId,
        Guid? AreaId
    );

    [EndpointSummary(
        "The project's public ideas: sort trending, popular, newest, most_commented or "
            + "random (send back `seed`); filter by topic, area, status, text or map box."
    )]
    public static ValueTask<Response> Endpoint(
        Guid id,
        [AsParameters] QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) =>
        sender.Send(
            new Query(
                caller.UserIdOrNull,
                id,
                WireEnum.FromQuery<IdeaSort>(q.Sort),
                q.Topic,
                WireEnum.FromQuery<IdeaStatus>(q.Status),
                q.Search,
                q.South,
                q.West,
                q.North,
                q.East,
                q.Seed,
                q.Cursor,
                q.Limit,
                q.TopicId,
                q.AreaId
            ),
            ct
        );
}
