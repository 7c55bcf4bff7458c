using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Contract;

/// <summary>
/// The committed openapi.json is the contract the generated clients come from. It must equal what the
/// API serves; run with UPDATE_OPENAPI=1 (`make openapi`) to rewrite it.
/// </summary>
public sealed class OpenApiTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_committed_openapi_json_matches_the_running_api()
    {
        var served = (await Api.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot(), "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
            return;
        }

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == served, "openapi.json is stale: run `make openapi` then `make contracts` and commit the result.");
    }

    [Fact]
    public async Task The_document_is_OpenAPI_3_0_with_named_operations_and_bearer_security()
    {
        var json = await (await Api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();

        Assert.StartsWith("3.0", json["openapi"]!.GetValue<string>());
        Assert.Equal("http", json["components"]!["securitySchemes"]!["Bearer"]!["type"]!.GetValue<string>());
        var operations = json["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).ToList();
        Assert.All(operations, o =>
            Assert.False(string.IsNullOrEmpty(o.Value!["operationId"]?.GetValue<string>()), $"operation without operationId")
        );
        Assert.NotNull(json["paths"]!["/api/v1/me"]!["get"]!["security"]);
        Assert.Null(json["paths"]!["/api/v1/auth/login"]!["post"]!["security"]);
    }

    [Fact]
    public async Task Every_operation_and_every_parameter_is_described()
    {
        var json = await (await Api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var missing = new List<string>();
        foreach (var (path, item) in json["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()))
                missing.Add($"{method} {path}: summary");
            if (string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()))
                missing.Add($"{method} {path}: description");
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                if (string.IsNullOrWhiteSpace(parameter!["description"]?.GetValue<string>()))
                    missing.Add($"{method} {path}: parameter {parameter["name"]}");
            foreach (var (code, response) in operation["responses"]!.AsObject())
                if (string.IsNullOrWhiteSpace(response!["description"]?.GetValue<string>()))
                    missing.Add($"{method} {path}: response {code}");
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.Equal(
            "The project's id.",
            json["paths"]!["/api/v1/projects/{id}"]!["get"]!["parameters"]![0]!["description"]!.GetValue<string>()
        );
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Participation.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Participation.sln not found above " + AppContext.BaseDirectory);
    }
}
