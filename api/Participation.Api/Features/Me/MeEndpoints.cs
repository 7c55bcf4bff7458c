namespace Participation.Api.Features.Me;

/// <summary>The signed-in user's own account.</summary>
public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/me").WithTags("Me");
        GetMe.Map(g).RequireAuthorization();
        UpdateMe.Map(g).RequireAuthorization();
        ChangePassword.Map(g).RequireAuthorization();
        return api;
    }
}
