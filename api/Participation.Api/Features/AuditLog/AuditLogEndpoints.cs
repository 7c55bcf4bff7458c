namespace Participation.Api.Features.AuditLog;

public static class AuditLogEndpoints
{
    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/audit-log").WithTags("AuditLog");
        g.MapGet("/", ListAuditLog.Endpoint).WithName(nameof(ListAuditLog))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin; department heads (their departments)
        // csharpier-ignore-end
        return api;
    }
}
