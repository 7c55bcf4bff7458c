using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;
using Participation.Api.Infrastructure.Tables;

namespace Participation.Api.Features.Exports;

/// <summary>
/// Staff exports: ideas, comments, reactions, votes, baskets, survey responses and participants of a scope the caller's
/// roles cover (admins, department heads, project moderators, elected officials: see <see cref="ExportAccess"/>), as CSV
/// or XLSX written in the background; each person sees and downloads their own exports only.
/// </summary>
public static class ExportsEndpoints
{
    public static RouteGroupBuilder MapExportsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/exports").WithTags("Exports");
        g.MapPost("/", RequestExport.Endpoint).WithName(nameof(RequestExport))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).WithIdempotency()
            .ProducesProblems(400, 401, 403, 409, 422); // staff whose role covers the scope (checked in the handler); audited
        g.MapGet("/", ListExports.Endpoint).WithName(nameof(ListExports))
            .RequireAuthorization().ProducesProblems(400, 401); // the caller's own
        g.MapGet("/{id:guid}", GetExport.Endpoint).WithName(nameof(GetExport))
            .RequireAuthorization().ProducesProblems(401, 404); // the caller's own
        g.MapGet("/{id:guid}/file", DownloadExport.Endpoint).WithName(nameof(DownloadExport))
            .RequireAuthorization().Produces(200, null, "text/csv", TableWriters.XlsxContentType)
            .ProducesProblems(401, 403, 404, 409, 410); // the caller's own, while their role covers its scope; audited
        // csharpier-ignore-end
        return api;
    }
}
