namespace Participation.Api.Features.AuditLog;

public static class AuditLogEndpoints
{
    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit-log").WithTags("AuditLog");
        g.MapGet("/", ListAuditLog.Endpoint).WithName(nameof(ListAuditLog))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin; department heads (their departments)
        return api;
    }
}
