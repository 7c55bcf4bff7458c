using System.Net;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Smoke;

/// <summary>The operations tests' own footing: the built API starts as a process, migrates an empty database and serves.</summary>
public sealed class ApiProcessTests
{
    [Fact]
    public async Task A_started_instance_migrates_an_empty_database_and_answers_until_killed()
    {
        var database = await OpsDatabase.CreateAsync("participation_ops_smoke");
        var api = await ApiProcess.StartAsync(database, "smoke");
        try
        {
            using var projects = await api.Client.GetAsync("/api/v1/projects");
            Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
        }
        finally
        {
            api.Kill();
        }
        Assert.True(api.HasExited);
        Assert.False(await api.IsReadyAsync());
        await api.DisposeAsync();
    }
}
