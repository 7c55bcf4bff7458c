using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Support;

/// <summary>Support with consent (issue 19): the city's grants to the vendor's support and its staff's requests to support.</summary>
public static class SupportEndpoints
{
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupportOptions>(configuration.GetSection(SupportOptions.Section));
        services.AddSingleton<SupportGrantCheck>();
        services.AddSingleton<ISupportGrantCheck>(sp => sp.GetRequiredService<SupportGrantCheck>());
        services.AddSingleton<SupportExpiry>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<SupportExpiry>());
        return services;
    }

    public static RouteGroupBuilder MapSupportEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/support").WithTags("Support");
        g.MapPost("/grants", GrantSupport.Endpoint).WithName(nameof(GrantSupport))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403); // admins; audited
        g.MapGet("/grants", ListSupportGrants.Endpoint).WithName(nameof(ListSupportGrants))
            .RequireAuthorization().ProducesProblems(401, 403); // admins
        g.MapDelete("/grants/{id:guid}", RevokeSupport.Endpoint).WithName(nameof(RevokeSupport))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404, 409); // admins; audited
        g.MapPost("/requests", SendSupportRequest.Endpoint).WithName(nameof(SendSupportRequest))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403); // any staff member
        g.MapGet("/requests", ListSupportRequests.Endpoint).WithName(nameof(ListSupportRequests))
            .RequireAuthorization().ProducesProblems(401, 403); // any staff member
        // csharpier-ignore-end
        return api;
    }

    /// <summary>The vendor's console side (outside any city, operator tokens): the cities open to support, a session in one.</summary>
    public static RouteGroupBuilder MapOperatorSupportEndpoints(this RouteGroupBuilder api)
    {
        // csharpier-ignore-start
        var g = api.MapGroup("/operator/support").WithTags("Operator");
        g.MapGet("/cities", ListSupportCities.Endpoint).WithName(nameof(ListSupportCities))
            .RequireAuthorization(OperatorTokens.SupportPolicy).ProducesProblems(401, 403); // operators and support staff
        g.MapPost("/sessions", OpenSupportSession.Endpoint).WithName(nameof(OpenSupportSession))
            .RequireAuthorization(OperatorTokens.SupportPolicy).RequireRateLimiting(RateLimits.Sensitive)
            .ProducesProblems(400, 401, 403, 404, 409, 429); // same; only where the city grants access now
        // csharpier-ignore-end
        return api;
    }
}
