namespace Participation.Api.Features.Organisations;

/// <summary>Organisations residents represent. Scoped rights (owner, member, admin) are checked in the handlers.</summary>
public static class OrganisationsEndpoints
{
    public static RouteGroupBuilder MapOrganisationsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/organisations").WithTags("Organisations");
        g.MapGet("/", ListOrganisations.Endpoint).WithName(nameof(ListOrganisations))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead).ProducesProblems(400, 401, 403); // verified: all; others: admins
        g.MapGet("/mine", ListMyOrganisations.Endpoint).WithName(nameof(ListMyOrganisations))
            .RequireAuthorization().ProducesProblems(401);
        g.MapGet("/{id:guid}", GetOrganisation.Endpoint).WithName(nameof(GetOrganisation))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead).ProducesProblems(404); // verified: all; others: members, admins
        g.MapPost("/", CreateOrganisation.Endpoint).WithName(nameof(CreateOrganisation))
            .RequireAuthorization().ProducesProblems(400, 401, 409); // any resident
        g.MapPatch("/{id:guid}", UpdateOrganisation.Endpoint).WithName(nameof(UpdateOrganisation))
            .RequireAuthorization().ProducesProblems(400, 401, 404, 409); // owner
        g.MapPost("/{id:guid}/review", ReviewOrganisation.Endpoint).WithName(nameof(ReviewOrganisation))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // admin
        g.MapPost("/{id:guid}/members", InviteMember.Endpoint).WithName(nameof(InviteMember))
            .RequireAuthorization().ProducesProblems(400, 401, 404); // owner
        g.MapPost("/{id:guid}/invitations/withdraw", WithdrawMemberInvitation.Endpoint).WithName(nameof(WithdrawMemberInvitation))
            .RequireAuthorization().ProducesProblems(400, 401, 404); // owner
        g.MapPost("/{id:guid}/members/me", JoinOrganisation.Endpoint).WithName(nameof(JoinOrganisation))
            .RequireAuthorization().ProducesProblems(401, 404); // the invited address
        g.MapDelete("/{id:guid}/members/{userId:guid}", RemoveMember.Endpoint).WithName(nameof(RemoveMember))
            .RequireAuthorization().ProducesProblems(401, 404); // owner, or the member leaving
        // csharpier-ignore-end
        return api;
    }
}
