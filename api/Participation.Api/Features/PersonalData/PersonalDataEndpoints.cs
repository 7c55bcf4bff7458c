namespace Participation.Api.Features.PersonalData;

/// <summary>The caller's own data: exports of it and deleting the account. Only the person themselves: no one else's.</summary>
public static class PersonalDataEndpoints
{
    public static RouteGroupBuilder MapPersonalDataEndpoints(this RouteGroupBuilder api)
    {
        // csharpier-ignore-start
        var g = api.MapGroup("/me").WithTags("Me");
        g.MapPost("/data-exports", RequestPersonalExport.Endpoint).WithName(nameof(RequestPersonalExport))
            .RequireAuthorization().Produces<PersonalExport>(202).ProducesProblems(401, 409);
        g.MapGet("/data-exports", ListPersonalExports.Endpoint).WithName(nameof(ListPersonalExports))
            .RequireAuthorization().ProducesProblems(401);
        g.MapGet("/data-exports/{id:guid}/file", DownloadPersonalExport.Endpoint).WithName(nameof(DownloadPersonalExport))
            .RequireAuthorization().Produces(200, contentType: "application/zip").ProducesProblems(401, 404, 409, 410);
        g.MapPost("/deletion", DeleteAccount.Endpoint).WithName(nameof(DeleteAccount))
            .RequireAuthorization().Produces(204).ProducesProblems(400, 401, 404, 409);
        // csharpier-ignore-end
        return api;
    }
}
