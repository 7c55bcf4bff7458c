using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Topics;

/// <summary>An admin adds a topic to the list (last by default).</summary>
public static class CreateTopic
{
    public sealed record Request(
        IReadOnlyDictionary<string, string>? Name,
        IReadOnlyDictionary<string, string>? Description,
        int? SortOrder
    );

    public sealed record Command(
        Guid ActorId,
        IReadOnlyDictionary<string, string>? Name,
        IReadOnlyDictionary<string, string>? Description,
        int? SortOrder
    ) : ICommand<ListTopics.Topic>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Localized(TopicRules.NameLength);
            RuleFor(c => c.Description).Description();
            RuleFor(c => c.SortOrder).SortOrder();
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ListTopics.Topic>
    {
        private const string Sql = """
            INSERT INTO topics (id, name, description, sort_order)
            VALUES (@Id, CAST(@Name AS jsonb), CAST(@Description AS jsonb),
                    coalesce(@SortOrder, (SELECT coalesce(max(sort_order) + 1, 0) FROM topics)))
            RETURNING id, name::text AS name, description::text AS description, sort_order, false AS archived, version;
            """;

        public async ValueTask<ListTopics.Topic> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            ListTopics.Topic topic;
            try
            {
                var row = await connection.QuerySingleAsync<ListTopics.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            Id = Guid.CreateVersion7(),
                            Name = LocalizedText.ToJson(c.Name!),
                            Description = TopicRules.DescriptionJson(c.Description),
                            c.SortOrder,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                topic = row.ToTopic();
            }
            catch (PostgresException ex) when (ex.IsNameTaken("topics"))
            {
                throw new ConflictException(Messages.Get("topic_name_taken"), nameof(Command.Name));
            }
            var after = new
            {
                name = topic.Name,
                description = topic.Description,
                sortOrder = topic.SortOrder,
            };
            await events.RecordAsync(tx, EventType.TopicCreated, Actor.User(c.ActorId), topic.Id, Scope.Platform, null, after, after, ct);
            await tx.CommitAsync(ct);
            return topic;
        }
    }

    [EndpointSummary("Add a topic (admin).")]
    public static async Task<Created<ListTopics.Topic>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new Command(caller.UserId, body.Name, body.Description, body.SortOrder), ct);
        return TypedResults.Created($"/api/v1/topics/{created.Id}", created);
    }
}
