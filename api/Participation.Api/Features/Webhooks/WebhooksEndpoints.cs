using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// Webhook subscriptions: an API client with webhooks:manage manages its own (another's answers 404); admins and the IT
/// manager any client's (checked in the handlers); anybody else 403.
/// </summary>
public static class WebhooksEndpoints
{
    public static RouteGroupBuilder MapWebhooksEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/webhooks").WithTags("Webhooks");
        g.MapGet("/", ListWebhooks.Endpoint).WithName(nameof(ListWebhooks))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).ProducesProblems(400, 401, 403); // client, admin, IT manager
        g.MapPost("/", CreateWebhook.Endpoint).WithName(nameof(CreateWebhook))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 409); // client (own), admin, IT manager
        g.MapGet("/{id:guid}", GetWebhook.Endpoint).WithName(nameof(GetWebhook))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).ProducesProblems(401, 403, 404); // client, admin, IT manager
        g.MapPut("/{id:guid}", UpdateWebhook.Endpoint).WithName(nameof(UpdateWebhook))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 404); // client (own), admin, IT manager
        g.MapDelete("/{id:guid}", DeleteWebhook.Endpoint).WithName(nameof(DeleteWebhook))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(401, 403, 404); // client (own), admin, IT manager
        g.MapPost("/{id:guid}/rotate-secret", RotateWebhookSecret.Endpoint).WithName(nameof(RotateWebhookSecret))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 404); // client (own), admin, IT manager
        g.MapPost("/{id:guid}/enable", EnableWebhook.Endpoint).WithName(nameof(EnableWebhook))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(401, 403, 404); // client (own), admin, IT manager
        g.MapPost("/{id:guid}/disable", DisableWebhook.Endpoint).WithName(nameof(DisableWebhook))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(401, 403, 404); // client (own), admin, IT manager
        g.MapPost("/{id:guid}/test", SendWebhookTest.Endpoint).WithName(nameof(SendWebhookTest))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(401, 403, 404, 409); // client (own), admin, IT manager
        g.MapGet("/{id:guid}/deliveries", ListWebhookDeliveries.Endpoint).WithName(nameof(ListWebhookDeliveries))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage)
            .ProducesProblems(400, 401, 403, 404); // client (own), admin, IT manager
        g.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", ReplayWebhookDelivery.Endpoint).WithName(nameof(ReplayWebhookDelivery))
            .RequireAuthorization().AcceptClients(ClientScope.WebhooksManage).RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(401, 403, 404, 409); // client (own), admin, IT manager
        // csharpier-ignore-end
        return api;
    }
}
