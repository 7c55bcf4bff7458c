using System.Data;
using FluentValidation.Results;

namespace Participation.Api.Features.Topics;

/// <summary>An item's topics, chosen from the list: their ids, and their French names for the item's events.</summary>
public sealed record TopicSelection(Guid[] Ids, string[] Names);

/// <summary>
/// Tagging projects and ideas with topics. Clients send ids; an old client's free-text names are matched to a topic
/// by any of its translations (case-insensitive, French first); an unknown or archived one is a 400 on the field sent.
/// An archived topic already on the item may stay (it is no longer offered, not taken off content).
/// </summary>
public static class TopicTags
{
    public const int MaxPerItem = 10;

    // An idea's topics (ideas aliased i) in the statement that reads the idea, for the hot reads (lists, the idea's page, the
    // change feed): subqueries planned once with their statement. The SQL functions idea_topic_names and idea_topic_ids
    // (migration 0023) give the same and stay for single-row writes and exports: a function with a query in it is planned
    // again at every execution of the statement that calls it, which made three quarters of a list's cost (make bench). No
    // braces: ListIdeas formats its statement with string.Format.
    private const string OfIdea = "FROM idea_topics it JOIN topics t ON t.id = it.topic_id WHERE it.idea_id = i.id";
    private const string InOrder = "ORDER BY t.sort_order, lower(t.name ->> 'fr')";

    /// <summary>The idea's topic names in <c>@Lang</c> (French where missing), in the topics' order, as <c>topics</c>.</summary>
    public const string NamesColumn =
        "(SELECT coalesce(array_agg(coalesce(t.name ->> @Lang, t.name ->> 'fr') "
        + InOrder
        + "), ARRAY[]::text[]) "
        + OfIdea
        + ") AS topics";

    /// <summary>The idea's topic ids in the same order, as <c>topic_ids</c>.</summary>
    public const string IdsColumn = "(SELECT coalesce(array_agg(t.id " + InOrder + "), ARRAY[]::uuid[]) " + OfIdea + ") AS topic_ids";

    private const string ByIdSql = """
        SELECT id, name ->> 'fr' AS name FROM topics
         WHERE id = ANY(@Ids) AND (archived_at IS NULL OR id = ANY(@Current))
         ORDER BY sort_order, lower(name ->> 'fr');
        """;

    private const string ByNameSql = """
        SELECT DISTINCT ON (n.wanted) n.wanted, t.id, t.name ->> 'fr' AS name, t.sort_order
          FROM unnest(CAST(@Names AS text[])) AS n (wanted)
          JOIN topics t ON n.wanted IN (lower(t.name ->> 'fr'), lower(t.name ->> 'nl'), lower(t.name ->> 'en'))
                       AND (t.archived_at IS NULL OR t.id = ANY(@Current))
         ORDER BY n.wanted, lower(t.name ->> 'fr') = n.wanted DESC;
        """;

    private sealed class Found
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? Wanted { get; init; }
        public int SortOrder { get; init; }
    }

    public static IRuleBuilderOptions<T, IReadOnlyList<Guid>?> TopicIds<T>(this IRuleBuilder<T, IReadOnlyList<Guid>?> rule) =>
        rule.Must(ids => ids is null || ids.Count <= MaxPerItem).WithMessage(_ => Messages.Get("topics_count"));

    /// <summary>The topics to store (null when the request sent neither ids nor names: unchanged).</summary>
    public static async Task<TopicSelection?> ResolveAsync(
        IDbConnection connection,
        IDbTransaction tx,
        IReadOnlyList<Guid>? ids,
        IReadOnlyList<string>? names,
        IReadOnlyCollection<Guid> current,
        CancellationToken ct
    )
    {
        if (ids is not null)
        {
            var wanted = ids.Distinct().ToArray();
            var found = (
                await connection.QueryAsync<Found>(
                    new CommandDefinition(ByIdSql, new { Ids = wanted, Current = current.ToArray() }, tx, cancellationToken: ct)
                )
            ).AsList();
            if (wanted.FirstOrDefault(id => found.All(f => f.Id != id)) is var missing && missing != Guid.Empty)
                throw new ValidationException([new ValidationFailure("topicIds", Messages.Get("unknown_topic", missing))]);
            return new TopicSelection(found.Select(f => f.Id).ToArray(), found.Select(f => f.Name).ToArray());
        }
        if (names is null)
            return null;
        var lowered = names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).Distinct().ToArray();
        var matched = (
            await connection.QueryAsync<Found>(
                new CommandDefinition(ByNameSql, new { Names = lowered, Current = current.ToArray() }, tx, cancellationToken: ct)
            )
        ).AsList();
        if (lowered.FirstOrDefault(n => matched.All(m => m.Wanted != n)) is { } unknown)
            throw new ValidationException([new ValidationFailure("topics", Messages.Get("unknown_topic", unknown))]);
        var ordered = matched
            .DistinctBy(m => m.Id)
            .OrderBy(m => m.SortOrder)
            .ThenBy(m => m.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .ToList();
        return new TopicSelection(ordered.Select(m => m.Id).ToArray(), ordered.Select(m => m.Name).ToArray());
    }

    private const string SetProjectSql = """
        DELETE FROM project_topics WHERE project_id = @Id AND topic_id <> ALL(@Ids);
        INSERT INTO project_topics (project_id, topic_id) SELECT @Id, unnest(@Ids) ON CONFLICT DO NOTHING;
        """;

    private const string SetIdeaSql = """
        DELETE FROM idea_topics WHERE idea_id = @Id AND topic_id <> ALL(@Ids);
        INSERT INTO idea_topics (idea_id, topic_id) SELECT @Id, unnest(@Ids) ON CONFLICT DO NOTHING;
        """;

    public static Task SetProjectAsync(IDbConnection connection, IDbTransaction tx, Guid id, Guid[] ids, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(SetProjectSql, new { Id = id, Ids = ids }, tx, cancellationToken: ct));

    public static Task SetIdeaAsync(IDbConnection connection, IDbTransaction tx, Guid id, Guid[] ids, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(SetIdeaSql, new { Id = id, Ids = ids }, tx, cancellationToken: ct));

    /// <summary>The SQL condition "tagged with the topic", for an item's link table (legacy: a name in any language).</summary>
    public static string Filter(string linkTable, string itemColumn, string item) =>
        $"EXISTS (SELECT 1 FROM {linkTable} tag WHERE tag.{itemColumn} = {item} AND (tag.topic_id = @TopicId OR "
        + "(@TopicId::uuid IS NULL AND tag.topic_id IN (SELECT t.id FROM topics t "
        + "WHERE @Topic IN (lower(t.name ->> 'fr'), lower(t.name ->> 'nl'), lower(t.name ->> 'en'))))))";
}
