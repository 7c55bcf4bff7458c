namespace Participation.Api.Infrastructure.Mediator;

public static class MediatorSetup
{
    public static IServiceCollection AddCqrs(this IServiceCollection services)
    {
        services.AddMediator(
            (global::Mediator.MediatorOptions options) =>
            {
                options.Namespace = "Participation.Api.Mediator";
                options.ServiceLifetime = ServiceLifetime.Scoped;
                options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(StaleReadRetry<,>)];
            }
        );
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member?.Name;
        return services;
    }
}
