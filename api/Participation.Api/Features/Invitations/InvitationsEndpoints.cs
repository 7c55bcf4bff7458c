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
        var g = api.MapGroup("/invitations").WithTags("Invitations");
        CreateInvitations.Map(g).RequireAuthorization();     // admin; department heads for their projects' moderators
        ImportInvitations.Map(g).RequireAuthorization();     // same
        ListInvitations.Map(g).RequireAuthorization();       // admin: all; department heads: their departments'
        ResendInvitation.Map(g).RequireAuthorization();      // whoever may invite to that role and scope
        RevokeInvitation.Map(g).RequireAuthorization();      // same
        LookupInvitation.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive);
        AcceptInvitation.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive); // anonymous (new account) or signed in
        return api;
    }
}
