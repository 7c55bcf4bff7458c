using System.Text.Json;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Topics;

namespace Participation.Api.Features.Areas;

/// <summary>
/// An admin edits an area: its translations, description, polygon and place in the list, or archives (restores) it. The
/// version read with the area must still be current (two admins editing at once: the second is told to reload).
/// </summary>
public static class UpdateArea
{
    public sealed record Request(
        IReadOnlyDictionary<string, string>? Name,
        IReadOnlyDictionary<string, string>? Description,
        int? SortOrder,
        bool Archived,
        int Version,
        JsonElement? Geometry
    );

    public sealed record Command(Guid ActorId, Guid Id, Request Area) : ICommand<ListAreas.Area>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Area.Name).Localized(TopicRules.NameLength).OverridePropertyName("name");
            RuleFor(c => c.Area.Description).Description().OverridePropertyName("description");
            RuleFor(c => c.Area.SortOrder)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .SortOrder()
                .OverridePropertyName("sortOrder");
            RuleFor(c => c.Area.Geometry).Geometry();
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ListAreas.Area>
    {
        private const string LockSql = """
            SELECT id, name::text AS name, description::text AS description, sort_order, archived_at IS NOT NULL AS archived, version,
                   geometry::text AS geometry
              FROM areas WHERE id = @Id FOR UPDATE;
            """;

        private const string Sql = """
            UPDATE areas SET name = CAST(@Name AS jsonb), description = CAST(@Description AS jsonb), sort_order = @SortOrder,
                   geometry = CAST(@Geometry AS jsonb),
                   archived_at = CASE WHEN @Archived THEN coalesce(archived_at, now()) END, version = version + 1, updated_at = now()
             WHERE id = @Id
            RETURNING id, name::text AS name, description::text AS description, sort_order, archived_at IS NOT NULL AS archived, version,
                      geometry::text AS geometry;
            """;

        public async ValueTask<ListAreas.Area> Handle(Command c, CancellationToken ct)
        {
            var r = c.Area;
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            var old = await connection.QuerySingleOrDefaultAsync<ListAreas.Row>(
                new CommandDefinition(LockSql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            if (old.Version != r.Version)
                throw new ConflictException(Messages.Get("list_item_stale"), nameof(Request.Version));
            ListAreas.Area area;
            try
            {
                var row = await connection.QuerySingleAsync<ListAreas.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            c.Id,
                            Name = LocalizedText.ToJson(r.Name!),
                            Description = TopicRules.DescriptionJson(r.Description),
                            SortOrder = r.SortOrder!.Value,
                            r.Archived,
                            Geometry = AreaGeometry.Normalize(r.Geometry),
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                area = row.ToArea();
            }
            catch (PostgresException ex) when (ex.IsNameTaken("areas"))
            {
                throw new ConflictException(Messages.Get("area_name_taken"), nameof(Request.Name));
            }
            var before = Snapshot(old.ToArea());
            var after = Snapshot(area);
            var type =
                area.Archived == old.Archived ? EventType.AreaUpdated
                : area.Archived ? EventType.AreaArchived
                : EventType.AreaRestored;
            await events.RecordAsync(tx, type, Actor.User(c.ActorId), c.Id, Scope.Platform, before, after, after, ct);
            await tx.CommitAsync(ct);
            return area;
        }

        private static object Snapshot(ListAreas.Area t) =>
            new
            {
                name = t.Name,
                description = t.Description,
                sortOrder = t.SortOrder,
                archived = t.Archived,
                geometry = t.Geometry is not null,
            };
    }

    [EndpointSummary("Edit, reorder, archive or restore an area (admin; with the version read, else 409).")]
    public static ValueTask<ListAreas.Area> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
