namespace Participation.Api.Features.CalendarEvents;

/// <summary>
/// Events with calendars. Writers (the project's staff, communication managers, admins) are checked in the handlers;
/// residents register themselves; the public events and their iCalendar feeds are read by everyone.
/// </summary>
public static class CalendarEventsEndpoints
{
    public static RouteGroupBuilder MapCalendarEventsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/events").WithTags("Events");
        g.MapGet("/", ListCalendarEvents.Endpoint).WithName(nameof(ListCalendarEvents))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).ProducesProblems(400); // public ones; writers also drafts'
        g.MapGet("/calendar.ics", CalendarFeeds.PlatformEndpoint).WithName("GetPlatformCalendar")
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).Produces(200, typeof(string), "text/calendar"); // everyone
        g.MapGet("/{id:guid}", GetCalendarEvent.Endpoint).WithName(nameof(GetCalendarEvent))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).ProducesProblems(404); // public ones; writers also drafts'
        g.MapGet("/by-slug/{slug}", GetCalendarEventBySlug.Endpoint).WithName(nameof(GetCalendarEventBySlug))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).ProducesProblems(400, 404); // as by id
        g.MapGet("/{id:guid}.ics", CalendarFeeds.EventEndpoint).WithName("GetCalendarEventIcs")
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).Produces(200, typeof(string), "text/calendar")
            .ProducesProblems(404); // public events
        g.MapPost("/", CreateCalendarEvent.Endpoint).WithName(nameof(CreateCalendarEvent))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff, communication managers, admins
        g.MapPut("/{id:guid}", UpdateCalendarEvent.Endpoint).WithName(nameof(UpdateCalendarEvent))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // the event's writers
        g.MapPost("/{id:guid}/cancel", CancelCalendarEvent.Endpoint).WithName(nameof(CancelCalendarEvent))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // the event's writers
        g.MapGet("/{id:guid}/registrants", ListCalendarEventRegistrants.Endpoint).WithName(nameof(ListCalendarEventRegistrants))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // the event's writers; names only
        g.MapPost("/{id:guid}/registration", RegisterForCalendarEvent.Endpoint).WithName(nameof(RegisterForCalendarEvent))
            .RequireAuthorization().ProducesProblems(401, 404, 409); // signed-in people, for themselves
        g.MapDelete("/{id:guid}/registration", CancelCalendarEventRegistration.Endpoint).WithName(nameof(CancelCalendarEventRegistration))
            .RequireAuthorization().ProducesProblems(401, 404); // signed-in people, their own
        api.MapGet("/projects/{id:guid}/events.ics", CalendarFeeds.ProjectEndpoint).WithName("GetProjectCalendar").WithTags("Events")
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).Produces(200, typeof(string), "text/calendar")
            .ProducesProblems(404); // public projects
        // csharpier-ignore-end
        return api;
    }
}
