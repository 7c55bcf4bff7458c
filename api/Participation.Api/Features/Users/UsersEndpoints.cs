namespace Participation.Api.Features.Users;

/// <summary>Public profiles, and user and role management for staff.</summary>
public static class UsersEndpoints
{
    public static RouteGroupBuilder MapUsersEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Users");
        GetUser.Map(g).AllowAnonymous();
        ListUsers.Map(g).RequireAuthorization();       // admin (checked in the handler)
        SearchPeople.Map(g).RequireAuthorization();    // admins and department heads; names only
        GrantRole.Map(g).RequireAuthorization();       // admin; department heads for their projects' moderators
        RevokeRole.Map(g).RequireAuthorization();      // same
        BlockUser.Map(g).RequireAuthorization();       // admin
        UnblockUser.Map(g).RequireAuthorization();     // admin
        return api;
    }
}
