// A .NET integration through the NuGet package (Participation.Client, restored from the folder `make sdk` writes):
// reads the platform, walks every page of the public project list, checks that an error comes back as problem+json,
// then, as an API client, gets a token (OAuth 2.0 client credentials) and follows the change feed. Exits non-zero on
// the first failure. The API's address: PARTICIPATION_API_URL (http://localhost:5080); the API client's credentials:
// PARTICIPATION_CLIENT_ID and PARTICIPATION_CLIENT_SECRET (a client with projects:read, ideas:read and ideas:feedback,
// made in the staff area under "API clients").
using System.Net.Http.Headers;
using Participation.Client;

var baseUrl = Environment.GetEnvironmentVariable("PARTICIPATION_API_URL") ?? "http://localhost:5080";
using var http = new HttpClient();
var api = new ParticipationClient(baseUrl, http);

try
{
    var platform = await Sample.ReadPlatform(api);
    await Sample.ListAllProjects(api, platform.DefaultLanguage);
    await Sample.ExpectNotFound(api);
    using var clientHttp = await Sample.Authenticate(api);
    await Sample.FollowChanges(new ParticipationClient(baseUrl, clientHttp), platform.DefaultLanguage);
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
    private const string Scopes = "projects:read ideas:read ideas:feedback";

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

    /// <summary>
    /// The API client's token: client credentials against the OAuth 2.0 token endpoint (form-encoded), then an HttpClient
    /// that sends it as a bearer token. It lasts expires_in seconds; a long-running integration asks for a new one before.
    /// </summary>
    public static async Task<HttpClient> Authenticate(ParticipationClient api)
    {
        var id = Environment.GetEnvironmentVariable("PARTICIPATION_CLIENT_ID");
        var secret = Environment.GetEnvironmentVariable("PARTICIPATION_CLIENT_SECRET");
        Check(
            !string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(secret),
            "PARTICIPATION_CLIENT_ID and PARTICIPATION_CLIENT_SECRET must be set"
        );
        var token = await api.IssueClientTokenAsync(
            new IssueClientTokenTokenRequest
            {
                Grant_type = "client_credentials",
                Client_id = id,
                Client_secret = secret,
                Scope = Scopes,
            }
        );
        Check(token.Token_type == "Bearer" && token.Expires_in > 0, "unexpected token answer");
        // Scope is left out when the token has exactly the scopes asked for (RFC 6749 §5.1).
        Console.WriteLine($"token: scopes \"{token.Scope ?? Scopes}\", valid {token.Expires_in} s");
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Access_token);
        return http;
    }

    /// <summary>
    /// Full sync, then follow: take the feed's present cursor, copy the lists, then read the feed from that cursor, so that
    /// nothing changed during the copy is missed. To see a change arrive, this client answers an idea (ideas:feedback), as
    /// the city's case-management system would.
    /// </summary>
    public static async Task FollowChanges(ParticipationClient client, string language)
    {
        var cursor = (await client.GetChangeCursorAsync()).Cursor;
        var mirror = new Dictionary<string, object>();
        var projects = await ListAllProjects(client, language);
        foreach (var project in projects)
            mirror[$"project:{project.Id}"] = project;
        ListIdeasIdea? idea = null;
        foreach (var project in projects.Where(p => p.Status == ProjectStatus.Published))
        {
            idea = (await client.ListIdeasAsync(project.Id)).Items.FirstOrDefault();
            if (idea is not null)
                break;
        }
        Check(idea is not null, "no public idea to answer");
        mirror[$"idea:{idea!.Id}"] = idea;

        await client.ChangeIdeaStatusAsync(
            idea.Id,
            new ChangeIdeaStatusRequest { Feedback = $"Reçu par le système de gestion des demandes (.NET, {DateTimeOffset.UtcNow:O})." }
        );

        // Follow until the change arrives: page by page while HasMore, then again after a pause (the feed shows a change
        // once every transaction older than it has ended, usually at once).
        var after = cursor;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var page = await client.ListChangesAsync(after, "project,idea", 100);
            Apply(mirror, page.Items);
            after = page.NextCursor;
            var seen = page.Items.FirstOrDefault(e =>
                e.Kind == ChangeKind.Idea && e.Id == idea.Id && e.Event == EventType.IdeaStatusChanged
            );
            if (seen is not null)
            {
                Console.WriteLine($"change feed: {seen.Event} on \"{seen.Idea!.Title}\" ({mirror.Count} resources mirrored)");
                return;
            }
            if (!page.HasMore)
                await Task.Delay(500);
        }
        throw new InvalidOperationException("the change did not arrive in the feed");
    }

    /// <summary>Applies feed entries to a local copy: the current representation replaces what one holds, a tombstone removes it.</summary>
    private static void Apply(Dictionary<string, object> mirror, IEnumerable<ChangeEntry> entries)
    {
        foreach (var entry in entries)
        {
            var key = $"{entry.Kind.ToString().ToLowerInvariant()}:{entry.Id}";
            if (entry.Tombstone is not null)
                mirror.Remove(key);
            else
                mirror[key] = (object?)entry.Project ?? (object?)entry.Idea ?? entry.Comment!;
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }
}
