namespace Participation.Api.Features.Me;

/// <summary>The signed-in user's own account.</summary>
public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/me").WithTags("Me");
        g.MapGet("/", GetMe.Endpoint).WithName(nameof(GetMe))
            .RequireAuthorization().ProducesProblems(401, 404);
        g.MapPatch("/", UpdateMe.Endpoint).WithName(nameof(UpdateMe))
            .RequireAuthorization().ProducesProblems(400, 401);
        g.MapPost("/password", ChangePassword.Endpoint).WithName(nameof(ChangePassword))
            .RequireAuthorization().ProducesProblems(400, 401);
        return api;
    }
}
