using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Budgets;

/// <summary>Participatory budgets: costs by the project's staff, one basket per person (only ever the caller's own), results when published.</summary>
public static class BudgetsEndpoints
{
    public static RouteGroupBuilder MapBudgetsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Budgets");
        SetIdeaCost.Map(g).RequireAuthorization();                                              // project staff
        GetMyBasket.Map(g).RequireAuthorization();                                              // own basket
        AddToBasket.Map(g).RequireAuthorization().RequireRateLimiting(RateLimits.Writes);       // phase rules, own basket
        RemoveFromBasket.Map(g).RequireAuthorization().RequireRateLimiting(RateLimits.Writes);  // phase rules, own basket
        SubmitBasket.Map(g).RequireAuthorization().WithIdempotency();                            // phase rules, own basket
        SubmitBasket.MapReopen(g).RequireAuthorization().WithIdempotency();                      // phase rules, own basket
        GetBudgetResults.Map(g).AllowAnonymous();                                               // staff, or published
        return api;
    }
}
