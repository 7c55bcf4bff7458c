using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Participation.Api.Infrastructure.OpenApi;

/// <summary>
/// Every operation gets a description and every parameter one, derived from the endpoint's metadata so they cannot
/// disagree with behaviour: who may call it, its rate limit, idempotency, paging; and what each parameter means.
/// A slice's own <c>WithDescription</c> or parameter description is kept.
/// </summary>
internal sealed class DescriptionsFilter : IOperationFilter
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["cursor"] = "Opaque position returned as `nextCursor` by the previous page; leave it out for the first page.",
        ["limit"] = "Page size, 1 to 100 (20 when left out).",
        ["status"] = "Only items in this status.",
        ["search"] = "Words to look for (case- and accent-insensitive).",
        ["q"] = "Words to look for in people's names.",
        ["key"] = "The image's key, as its upload returned it (32 hex digits and its format's extension, e.g. `….png`).",
        ["sort"] = "Order of the list.",
        ["topic"] = "Only items with this topic.",
        ["includeArchived"] = "Archived items too (they stay on old content but are no longer offered).",
        ["role"] = "Only people or invitations with this role.",
        ["departmentId"] = "Only items of this department.",
        ["method"] = "Only projects with a phase of this participation method.",
        ["action"] = "Only entries whose action starts with this text (e.g. `idea.`).",
        ["targetType"] = "Only entries about this kind of object.",
        ["targetId"] = "Only entries about this object.",
        ["actor"] = "Only entries by this person.",
        ["types"] = "Only entries of these types: repeat the parameter (`types=a&types=b`) or separate them with commas.",
        ["from"] = "Only entries from this instant on (included; ISO 8601, e.g. `2025-03-01T00:00:00+01:00`).",
        ["to"] = "Only entries before this instant (excluded: for a whole day, give the next day's midnight).",
        ["south"] = "Map box: southern latitude (give the four sides, or none).",
        ["west"] = "Map box: western longitude.",
        ["north"] = "Map box: northern latitude.",
        ["east"] = "Map box: eastern longitude.",
        ["seed"] = "Seed of the `random` order, so that following pages keep the same order (returned in the cursor).",
        ["scopeType"] = "What the figures cover: `platform` (no `scopeId`), `department`, `project` or `phase` (with `scopeId`).",
        ["scopeId"] = "The department, project or phase the figures cover.",
        ["waitingDays"] = "The threshold of \"waiting for an answer for more than N days\" (1 to 365; 30 when left out).",
        ["unreadOnly"] = "Only notifications not read yet.",
        ["waiting"] = "Only ideas waiting for an official answer (true), or only the others (false).",
        ["waitingDays"] = "Only ideas waiting for an official answer for more than this many days.",
        ["flagged"] = "Only ideas with open flags (true), or only those without (false).",
        ["assignee"] = "Only ideas assigned to this person (their id), to nobody (`none`) or to the caller (`me`).",
        ["token"] = "The token from the link that was e-mailed.",
        ["v"] = "The unsubscribe token's version, from the e-mailed link.",
        ["language"] = "Language of the column headers and choice labels: fr, nl or en.",
        ["X-Respondent-Token"] =
            "For a visitor without an account, where the phase lets everyone answer: a random value "
            + "of 16 to 200 characters kept by the browser, one response per token.",
        ["slug"] = "The readable part of a page's address (lowercase letters, digits, hyphens): current or former, in any language.",
        ["projectSlug"] = "The readable part of the project's address (lowercase letters, digits, hyphens): current or former.",
        ["X-Preview-Token"] = "A preview link's token, to read a draft project without an account.",
        ["latitude"] = "The point's latitude, in degrees (-90 to 90, WGS 84).",
        ["longitude"] = "The point's longitude, in degrees (-180 to 180, WGS 84).",
        ["exp"] = "A signed link's expiry (Unix seconds), as the idea's representation gave it; with `sig`.",
        ["sig"] = "A signed link's signature, as the idea's representation gave it (for an idea only its author and staff see).",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var path = "/" + (context.ApiDescription.RelativePath ?? "");
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            if (string.IsNullOrEmpty(parameter.Description))
                parameter.Description = Describe(parameter.Name ?? "", path) ?? parameter.Description;

        if (!string.IsNullOrEmpty(operation.Description))
            return;
        var lines = new List<string> { operation.Summary ?? "" };
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var refuses = operation.Responses?.ContainsKey("403") == true;
        lines.Add(
            (anonymous, refuses) switch
            {
                (true, _) when operation.Security?.Count > 0 =>
                    "Open to everyone; a bearer token, when sent, tailors the answer to the caller.",
                (true, _) => "Open to everyone.",
                (false, true) => "Needs a bearer token; the caller's roles and scopes are checked (403 otherwise).",
                _ => "Needs a bearer token.",
            }
        );
        if (metadata.OfType<EnableRateLimitingAttribute>().FirstOrDefault() is { PolicyName: { } policy })
            lines.Add($"Rate-limited (policy `{policy}`): 429 with Retry-After beyond it.");
        if (metadata.OfType<Idempotency.IdempotentMetadata>().Any())
            lines.Add("Honours an `Idempotency-Key` header: a retry with the same key replays the first answer.");
        if (operation.Parameters?.Any(p => p.Name == "cursor") == true)
            lines.Add("Keyset-paginated: pass the page's `nextCursor` as `cursor` to get the next one.");
        if (metadata.OfType<Deprecation>().FirstOrDefault() is { } deprecation)
            lines.Add(
                $"Deprecated since {deprecation.Since:yyyy-MM-dd}; may stop working after {deprecation.Sunset:yyyy-MM-dd}"
                    + (deprecation.Link is null ? "." : $" (see {deprecation.Link}).")
            );
        operation.Description = string.Join(" ", lines.Where(l => l.Length > 0));
    }

    /// <summary>
    /// Known names; else <c>{thingId}</c> → "The thing's id."; else a path <c>{id}</c> named after the segment before it
    /// (<c>/projects/{id}</c> → "The project's id.").
    /// </summary>
    /// <summary>The change feed's parameters mean something else than a list's.</summary>
    private static readonly Dictionary<string, string> Feed = new(StringComparer.Ordinal)
    {
        ["after"] =
            "Resume after this cursor (an entry's `cursor`, `nextCursor`, or GET /changes/cursor); "
            + "leave it out to start from the beginning.",
        ["types"] = "Only these kinds, separated with commas: `project`, `idea`, `comment` (default: every kind the caller may read).",
        ["limit"] = "Events read per page, 1 to 500 (100 when left out).",
    };

    /// <summary>The events list's own filters.</summary>
    private static readonly Dictionary<string, string> Events = new(StringComparer.Ordinal)
    {
        ["platformOnly"] = "Only platform-wide events (not a project's); false when left out.",
        ["period"] = "`upcoming` (not yet ended, soonest first; the default) or `past` (ended, latest first).",
    };

    /// <summary>The content calendar's own parameters.</summary>
    private static readonly Dictionary<string, string> ContentCalendar = new(StringComparer.Ordinal)
    {
        ["from"] = "The window's start (included; ISO 8601, e.g. `2026-12-01T00:00:00+01:00`); required.",
        ["to"] = "The window's end (excluded); required, at most 100 days after `from`.",
        ["kinds"] =
            "Only these kinds: repeat the parameter or separate them with commas (`phase_start`, `phase_end`, `event`, "
            + "`campaign_scheduled`, `campaign_sent`, `briefing_planned`, `briefing_sent`); every kind when left out.",
        ["projectId"] = "Only this project's entries (and campaigns to its people).",
        ["departmentId"] = "Only the entries of this department's projects (and campaigns to their people).",
        ["token"] = "The secret token of the feed's address, as its creation returned it.",
    };

    private static readonly Dictionary<string, string> Period = new(StringComparer.Ordinal)
    {
        ["from"] = "The period's first day (`2026-09-01`, platform time, included); 90 days before `to` when left out.",
        ["to"] = "The period's last day (included); today when left out. A period spans two years at most.",
    };

    private static string? Describe(string name, string path)
    {
        if (path.StartsWith("/api/v1/digests", StringComparison.Ordinal) && name == "kind")
            return (path.EndsWith("/next", StringComparison.Ordinal) ? "Which digest: " : "Only digests of this kind: ")
                + "`department_summary` (a department head's monthly summary) or `moderator_digest` "
                + "(a project moderator's weekly \"waiting for you\").";
        if (path == "/api/v1/me/contributions" && name == "kind")
            return "Only contributions of this kind (idea, comment, vote, basket, survey_response, event_registration, "
                + "idea_follow or project_follow); all of them, newest first, when left out.";
        if (path.StartsWith("/api/v1/changes", StringComparison.Ordinal) && Feed.TryGetValue(name, out var feed))
            return feed;
        if (path.StartsWith("/api/v1/events", StringComparison.Ordinal) && Events.TryGetValue(name, out var events))
            return events;
        if (path.StartsWith("/api/v1/content-calendar", StringComparison.Ordinal) && ContentCalendar.TryGetValue(name, out var calendar))
            return calendar;
        if (
            (path.StartsWith("/api/v1/figures", StringComparison.Ordinal) || path.StartsWith("/api/v1/dashboard", StringComparison.Ordinal))
            && Period.TryGetValue(name, out var period)
        )
            return period;
        if (path.EndsWith(".ics", StringComparison.Ordinal) && name == "language")
            return "Language of the texts and of the links to the web app's pages: fr, nl or en (when left out, the "
                + "Accept-Language header's; French by default). A calendar app sends no language: put it in the address.";
        if (Known.TryGetValue(name, out var known))
            return known;
        if (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal))
            return $"The {name[..^2]}'s id.";
        if (name != "id")
            return null;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.FindIndex(segments, s => s.StartsWith("{id", StringComparison.Ordinal));
        if (index < 1)
            return "The id.";
        var noun = segments[index - 1];
        noun = noun.EndsWith("ies", StringComparison.Ordinal) ? noun[..^3] + "y" : noun.TrimEnd('s');
        return $"The {noun.Replace('-', ' ')}'s id.";
    }
}
