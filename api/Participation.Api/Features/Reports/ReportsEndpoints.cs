using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;
using Participation.Api.Infrastructure.Tables;

namespace Participation.Api.Features.Reports;

/// <summary>
/// A project's results report for the decision maker: read by the project's overseers (its staff and the elected officials
/// covering it, read-only), composed and sent by its staff (moderators, the department's heads, admins; checked in each
/// handler). API clients are refused.
/// </summary>
public static class ReportsEndpoints
{
    public static RouteGroupBuilder MapReportsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/projects/{id:guid}/report").WithTags("Reports");
        g.MapGet("", GetReport.Endpoint).WithName(nameof(GetReport))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // project staff; officials covering it (read-only)
        g.MapPut("", SaveReport.Endpoint).WithName(nameof(SaveReport))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // project staff
        api.MapGet("/projects/{id:guid}/report.xlsx", DownloadReport.Endpoint).WithTags("Reports").WithName(nameof(DownloadReport))
            .RequireAuthorization().Produces(200, null, TableWriters.XlsxContentType)
            .ProducesProblems(401, 403, 404); // project staff; officials covering it; audited
        g.MapGet("/recipients", ListReportRecipients.Endpoint).WithName(nameof(ListReportRecipients))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // project staff
        g.MapPost("/send", SendReport.Endpoint).WithName(nameof(SendReport)) // project staff; audited
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).WithIdempotency().ProducesProblems(400, 401, 403, 404);
        // csharpier-ignore-end
        return api;
    }
}
