using Participation.Api;

return await ApiHost.RunAsync(args);

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
