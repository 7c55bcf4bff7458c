namespace Participation.Api.Features.Digests;

/// <summary>
/// Staff preview their own next digest; admins read the digests' log. The digests themselves are sent by
/// <see cref="DigestJob"/>.
/// </summary>
public static class DigestsEndpoints
{
    public static RouteGroupBuilder MapDigestsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/digests").WithTags("Digests");
        g.MapGet("/next", GetNextDigest.Endpoint).WithName(nameof(GetNextDigest))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // own: department heads (summary), moderators (digest)
        g.MapGet("/", ListDigests.Endpoint).WithName(nameof(ListDigests))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin
        // csharpier-ignore-end
        return api;
    }
}
