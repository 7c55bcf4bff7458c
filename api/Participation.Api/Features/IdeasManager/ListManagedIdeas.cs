using System.Collections.Concurrent;
using System.Collections.Frozen;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.Topics;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.IdeasManager;

/// <summary>
/// The ideas manager's table: every idea of a project, those awaiting pre-moderation, hidden or withdrawn too (each with
/// its state), filtered by status, topic, area, phase, waiting for an answer (for more than N days), open flags, assignee and
/// text; sorted newest, oldest, most supported, most commented or waiting longest; keyset pages, with the number of ideas
/// the filters match and the staff ideas may be assigned to. "Waiting" and "answered" are the figures' definitions
/// (<see cref="FigureDefinitions"/>), so the table and the dashboards agree. For the project's staff; the page, the count
/// and the staff are one batch of statements whatever the page size.
/// </summary>
public static class ListManagedIdeas
{
    public sealed record Query(
        Guid ActorId,
        Guid ProjectId,
        IdeaStatus? Status,
        string? Topic,
        Guid? PhaseId,
        bool? Waiting,
        int? WaitingDays,
        bool? Flagged,
        string? Assignee,
        string? Search,
        ManagedIdeaSort? Sort,
        string? Cursor,
        int? Limit,
        Guid? TopicId = null,
        Guid? AreaId = null
    ) : IQuery<Response>;

    public sealed record PhaseRef(Guid Id, IReadOnlyDictionary<string, string> Title);

    /// <param name="AnsweredAt">When the idea got its first official answer (null: none yet).</param>
    /// <param name="WaitingSince">When it started waiting for an answer (its posting), while it waits.</param>
    /// <param name="WaitingDays">Whole days it has been waiting, while it waits.</param>
    public sealed record Idea(
        Guid Id,
        string Title,
        IdeaStatus Status,
        IdeaVisibilityState State,
        AuthorView? Author,
        PhaseRef? Phase,
        IReadOnlyList<string> Topics,
        DateTimeOffset CreatedAt,
        int Likes,
        int Dislikes,
        int Comments,
        int OpenFlags,
        DateTimeOffset? AnsweredAt,
        DateTimeOffset? WaitingSince,
        int? WaitingDays,
        StaffMember? Assignee,
        // Always sent (empty when untagged); optional in the contract only because fields added to 1.x responses are.
        IReadOnlyList<Guid>? TopicIds,
        Guid? AreaId
    );

    /// <param name="Total">How many ideas the filters match (all pages).</param>
    /// <param name="Staff">Who ideas may be assigned to: the project's staff.</param>
    public sealed record Response(IReadOnlyList<Idea> Items, string? NextCursor, long Total, IReadOnlyList<StaffMember> Staff);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum().WithMessage(_ => Messages.Get("idea_status_any"));
            RuleFor(q => q.Sort).IsInEnum().WithMessage(_ => Messages.Get("one_of_managed_idea_sorts"));
            RuleFor(q => q.Topic).PlainText(40);
            RuleFor(q => q.Search).PlainText(100);
            RuleFor(q => q.WaitingDays).InclusiveBetween(0, 3650);
            RuleFor(q => q.WaitingDays).Must((q, d) => d is null || q.Waiting != false).WithMessage(_ => Messages.Get("waiting_days"));
            RuleFor(q => q.Assignee).Must(AssigneeFilter.IsValid).WithMessage(_ => Messages.Get("assignee_filter"));
            RuleFor(q => q.Limit).PageSize();
        }
    }

    /// <summary>"none", "me" or a person's id.</summary>
    internal static class AssigneeFilter
    {
        public static bool IsValid(string? value) => value is null or "none" or "me" || Guid.TryParse(value, out _);

        public static Guid? Person(string? value, Guid actorId) =>
            value == "me" ? actorId
            : Guid.TryParse(value, out var id) ? id
            : null;
    }

    /// <summary>The last row's sort key: L for counts, At for dates, W for "not waiting" (waiting ideas come first).</summary>
    internal sealed record Key(string S, long? L, DateTime? At, bool? W, Guid Id)
    {
        public bool Fits(string sort) =>
            S == sort
            && sort switch
            {
                "newest" or "oldest" => At is not null,
                "waiting_longest" => At is not null && W is not null,
                _ => L is >= int.MinValue and <= int.MaxValue,
            };
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Template = $$"""
            SELECT x.id, x.title, x.status, x.listed, x.hidden, x.withdrawn, x.phase_id, ph.title::text AS phase_title, x.topics,
                   x.topic_ids, x.area_id,
                   x.created_at, x.likes_count, x.dislikes_count, x.comments_count, x.open_flags, x.answered_at, x.waiting,
                   CASE WHEN x.waiting THEN floor(extract(epoch FROM now() - x.created_at) / 86400)::int END AS waiting_days,
                   x.assignee_id, a.first_name || ' ' || a.last_name AS assignee_name, {{AuthorView.Columns}}
              FROM (SELECT i.id, i.title, i.status, i.listed, i.hidden_at IS NOT NULL AS hidden, i.withdrawn_at IS NOT NULL AS withdrawn,
                           i.phase_id, {{TopicTags.NamesColumn}}, {{TopicTags.IdsColumn}}, i.area_id,
                           i.created_at, i.likes_count, i.dislikes_count, i.comments_count, i.open_flags,
                           i.author_id, i.organisation_id, i.assignee_id,
                           {{FigureDefinitions.FirstAnswerAt}} AS answered_at,
                           {{FigureDefinitions.IsWaiting}} AS waiting
                      FROM ideas i
                     WHERE i.project_id = @ProjectId{0}) x
              LEFT JOIN phases ph ON ph.id = x.phase_id
              LEFT JOIN users a ON a.id = x.assignee_id
              LEFT JOIN users u ON u.id = x.author_id
              LEFT JOIN organisations o ON o.id = x.organisation_id
             WHERE true{1}
             ORDER BY {2}
             LIMIT @Take;
            SELECT count(*) FROM ideas i WHERE i.project_id = @ProjectId{0};
            {{ManagerAccess.StaffSql}};
            """;

        // sort → (order, "after the cursor" condition)
        private static readonly FrozenDictionary<string, (string Order, string After)> Sorting = new Dictionary<
            string,
            (string Order, string After)
        >
        {
            ["newest"] = ("x.created_at DESC, x.id DESC", "(x.created_at, x.id) < (@AfterAt, @AfterId)"),
            ["oldest"] = ("x.created_at, x.id", "(x.created_at, x.id) > (@AfterAt, @AfterId)"),
            ["most_supported"] = ("x.likes_count DESC, x.id DESC", "(x.likes_count, x.id) < (@AfterL::int, @AfterId)"),
            ["most_commented"] = ("x.comments_count DESC, x.id DESC", "(x.comments_count, x.id) < (@AfterL::int, @AfterId)"),
            ["waiting_longest"] = (
                "NOT x.waiting, x.created_at, x.id",
                "(NOT x.waiting, x.created_at, x.id) > (@AfterW, @AfterAt, @AfterId)"
            ),
        }.ToFrozenDictionary();

        /// <summary>Which optional conditions a statement carries (each combination is its own statement, built once).</summary>
        [Flags]
        internal enum Conditions
        {
            None = 0,
            Status = 1,
            Topic = 2,
            Phase = 4,
            Waiting = 8,
            NotWaiting = 16,
            WaitingDays = 32,
            Flagged = 64,
            NotFlagged = 128,
            Assignee = 256,
            Unassigned = 512,
            Search = 1024,
            Area = 2048,
        }

        private static readonly (Conditions Flag, string Sql)[] Fragments =
        [
            (Conditions.Status, "i.status = @Status"),
            (Conditions.Topic, TopicTags.Filter("idea_topics", "idea_id", "i.id")),
            (Conditions.Area, "i.area_id = @AreaId"),
            (Conditions.Phase, "i.phase_id = @PhaseId"),
            (Conditions.Waiting, FigureDefinitions.IsWaiting),
            (Conditions.NotWaiting, $"NOT ({FigureDefinitions.IsWaiting})"),
            (Conditions.WaitingDays, "i.created_at < now() - make_interval(days => @WaitingDays)"),
            (Conditions.Flagged, "i.open_flags > 0"),
            (Conditions.NotFlagged, "i.open_flags = 0"),
            (Conditions.Assignee, "i.assignee_id = @AssigneeId"),
            (Conditions.Unassigned, "i.assignee_id IS NULL"),
            (Conditions.Search, "i.search @@ plainto_tsquery('simple', @Search)"),
        ];

        private static readonly ConcurrentDictionary<(string, Conditions, bool), string> Cache = new();

        /// <summary>The statements for a sort, the conditions present and whether a cursor is given, assembled only from the
        /// constant fragments above (values are always parameters).</summary>
        internal static string Statement(string sort, Conditions conditions, bool after) => Cache.GetOrAdd((sort, conditions, after), key =>
            {
                var (order, afterSql) = Sorting[key.Item1];
                var where = string.Concat(
                    Fragments.Where(f => key.Item2.HasFlag(f.Flag)).Select(f => "\n                       AND " + f.Sql)
                );
                return string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    Template,
                    where,
                    key.Item3 ? " AND " + afterSql : "",
                    order
                );
            });

        internal sealed class Row
        {
            public Guid Id { get; init; }
            public string Title { get; init; } = "";
            public string Status { get; init; } = "";
            public bool Listed { get; init; }
            public bool Hidden { get; init; }
            public bool Withdrawn { get; init; }
            public Guid? PhaseId { get; init; }
            public string? PhaseTitle { get; init; }
            public string[] Topics { get; init; } = [];
            public Guid[] TopicIds { get; init; } = [];
            public Guid? AreaId { get; init; }
            public DateTime CreatedAt { get; init; }
            public int LikesCount { get; init; }
            public int DislikesCount { get; init; }
            public int CommentsCount { get; init; }
            public int OpenFlags { get; init; }
            public DateTime? AnsweredAt { get; init; }
            public bool Waiting { get; init; }
            public int? WaitingDays { get; init; }
            public Guid? AssigneeId { get; init; }
            public string? AssigneeName { get; init; }
            public Guid? AuthorUserId { get; init; }
            public string? AuthorPerson { get; init; }
            public Guid? AuthorOrgId { get; init; }
            public string? AuthorOrg { get; init; }
            public string? AuthorAvatar { get; init; }
        }

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var sort = (q.Sort ?? ManagedIdeaSort.Newest).ToWire();
            var after = Cursor.Decode<Key>(q.Cursor, k => k.Fits(sort));
            var limit = q.Limit ?? Cursor.DefaultLimit;
            var assignee = AssigneeFilter.Person(q.Assignee, q.ActorId);
            await using var connection = await db.OpenConnectionAsync(ct);
            var access = await ManagerAccess.RequireStaffAsync(connection, q.ActorId, q.ProjectId, null, ct);
            var conditions =
                (q.Status is null ? Conditions.None : Conditions.Status)
                | (string.IsNullOrWhiteSpace(q.Topic) && q.TopicId is null ? Conditions.None : Conditions.Topic)
                | (q.AreaId is null ? Conditions.None : Conditions.Area)
                | (q.PhaseId is null ? Conditions.None : Conditions.Phase)
                | (q.Waiting == true || q.WaitingDays is not null ? Conditions.Waiting : Conditions.None)
                | (q.Waiting == false ? Conditions.NotWaiting : Conditions.None)
                | (q.WaitingDays is null ? Conditions.None : Conditions.WaitingDays)
                | (
                    q.Flagged switch
                    {
                        true => Conditions.Flagged,
                        false => Conditions.NotFlagged,
                        null => Conditions.None,
                    }
                )
                | (
                    q.Assignee == "none" ? Conditions.Unassigned
                    : assignee is not null ? Conditions.Assignee
                    : Conditions.None
                )
                | (string.IsNullOrWhiteSpace(q.Search) ? Conditions.None : Conditions.Search);
            await using var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(
                    Statement(sort, conditions, after is not null),
                    new
                    {
                        q.ProjectId,
                        access.DepartmentId,
                        Status = q.Status.ToWire(),
                        Topic = string.IsNullOrWhiteSpace(q.Topic) ? null : q.Topic.Trim().ToLowerInvariant(),
                        q.TopicId,
                        q.AreaId,
                        Lang = RequestLanguage.Current,
                        q.PhaseId,
                        q.WaitingDays,
                        AssigneeId = assignee,
                        Search = string.IsNullOrWhiteSpace(q.Search) ? null : q.Search.Trim(),
                        AfterId = after?.Id,
                        AfterL = after?.L,
                        AfterAt = after?.At,
                        AfterW = after?.W,
                        Take = limit + 1,
                    },
                    cancellationToken: ct
                )
            );
            var rows = (await grid.ReadAsync<Row>()).AsList();
            var total = await grid.ReadSingleAsync<long>();
            var staff = (await grid.ReadAsync<StaffMember>()).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => KeyOf(r, sort));
            return new Response(page.Select(ToIdea).ToList(), next, total, staff);
        }

        private static Key KeyOf(Row r, string sort) =>
            new(
                sort,
                sort switch
                {
                    "most_supported" => r.LikesCount,
                    "most_commented" => r.CommentsCount,
                    _ => null,
                },
                sort is "newest" or "oldest" or "waiting_longest" ? DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc) : null,
                sort == "waiting_longest" ? !r.Waiting : null,
                r.Id
            );

        private static Idea ToIdea(Row r) =>
            new(
                r.Id,
                r.Title,
                r.Status.ToEnum<IdeaStatus>(),
                r.Withdrawn ? IdeaVisibilityState.Withdrawn
                    : r.Status == "prescreening" ? IdeaVisibilityState.Prescreening
                    : r.Hidden ? IdeaVisibilityState.Hidden
                    : IdeaVisibilityState.Public,
                AuthorView.From(r.AuthorUserId, r.AuthorPerson, r.AuthorOrgId, r.AuthorOrg, r.AuthorAvatar),
                r.PhaseId is { } phase && r.PhaseTitle is not null ? new PhaseRef(phase, LocalizedText.FromJson(r.PhaseTitle)) : null,
                r.Topics,
                r.CreatedAt.AsUtc(),
                r.LikesCount,
                r.DislikesCount,
                r.CommentsCount,
                r.OpenFlags,
                r.AnsweredAt.AsUtc(),
                r.Waiting ? r.CreatedAt.AsUtc() : null,
                r.WaitingDays,
                r.AssigneeId is { } id ? new StaffMember(id, r.AssigneeName ?? "") : null,
                r.TopicIds,
                r.AreaId
            );
    }

    /// <summary>The query string: filters, sort and the page.</summary>
    /// <param name="Assignee">A person's id, <c>none</c> (unassigned) or <c>me</c>.</param>
    /// <param name="Waiting">Waiting for an official answer (true) or not (false).</param>
    /// <param name="WaitingDays">Waiting for more than this many days.</param>
    /// <param name="Flagged">With open flags (true) or without (false).</param>
    public sealed record QueryString(
        [property: QueryEnum<IdeaStatus>] string? Status,
        string? Topic,
        Guid? PhaseId,
        bool? Waiting,
        int? WaitingDays,
        bool? Flagged,
        string? Assignee,
        string? Search,
        [property: QueryEnum<ManagedIdeaSort>] string? Sort,
        string? Cursor,
        int? Limit,
        Guid? TopicId,
        Guid? AreaId
    );

    [EndpointSummary(
        "Every idea of the project for its staff (pre-moderated, hidden and withdrawn ones too): filters, sorts, keyset pages, "
            + "the number matching and the staff ideas may be assigned to."
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
                caller.UserId,
                id,
                WireEnum.FromQuery<IdeaStatus>(q.Status),
                q.Topic,
                q.PhaseId,
                q.Waiting,
                q.WaitingDays,
                q.Flagged,
                q.Assignee,
                q.Search,
                WireEnum.FromQuery<ManagedIdeaSort>(q.Sort),
                q.Cursor,
                q.Limit,
                q.TopicId,
                q.AreaId
            ),
            ct
        );
}
