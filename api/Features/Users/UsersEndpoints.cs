namespace Participation.Api.Features.Users;

public static class UsersEndpoints
{
    public static RouteGroupBuilder MapUsersEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Users");
        GetUser.Map(g).AllowAnonymous();
        return api;
    }
}
