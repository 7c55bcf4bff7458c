using Participation.Api.Features.Figures;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Briefings;

/// <summary>
/// An official's next briefing as it stands: the current period of the schedule up to today, rendered exactly as it
/// would be e-mailed (images inlined as data: URIs), with its figures and charts' alt texts. Read-only: admins for any
/// official, an official for themself.
/// </summary>
public static class PreviewBriefing
{
    public sealed record Query(Guid ActorId, Guid OfficialId, Guid? DepartmentId) : IQuery<Response>;

    /// <param name="ContentId">The image's Content-ID in the e-mail.</param>
    /// <param name="Title">The chart's title.</param>
    /// <param name="Alt">Its alt text, which states the data.</param>
    public sealed record Chart(string ContentId, string Title, string Alt);

    /// <param name="Scope">What the briefing covers.</param>
    /// <param name="From">The period's first day.</param>
    /// <param name="To">The last day included (today).</param>
    /// <param name="Subject">The e-mail's subject.</param>
    /// <param name="Html">The e-mail's HTML, its images as data: URIs (show it in a sandboxed frame).</param>
    /// <param name="Text">The plain-text part.</param>
    /// <param name="Charts">The charts, with their alt texts.</param>
    /// <param name="Figures">The figures, in the official's language.</param>
    /// <param name="Empty">Nothing to report: it would be skipped, not sent.</param>
    /// <param name="OptedOut">The official opted out: nothing would be sent.</param>
    public sealed record Response(
        BriefingScopeView Scope,
        DateOnly From,
        DateOnly To,
        string Subject,
        string Html,
        string Text,
        IReadOnlyList<Chart> Charts,
        IReadOnlyList<Figure> Figures,
        bool Empty,
        bool OptedOut
    );

    public sealed class Handler(CityDb db, BriefingProducer producer, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (q.ActorId != q.OfficialId && !await Roles.IsAdminAsync(connection, q.ActorId, null, ct))
                throw new ForbiddenException();
            var (scope, reader, optedOut) = await BriefingOfficials.RequireAsync(connection, q.OfficialId, q.DepartmentId, null, ct);
            var schedule = await BriefingSchedule.ReadAsync(connection, null, ct);
            var today = PeriodQuery.Today(clock);
            var (first, _) = schedule.PeriodOf(today);
            var built = await producer.BuildAsync(connection, reader, scope, first, today, "preview", new BriefingProducer.Cache(), ct);
            var language = BriefingTexts.Language(reader.Locale);
            return new Response(
                new BriefingScopeView(scope.Type, scope.Id, built.Highlights.ScopeName),
                first,
                today,
                built.Email.Subject,
                BriefingEmails.InlineImages(built.Email.HtmlBody ?? "", built.Email.Images ?? []),
                built.Email.TextBody,
                built.Charts.Select(c => new Chart(c.ContentId, c.Title, c.Alt)).ToList(),
                BriefingContent.Relabel(built.Figures, language),
                built.Empty,
                optedOut
            );
        }
    }

    [EndpointSummary("Preview an official's next briefing: the period so far, rendered as e-mailed (admins; an official: their own).")]
    public static ValueTask<Response> Endpoint(Guid userId, Guid? departmentId, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, userId, departmentId), ct);
}
