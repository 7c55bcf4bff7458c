namespace Participation.Api.Infrastructure.OpenApi;

public static class EndpointConventions
{
    /// <summary>Declares the problem+json answers an endpoint may give, so generated clients type them.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var code in statusCodes)
        {
            if (code == StatusCodes.Status400BadRequest)
                builder.ProducesValidationProblem();
            else
                builder.ProducesProblem(code);
        }
        return builder;
    }
}
