using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Budgets;

/// <summary>Participatory budgets: costs by the project's staff, one basket per person (only ever the caller's own), results when
/// published.</summary>
public static class BudgetsEndpoints
{
    public static RouteGroupBuilder MapBudgetsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("").WithTags("Budgets");
        g.MapPut("/ideas/{id:guid}/cost", SetIdeaCost.Endpoint).WithName(nameof(SetIdeaCost))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapGet("/projects/{id:guid}/basket", GetMyBasket.Endpoint).WithName(nameof(GetMyBasket))
            .RequireAuthorization().ProducesProblems(400, 401, 404); // own basket
        g.MapPut("/projects/{id:guid}/basket/ideas/{ideaId:guid}", AddToBasket.Endpoint).WithName(nameof(AddToBasket))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404, 409); // phase rules, own basket
        g.MapDelete("/projects/{id:guid}/basket/ideas/{ideaId:guid}", RemoveFromBasket.Endpoint).WithName(nameof(RemoveFromBasket))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404, 409); // phase rules, own basket
        g.MapPost("/projects/{id:guid}/basket/submit", SubmitBasket.Endpoint).WithName(nameof(SubmitBasket))
            .RequireAuthorization().WithIdempotency().ProducesProblems(401, 403, 404, 409, 422); // phase rules, own basket
        g.MapPost("/projects/{id:guid}/basket/reopen", SubmitBasket.ReopenBasketEndpoint).WithName("ReopenBasket")
            .RequireAuthorization().WithIdempotency().ProducesProblems(401, 403, 404, 409, 422); // phase rules, own basket
        g.MapGet("/phases/{id:guid}/budget-results", GetBudgetResults.Endpoint).WithName(nameof(GetBudgetResults))
            .AllowAnonymous().AcceptClients(ClientScope.ResultsRead).ProducesProblems(403, 404); // staff, or published
        // csharpier-ignore-end
        return api;
    }
}
