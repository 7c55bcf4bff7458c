using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Topics;

/// <summary>
/// An admin edits a topic: its translations, description and place in the list, or archives (restores) it. The
/// version read with the topic must still be current (two admins editing at once: the second is told to reload).
/// </summary>
public static class UpdateTopic
{
    public sealed record Request(
        IReadOnlyDictionary<string, string>? Name,
        IReadOnlyDictionary<string, string>? Description,
        int? SortOrder,
        bool Archived,
        int Version
    );

    public sealed record Command(Guid ActorId, Guid Id, Request Topic) : ICommand<ListTopics.Topic>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Topic.Name).Localized(TopicRules.NameLength).OverridePropertyName("name");
            RuleFor(c => c.Topic.Description).Description().OverridePropertyName("description");
            RuleFor(c => c.Topic.SortOrder)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .SortOrder()
                .OverridePropertyName("sortOrder");
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ListTopics.Topic>
    {
        private const string LockSql = """
            SELECT id, name::text AS name, description::text AS description, sort_order, archived_at IS NOT NULL AS archived, version
              FROM topics WHERE id = @Id FOR UPDATE;
            """;

        private const string Sql = """
            UPDATE topics SET name = CAST(@Name AS jsonb), description = CAST(@Description AS jsonb), sort_order = @SortOrder,
                   archived_at = CASE WHEN @Archived THEN coalesce(archived_at, now()) END, version = version + 1, updated_at = now()
             WHERE id = @Id
            RETURNING id, name::text AS name, description::text AS description, sort_order, archived_at IS NOT NULL AS archived, version;
            """;

        public async ValueTask<ListTopics.Topic> Handle(Command c, CancellationToken ct)
        {
            var r = c.Topic;
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            var old = await connection.QuerySingleOrDefaultAsync<ListTopics.Row>(
                new CommandDefinition(LockSql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            if (old.Version != r.Version)
                throw new ConflictException(Messages.Get("list_item_stale"), nameof(Request.Version));
            ListTopics.Topic topic;
            try
            {
                var row = await connection.QuerySingleAsync<ListTopics.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            c.Id,
                            Name = LocalizedText.ToJson(r.Name!),
                            Description = TopicRules.DescriptionJson(r.Description),
                            SortOrder = r.SortOrder!.Value,
                            r.Archived,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                topic = row.ToTopic();
            }
            catch (PostgresException ex) when (ex.IsNameTaken("topics"))
            {
                throw new ConflictException(Messages.Get("topic_name_taken"), nameof(Request.Name));
            }
            var before = Snapshot(old.ToTopic());
            var after = Snapshot(topic);
            var type =
                topic.Archived == old.Archived ? EventType.TopicUpdated
                : topic.Archived ? EventType.TopicArchived
                : EventType.TopicRestored;
            await events.RecordAsync(tx, type, Actor.User(c.ActorId), c.Id, Scope.Platform, before, after, after, ct);
            await tx.CommitAsync(ct);
            return topic;
        }

        private static object Snapshot(ListTopics.Topic t) =>
            new
            {
                name = t.Name,
                description = t.Description,
                sortOrder = t.SortOrder,
                archived = t.Archived,
            };
    }

    [EndpointSummary("Edit, reorder, archive or restore a topic (admin; with the version read, else 409).")]
    public static ValueTask<ListTopics.Topic> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
