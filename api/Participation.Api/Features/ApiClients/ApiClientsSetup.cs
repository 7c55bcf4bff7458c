namespace Participation.Api.Features.ApiClients;

public static class ApiClientsSetup
{
    /// <summary>The OAuth 2.0 token endpoint and the per-request check of clients' tokens.</summary>
    public static IServiceCollection AddApiClients(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var openIddict = services.AddClientTokens(configuration, env);
        openIddict.AddServer(o => o.AddEventHandler(IssueClientToken.CredentialsCheck.Descriptor));
        openIddict.AddValidation(o => o.AddEventHandler(ClientTokenCheck.Descriptor));
        return services;
    }
}
