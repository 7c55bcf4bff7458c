namespace Participation.Api.Features.Users;

/// <summary>Public profiles, and user and role management for staff.</summary>
public static class UsersEndpoints
{
    public static RouteGroupBuilder MapUsersEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/users").WithTags("Users");
        g.MapGet("/{id:guid}", GetUser.Endpoint).WithName(nameof(GetUser))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead).ProducesProblems(404);
        g.MapGet("/", ListUsers.Endpoint).WithName(nameof(ListUsers))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin (checked in the handler)
        g.MapGet("/search", SearchPeople.Endpoint).WithName(nameof(SearchPeople))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admins and department heads; names only
        g.MapPut("/{userId:guid}/roles", GrantRole.Endpoint).WithName(nameof(GrantRole))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // admin; department heads for their projects' moderators
        g.MapDelete("/{userId:guid}/roles/{grantId:guid}", RevokeRole.Endpoint).WithName(nameof(RevokeRole))
            .RequireAuthorization().ProducesProblems(401, 403, 404, 409); // same
        g.MapPut("/{userId:guid}/block", BlockUser.Endpoint).WithName(nameof(BlockUser))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // admin
        g.MapDelete("/{userId:guid}/block", UnblockUser.Endpoint).WithName(nameof(UnblockUser))
            .RequireAuthorization().ProducesProblems(401, 403); // admin
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/{id:guid}", GetPerson.Endpoint).WithName(nameof(GetPerson))
            .AllowAnonymous().ProducesProblems(404); // everyone: names, avatar, member since; never the e-mail
        people.MapGet("/{id:guid}/contributions", ListPersonContributions.Endpoint).WithName(nameof(ListPersonContributions))
            .AllowAnonymous().ProducesProblems(400, 404); // everyone: only what is public anyway
        api.MapGet("/avatars/{key}", GetAvatar.Endpoint).WithName(nameof(GetAvatar)).WithTags("People")
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead)
            .Produces(200, typeof(Stream), "image/png", "image/jpeg", "image/webp")
            .ProducesProblems(404); // everyone: the key is random, shown beside public names
        // csharpier-ignore-end
        return api;
    }
}
