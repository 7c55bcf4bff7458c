// A .NET integration through the NuGet package (Participation.Client, restored from the folder `make sdk` writes):
// reads the platform, walks every page of the public project list, and checks that an error comes back as
// problem+json. Exits non-zero on the first failure. The API's address: PARTICIPATION_API_URL (http://localhost:5080).
using Participation.Client;

var baseUrl = Environment.GetEnvironmentVariable("PARTICIPATION_API_URL") ?? "http://localhost:5080";
using var http = new HttpClient();
var api = new ParticipationClient(baseUrl, http);

try
{
    var platform = await Sample.ReadPlatform(api);
    await Sample.ListAllProjects(api, platform.DefaultLanguage);
    await Sample.ExpectNotFound(api);
    Console.WriteLine(".NET sample: ok");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($".NET sample failed against {baseUrl}: {e}");
    return 1;
}

internal static class Sample
{
    /// <summary>The platform's name and languages (anonymous).</summary>
    public static async Task<GetPlatformResponse> ReadPlatform(ParticipationClient api)
    {
        var platform = await api.GetPlatformAsync();
        Check(!string.IsNullOrEmpty(platform.Name), "the platform has no name");
        Check(platform.Languages.Contains(platform.DefaultLanguage), "the default language is not among the languages");
        Console.WriteLine($"platform: {platform.Name} ({string.Join(", ", platform.Languages)})");
        return platform;
    }

    /// <summary>Every published project, page by page: NextCursor goes back as cursor until it is null.</summary>
    public static async Task<List<ListProjectsProject>> ListAllProjects(ParticipationClient api, string language)
    {
        var projects = new List<ListProjectsProject>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.ListProjectsAsync(cursor: cursor, limit: 2);
            Check(page.Items.Count <= 2, "a page is larger than asked");
            projects.AddRange(page.Items);
            pages++;
            cursor = page.NextCursor;
        } while (cursor is not null);
        Check(projects.Select(p => p.Id).Distinct().Count() == projects.Count, "a project came twice");
        Console.WriteLine($"projects: {projects.Count} in {pages} page(s) of 2");
        foreach (var project in projects)
            Console.WriteLine($"  {project.Title[language]} ({project.Status})");
        return projects;
    }

    /// <summary>An unknown project: a ParticipationApiException carrying the problem+json body (404, a title).</summary>
    public static async Task ExpectNotFound(ParticipationClient api)
    {
        try
        {
            await api.GetProjectAsync(Guid.NewGuid());
        }
        catch (ParticipationApiException<ProblemDetails> e) when (e.StatusCode == 404)
        {
            Check(!string.IsNullOrEmpty(e.Result.Title), "the 404 problem has no title");
            Console.WriteLine($"unknown project: {e.StatusCode} {e.Result.Title}");
            return;
        }
        throw new InvalidOperationException("an unknown project was found");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }
}
