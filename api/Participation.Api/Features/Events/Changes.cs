using System.Text.Json;

namespace Participation.Api.Features.Events;

/// <summary>
/// The before and after of an edit: only the fields whose value changed, both sides, keyed by their camelCase name.
/// Values compare by their JSON form (so lists compare by content). Nothing changed: null, and the caller records no event.
/// </summary>
public static class Changes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Diff(IReadOnlyDictionary<string, object?> Before, IReadOnlyDictionary<string, object?> After);

    public static Diff? Of(params (string Field, object? Before, object? After)[] fields)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var (field, was, now) in fields)
        {
            if (JsonSerializer.Serialize(was, Json) == JsonSerializer.Serialize(now, Json))
                continue;
            before[field] = was;
            after[field] = now;
        }
        return before.Count == 0 ? null : new Diff(before, after);
    }
}
