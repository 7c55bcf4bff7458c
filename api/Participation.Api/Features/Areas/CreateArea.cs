using System.Text.Json;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Topics;

namespace Participation.Api.Features.Areas;

/// <summary>An admin adds an area to the list (last by default).</summary>
public static class CreateArea
{
    public sealed record Request(
        IReadOnlyDictionary<string, string>? Name,
        IReadOnlyDictionary<string, string>? Description,
        int? SortOrder,
        JsonElement? Geometry
    );

    public sealed record Command(
        Guid ActorId,
        IReadOnlyDictionary<string, string>? Name,
        IReadOnlyDictionary<string, string>? Description,
        int? SortOrder,
        JsonElement? Geometry
    ) : ICommand<ListAreas.Area>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Localized(TopicRules.NameLength);
            RuleFor(c => c.Description).Description();
            RuleFor(c => c.SortOrder).SortOrder();
            RuleFor(c => c.Geometry).Geometry();
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ListAreas.Area>
    {
        private const string Sql = """
            INSERT INTO areas (id, name, description, geometry, sort_order)
            VALUES (@Id, CAST(@Name AS jsonb), CAST(@Description AS jsonb), CAST(@Geometry AS jsonb),
                    coalesce(@SortOrder, (SELECT coalesce(max(sort_order) + 1, 0) FROM areas)))
            RETURNING id, name::text AS name, description::text AS description, sort_order, false AS archived, version,
                      geometry::text AS geometry;
            """;

        public async ValueTask<ListAreas.Area> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            ListAreas.Area area;
            try
            {
                var row = await connection.QuerySingleAsync<ListAreas.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            Id = Guid.CreateVersion7(),
                            Name = LocalizedText.ToJson(c.Name!),
                            Description = TopicRules.DescriptionJson(c.Description),
                            c.SortOrder,
                            Geometry = AreaGeometry.Normalize(c.Geometry),
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                area = row.ToArea();
            }
            catch (PostgresException ex) when (ex.IsNameTaken("areas"))
            {
                throw new ConflictException(Messages.Get("area_name_taken"), nameof(Command.Name));
            }
            var after = new
            {
                name = area.Name,
                description = area.Description,
                sortOrder = area.SortOrder,
                geometry = area.Geometry is not null,
            };
            await events.RecordAsync(tx, EventType.AreaCreated, Actor.User(c.ActorId), area.Id, Scope.Platform, null, after, after, ct);
            await tx.CommitAsync(ct);
            return area;
        }
    }

    [EndpointSummary("Add an area (a neighbourhood, optionally with its GeoJSON polygon; admin).")]
    public static async Task<Created<ListAreas.Area>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new Command(caller.UserId, body.Name, body.Description, body.SortOrder, body.Geometry), ct);
        return TypedResults.Created($"/api/v1/areas/{created.Id}", created);
    }
}
