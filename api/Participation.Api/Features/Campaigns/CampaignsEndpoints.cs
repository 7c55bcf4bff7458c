using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Campaigns;

/// <summary>
/// E-mail campaigns: written, previewed, tested, scheduled and cancelled by communication managers and admins (checked in
/// the handlers); a resident's own newsletter consent; the one-click unsubscribe link of campaign e-mails (the token is
/// the right).
/// </summary>
public static class CampaignsEndpoints
{
    public static RouteGroupBuilder MapCampaignsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/campaigns").WithTags("Campaigns");
        g.MapGet("/", ListCampaigns.Endpoint).WithName(nameof(ListCampaigns))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin, communication_manager
        g.MapGet("/{id:guid}", GetCampaign.Endpoint).WithName(nameof(GetCampaign))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // admin, communication_manager
        g.MapPost("/", CreateCampaign.Endpoint).WithName(nameof(CreateCampaign))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403); // admin, communication_manager
        g.MapPut("/{id:guid}", UpdateCampaign.Endpoint).WithName(nameof(UpdateCampaign))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 404, 409); // admin, communication_manager; drafts only
        g.MapPost("/recipients/preview", PreviewCampaignRecipients.Endpoint).WithName(nameof(PreviewCampaignRecipients))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin, communication_manager
        g.MapPost("/{id:guid}/test", SendCampaignTest.Endpoint).WithName(nameof(SendCampaignTest))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404); // admin, communication_manager
        g.MapPost("/{id:guid}/schedule", ScheduleCampaign.Endpoint).WithName(nameof(ScheduleCampaign))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 404, 409); // admin, communication_manager; drafts only
        g.MapPost("/{id:guid}/cancel", CancelCampaign.Endpoint).WithName(nameof(CancelCampaign))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(401, 403, 404, 409); // admin, communication_manager; scheduled only

        var n = api.MapGroup("/newsletter").WithTags("Campaigns");
        n.MapGet("/consent", GetNewsletterConsent.Endpoint).WithName(nameof(GetNewsletterConsent))
            .RequireAuthorization().ProducesProblems(401); // own
        n.MapPut("/consent", SetNewsletterConsent.Endpoint).WithName(nameof(SetNewsletterConsent))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401); // own
        n.MapPost("/unsubscribe", UnsubscribeNewsletter.Endpoint).WithName(nameof(UnsubscribeNewsletter))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Unsubscribe).ProducesProblems(410); // signed token
        // csharpier-ignore-end
        return api;
    }
}
