using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Invitations;

/// <summary>Inviting staff: who may invite whom is decided by GrantPolicy, shared with role management.</summary>
public static class InvitationsEndpoints
{
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InvitationReminderOptions>(configuration.GetSection(InvitationReminderOptions.Section));
        services.AddSingleton<InvitationWriter>();
        services.AddSingleton<InvitationReminders>();
        services.AddHostedService<InvitationReminderService>();
        return services;
    }

    public static RouteGroupBuilder MapInvitationsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/invitations").WithTags("Invitations");
        g.MapPost("/", CreateInvitations.Endpoint).WithName(nameof(CreateInvitations))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin; department heads for their projects' moderators
        g.MapPost("/import", ImportInvitations.Endpoint).WithName(nameof(ImportInvitations))
            .RequireAuthorization().DisableAntiforgery().ProducesProblems(400, 401, 403); // same; bearer tokens, not cookies: no CSRF
        g.MapGet("/", ListInvitations.Endpoint).WithName(nameof(ListInvitations))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin: all; department heads: their departments'
        g.MapPost("/{id:guid}/resend", ResendInvitation.Endpoint).WithName(nameof(ResendInvitation))
            .RequireAuthorization().ProducesProblems(401, 403, 404, 409); // whoever may invite to that role and scope
        g.MapDelete("/{id:guid}", RevokeInvitation.Endpoint).WithName(nameof(RevokeInvitation))
            .RequireAuthorization().ProducesProblems(401, 403, 404, 409); // same
        g.MapPost("/lookup", LookupInvitation.Endpoint).WithName(nameof(LookupInvitation))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive).ProducesProblems(400, 410, 429);
        g.MapPost("/accept", AcceptInvitation.Endpoint).WithName(nameof(AcceptInvitation))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive).ProducesProblems(400, 409, 410, 429); // new account, or signed in
        // csharpier-ignore-end
        return api;
    }
}
