namespace Participation.Api.Features.Platform;

public static class PlatformEndpoints
{
    public static RouteGroupBuilder MapPlatformEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/platform").WithTags("Platform");
        g.MapGet("/", GetPlatform.Endpoint).WithName(nameof(GetPlatform))
            .AllowAnonymous(); // everyone
        return api;
    }
}
