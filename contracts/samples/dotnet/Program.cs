// A .NET integration through the NuGet package (Participation.Client, restored from the folder `make sdk` writes):
// reads the platform, walks every page of the public project list, checks that an error comes back as problem+json,
// then, as an API client, gets a token (OAuth 2.0 client credentials), subscribes a webhook receiver, follows the change
// feed and checks the signed webhook message of the same change. Exits non-zero on the first failure. The API's address:
// PARTICIPATION_API_URL (http://localhost:5080); the API client's credentials: PARTICIPATION_CLIENT_ID and
// PARTICIPATION_CLIENT_SECRET (a client with projects:read, ideas:read, ideas:feedback and webhooks:manage, made in the
// staff area under "API clients"). The receiver listens on 127.0.0.1; a real integration receives on a public https://
// address (the API refuses private ones unless its Webhooks settings allow them).
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
    var client = new ParticipationClient(baseUrl, clientHttp);
    using var receiver = new WebhookReceiver();
    var webhook = await Sample.Subscribe(client, receiver);
    var idea = await Sample.FollowChanges(client, platform.DefaultLanguage);
    // The same change, pushed: one signed message per event and resource; "data" is the change feed's entry.
    var message = await receiver.NextAsync(m =>
        m.GetProperty("type").GetString() == "idea.status_changed" && m.GetProperty("data").GetProperty("id").GetGuid() == idea.Id
    );
    var title = message.GetProperty("data").GetProperty("idea").GetProperty("title").GetString();
    Sample.Check(title == idea.Title, "the webhook message does not carry the idea as it is now");
    Console.WriteLine($"webhook: idea.status_changed on \"{title}\" (signature verified)");
    await client.DeleteWebhookAsync(webhook.Id);
    Sample.ToleratesNewValues();
    Console.WriteLine(".NET sample: ok");
    return 0;
}
catch (ParticipationApiException<HttpValidationProblemDetails> e)
{
    var errors = string.Join("; ", e.Result.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}"));
    Console.Error.WriteLine($".NET sample failed against {baseUrl}: {e.StatusCode} {e.Result.Title} ({errors})\n{e.StackTrace}");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($".NET sample failed against {baseUrl}: {e}");
    return 1;
}

internal static class Sample
{
    private const string Scopes = "projects:read ideas:read ideas:feedback webhooks:manage";

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
    /// Subscribes the receiver to the ideas' status changes. The answer carries the signing secret, shown this once: an
    /// integration keeps it like a password.
    /// </summary>
    public static async Task<Webhook> Subscribe(ParticipationClient client, WebhookReceiver receiver)
    {
        var created = await client.CreateWebhookAsync(
            new CreateWebhookRequest
            {
                Url = receiver.Url,
                EventTypes = [EventType.IdeaStatusChanged],
                Description = ".NET sample",
            }
        );
        Check(created.Secret.StartsWith("whsec_", StringComparison.Ordinal), "the webhook secret is not a Standard Webhooks secret");
        receiver.Secret = created.Secret;
        Console.WriteLine($"webhook: subscribed {created.Webhook.Url}");
        return created.Webhook;
    }

    /// <summary>
    /// Full sync, then follow: take the feed's present cursor, copy the lists, then read the feed from that cursor, so that
    /// nothing changed during the copy is missed. To see a change arrive, this client answers an idea (ideas:feedback), as
    /// the city's case-management system would.
    /// </summary>
    public static async Task<ListIdeasIdea> FollowChanges(ParticipationClient client, string language)
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
                return idea;
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

    /// <summary>
    /// An API newer than this package may send an event type it does not know (event types are an extensible enum): the
    /// entry still reads, its type as WireEnum.Unknown, so a follower skips it instead of stopping.
    /// </summary>
    public static void ToleratesNewValues()
    {
        const string newer =
            """{"cursor":"x","event":"example.future_event","kind":"project","id":"6f1c0d52-2f4e-4a39-9d7e-0c6f8f7a1b11"}""";
        var entry = System.Text.Json.JsonSerializer.Deserialize<ChangeEntry>(newer)!;
        Check(WireEnum.IsUnknown(entry.Event) && entry.Kind == ChangeKind.Project, "an unknown event type did not read as unknown");
        Console.WriteLine("an event type newer than the package: read as unknown");
    }

    public static void Check(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }
}

/// <summary>
/// A webhook receiver on 127.0.0.1 (HttpListener): answers 204 at once to every message whose Standard Webhooks signature
/// verifies, 401 to anything else; <see cref="NextAsync"/> gives the first verified message matching a condition.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<JsonElement> _messages = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public WebhookReceiver()
    {
        // A free port: HttpListener needs one named, so ask the system for one first.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/participation/webhooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Url { get; }
    public string? Secret { get; set; }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var rawBody = await reader.ReadToEndAsync();
            var headers = context.Request.Headers;
            var verified =
                Secret is not null
                && Verify(Secret, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], rawBody);
            context.Response.StatusCode = verified ? 204 : 401;
            context.Response.Close();
            if (!verified)
                continue;
            lock (_messages)
                _messages.Add(JsonDocument.Parse(rawBody).RootElement.Clone());
            _arrived.Release();
        }
    }

    /// <summary>
    /// Standard Webhooks: HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{raw body}", keyed with the base64-decoded
    /// secret after "whsec_", compared in constant time with each "v1," signature; timestamps more than 5 minutes away are
    /// refused (replays).
    /// </summary>
    public static bool Verify(string secret, string? id, string? timestamp, string? signatures, string rawBody)
    {
        if (id is null || signatures is null || !long.TryParse(timestamp, out var seconds))
            return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
            return false;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Encoding.ASCII.GetBytes(
            Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{rawBody}")))
        );
        return signatures
            .Split(' ')
            .Any(s =>
                s.StartsWith("v1,", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), expected)
            );
    }

    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> matches)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            lock (_messages)
                foreach (var message in _messages)
                    if (matches(message))
                        return message;
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException("no webhook message came");
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _arrived.Dispose();
    }
}
