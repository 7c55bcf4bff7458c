using Participation.Api.Infrastructure.Content;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>An event found by its readable address: the same event, with the same rules, as by its id.</summary>
public static class GetCalendarEventBySlug
{
    public sealed record Query(string Slug) : IQuery<Guid>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Slug).Must(Slugs.IsValid).WithMessage(_ => Messages.Get("project_slug"));
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Guid>
    {
        private const string Sql = "SELECT id FROM calendar_events WHERE slug = @Slug;";

        public async ValueTask<Guid> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(Sql, new { q.Slug }, cancellationToken: ct))
                ?? throw new NotFoundException("No such event.");
        }
    }

    [EndpointSummary("An event by its slug (as by its id).")]
    public static async Task<CalendarEvent> Endpoint(
        string slug,
        Caller caller,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) =>
        await sender.Send(
            new GetCalendarEvent.Query(await sender.Send(new Query(slug), ct), caller.UserIdOrNull, addresses.Current.AppBaseUrl),
            ct
        );
}
