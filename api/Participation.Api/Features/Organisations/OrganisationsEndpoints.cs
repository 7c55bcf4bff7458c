namespace Participation.Api.Features.Organisations;

/// <summary>Organisations residents represent. Scoped rights (owner, member, admin) are checked in the handlers.</summary>
public static class OrganisationsEndpoints
{
    public static RouteGroupBuilder MapOrganisationsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organisations").WithTags("Organisations");
        ListOrganisations.Map(g).AllowAnonymous();       // verified: everyone; pending/rejected: admins
        ListMyOrganisations.Map(g).RequireAuthorization();
        GetOrganisation.Map(g).AllowAnonymous();         // verified: everyone; otherwise members and admins
        CreateOrganisation.Map(g).RequireAuthorization(); // any resident
        UpdateOrganisation.Map(g).RequireAuthorization(); // owner
        ReviewOrganisation.Map(g).RequireAuthorization(); // admin
        InviteMember.Map(g).RequireAuthorization();       // owner
        WithdrawMemberInvitation.Map(g).RequireAuthorization(); // owner
        JoinOrganisation.Map(g).RequireAuthorization();   // the invited address
        RemoveMember.Map(g).RequireAuthorization();       // owner, or the member leaving
        return api;
    }
}
