using System.Net;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Widgets;

/// <summary>Widget settings as the configurator sends them, and a widget made through the API.</summary>
internal static class WidgetTestKit
{
    public static Dictionary<string, object?> Settings(
        string name = "Site de la ville",
        string selection = "current",
        Guid[]? projectIds = null,
        string[]? origins = null,
        string language = "fr"
    ) =>
        new()
        {
            ["name"] = name,
            ["selection"] = selection,
            ["projectIds"] = projectIds ?? [],
            ["maxItems"] = 6,
            ["language"] = language,
            ["accentColour"] = "#1D4ED8",
            ["textColour"] = "#1f2933",
            ["backgroundColour"] = "#ffffff",
            ["layout"] = "cards",
            ["width"] = 420,
            ["height"] = 640,
            ["allowedOrigins"] = origins ?? ["https://www.City.example/", "http://localhost:8080"],
        };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> settings, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(settings) { [field] = value };
        return copy;
    }

    public static async Task<Guid> CreateAsync(HttpClient staff, Dictionary<string, object?> settings)
    {
        var response = await staff.PostJsonAsync("/api/v1/widgets", settings);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>A published project with a current ideation phase, a draft and an archived one, in the city's first department.</summary>
    public static async Task<(Guid Published, Guid Draft, Guid Archived)> ProjectsAsync(City city)
    {
        var published = await city.ProjectAsync(city.Admin, city.D1, "Parc du centre", "published");
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await city.Admin.PostJsonAsync(
                    $"/api/v1/projects/{published}/phases",
                    City.Phase("ideation", now.AddDays(-1), new DateTimeOffset(2099, 3, 12, 12, 0, 0, TimeSpan.Zero))
                )
            ).StatusCode
        );
        var draft = await city.ProjectAsync(city.Admin, city.D1, "Projet secret", "draft");
        var archived = await city.ProjectAsync(city.Admin, city.D1, "Ancienne place", "archived");
        return (published, draft, archived);
    }
}
