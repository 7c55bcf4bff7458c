namespace Participation.Api.Features.AuditLog;

public static class AuditLogEndpoints
{
    public static RouteGroupBuilder MapAuditLogEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit-log").WithTags("AuditLog");
        ListAuditLog.Map(g).RequireAuthorization(); // admin; department heads (their departments)
        return api;
    }
}
