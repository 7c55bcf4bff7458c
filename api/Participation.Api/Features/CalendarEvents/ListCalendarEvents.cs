using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>
/// Events, one keyset page in one statement: upcoming ones (not yet over) soonest first, or past ones latest first;
/// filtered by project (or platform-wide only), by its project's topic or area, and a start window. Everybody reads the
/// events of public projects and platform-wide ones; writers also those of their draft projects.
/// </summary>
public static class ListCalendarEvents
{
    public sealed record Query(
        Guid? ActorId,
        Guid? ProjectId,
        bool PlatformOnly,
        CalendarEventPeriod? Period,
        DateTimeOffset? From,
        DateTimeOffset? To,
        string? Cursor,
        int? Limit,
        string AppBaseUrl,
        Guid? TopicId = null,
        Guid? AreaId = null
    ) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<CalendarEvent> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageSize();
            RuleFor(q => q.Period).IsInEnum().WithMessage(_ => Messages.Get("one_of_event_periods"));
            RuleFor(q => q.To)
                .Must((q, to) => to is null || q.From is null || to > q.From)
                .WithMessage(_ => Messages.Get("event_end_after_start"));
            RuleFor(q => q.ProjectId).Null().When(q => q.PlatformOnly).WithMessage("Choose a project or platform-wide events, not both.");
            RuleFor(q => q.TopicId).Null().When(q => q.PlatformOnly).WithMessage("Platform-wide events have no topic.");
            RuleFor(q => q.AreaId).Null().When(q => q.PlatformOnly).WithMessage("Platform-wide events have no area.");
        }
    }

    internal sealed record Key(DateTime At, Guid Id);

    private const string Where = $"""
        WHERE ({CalendarEventRows.IsPublic} OR {CalendarEventRows.CanWrite})
          AND (@ProjectId::uuid IS NULL OR e.project_id = @ProjectId)
          AND (NOT @PlatformOnly OR e.project_id IS NULL)
          AND (@From::timestamptz IS NULL OR e.starts_at >= @From)
          AND (@To::timestamptz IS NULL OR e.starts_at < @To)
          AND (@TopicId::uuid IS NULL
               OR EXISTS (SELECT 1 FROM project_topics pt WHERE pt.project_id = e.project_id AND pt.topic_id = @TopicId))
          AND (@AreaId::uuid IS NULL
               OR EXISTS (SELECT 1 FROM project_areas pa WHERE pa.project_id = e.project_id AND pa.area_id = @AreaId))
        """;

    private const string UpcomingSql = $"""
        SELECT {CalendarEventRows.Columns}
          FROM {CalendarEventRows.From}
        {Where}
           AND e.ends_at > now()
           AND (@AfterAt::timestamptz IS NULL OR (e.starts_at, e.id) > (@AfterAt, @AfterId))
         ORDER BY e.starts_at, e.id
         LIMIT @Take;
        """;

    private const string PastSql = $"""
        SELECT {CalendarEventRows.Columns}
          FROM {CalendarEventRows.From}
        {Where}
           AND e.ends_at <= now()
           AND (@AfterAt::timestamptz IS NULL OR (e.starts_at, e.id) < (@AfterAt, @AfterId))
         ORDER BY e.starts_at DESC, e.id DESC
         LIMIT @Take;
        """;

    public sealed class Handler(StaleReads db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = (
                await connection.QueryAsync<CalendarEventRows.Row>(
                    new CommandDefinition(
                        q.Period == CalendarEventPeriod.Past ? PastSql : UpcomingSql,
                        new
                        {
                            q.ActorId,
                            q.ProjectId,
                            q.PlatformOnly,
                            q.TopicId,
                            q.AreaId,
                            From = q.From?.UtcDateTime,
                            To = q.To?.UtcDateTime,
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.StartsAt, r.Id));
            return new Response(page.Select(r => r.ToEvent(q.AppBaseUrl, RequestLanguage.Asked)).ToList(), next);
        }
    }

    /// <summary>
    /// The query string: a project (or platform-wide events only), upcoming or past, a start window, the page; a topic or
    /// an area (the events of the projects tagged with it).
    /// </summary>
    public sealed record QueryString(
        Guid? ProjectId,
        bool? PlatformOnly,
        [property: QueryEnum<CalendarEventPeriod>] string? Period,
        DateTimeOffset? From,
        DateTimeOffset? To,
        string? Cursor,
        int? Limit,
        Guid? TopicId = null,
        Guid? AreaId = null
    );

    [EndpointSummary("Events: upcoming (soonest first) or past (latest first), by project or platform-wide, topic, area, start window.")]
    public static ValueTask<Response> Endpoint(
        [AsParameters] QueryString q,
        Caller caller,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) =>
        sender.Send(
            new Query(
                caller.UserIdOrNull,
                q.ProjectId,
                q.PlatformOnly ?? false,
                WireEnum.FromQuery<CalendarEventPeriod>(q.Period),
                q.From,
                q.To,
                q.Cursor,
                q.Limit,
                addresses.Current.AppBaseUrl,
                q.TopicId,
                q.AreaId
            ),
            ct
        );
}
