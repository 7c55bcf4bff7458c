using Microsoft.AspNetCore.Mvc;

namespace Participation.Api.Features.ContentCalendar;

/// <summary>The staff content calendar in a window of at most 100 days (see <see cref="ContentCalendarItems"/> for who sees
/// what).</summary>
public static class ListContentCalendar
{
    public sealed record Query(
        Guid ActorId,
        DateTimeOffset? From,
        DateTimeOffset? To,
        IReadOnlyList<ContentCalendarKind>? Kinds,
        Guid? ProjectId,
        Guid? DepartmentId,
        string Language
    ) : IQuery<Response>;

    /// <param name="Items">The entries, soonest first.</param>
    /// <param name="Access">What the caller sees beyond projects (for the filters offered).</param>
    public sealed record Response(IReadOnlyList<ContentCalendarItem> Items, ContentCalendarAccess Access);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).NotNull().WithName("from");
            RuleFor(q => q.To)
                .NotNull()
                .WithName("to")
                .Must((q, to) => q.From is null || to is null || to > q.From)
                .WithMessage(_ => Messages.Get("event_end_after_start"))
                .Must((q, to) => q.From is null || to is null || to - q.From <= TimeSpan.FromDays(ContentCalendarItems.MaxDays))
                .WithMessage(_ => Messages.Get("content_calendar_window", ContentCalendarItems.MaxDays));
            RuleFor(q => q.Kinds)
                .Must(k => k is null || (k.Count <= 20 && k.All(Enum.IsDefined)))
                .WithName("kinds")
                .WithMessage(_ => Messages.Get("content_calendar_kinds"));
        }
    }

    public sealed class Handler(CityDb db, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var (access, items) = await ContentCalendarItems.LoadAsync(
                connection,
                q.ActorId,
                q.From!.Value,
                q.To!.Value,
                q.Kinds,
                q.ProjectId,
                q.DepartmentId,
                q.Language,
                clock,
                ct
            );
            return new Response(items, access);
        }
    }

    /// <summary>The query string: the window (from included, to excluded, at most 100 days), kinds (repeated or
    /// comma-separated; every kind when none), a project or a department.</summary>
    public sealed record QueryString(
        DateTimeOffset? From,
        DateTimeOffset? To,
        [property: FromQuery, QueryEnum<ContentCalendarKind>] string[]? Kinds,
        Guid? ProjectId,
        Guid? DepartmentId
    );

    [EndpointSummary("The staff content calendar: phases, events, campaigns and briefings the caller may see, in a window.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, q.From, q.To, ParseKinds(q.Kinds), q.ProjectId, q.DepartmentId, RequestLanguage.Current), ct);

    private static List<ContentCalendarKind>? ParseKinds(string[]? kinds)
    {
        var names = (kinds ?? [])
            .SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return names.Count == 0 ? null : names.Select(n => WireEnum.FromQuery<ContentCalendarKind>(n)!.Value).ToList();
    }
}
