using System.Text.Json.Serialization;

namespace Participation.Api.Features.PersonalData;

/// <summary>The state of an export of one's own data.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum PersonalExportStatus
{
    Queued,
    Ready,
    Failed,
    Expired,
}

/// <summary>One export of the caller's data (the file is downloadable while ready, until <c>ExpiresAt</c>).</summary>
public sealed record PersonalExport(
    Guid Id,
    PersonalExportStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ExpiresAt,
    long? SizeBytes
);

/// <summary>Requests an export of everything the platform holds about the caller; written in the background.</summary>
public static class RequestPersonalExport
{
    public sealed record Command(Guid ActorId) : ICommand<PersonalExport>;

    public sealed class Handler(CityDb db) : ICommandHandler<Command, PersonalExport>
    {
        private const string Sql = """
            INSERT INTO personal_data_exports (id, user_id, language)
            SELECT @Id, u.id, u.locale FROM users u WHERE u.id = @ActorId
            ON CONFLICT (user_id) WHERE status = 'queued' DO NOTHING
            RETURNING id, status, created_at, finished_at, expires_at, size_bytes;
            """;

        public async ValueTask<PersonalExport> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<PersonalExportRow>(
                new CommandDefinition(Sql, new { Id = Guid.CreateVersion7(), c.ActorId }, cancellationToken: ct)
            );
            return row?.ToExport() ?? throw new ConflictException(Messages.Get("personal_export_pending"));
        }
    }

    [EndpointSummary("Ask for an export of everything the platform holds about you (a zip, e-mailed when ready).")]
    public static async Task<IResult> Endpoint(Caller caller, ISender sender, CancellationToken ct)
    {
        var export = await sender.Send(new Command(caller.UserId), ct);
        return TypedResults.Accepted("/api/v1/me/data-exports", export);
    }
}

/// <summary>The caller's exports of their own data, newest first (the last 20).</summary>
public static class ListPersonalExports
{
    public sealed record Query(Guid ActorId) : IQuery<IReadOnlyList<PersonalExport>>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, IReadOnlyList<PersonalExport>>
    {
        private const string Sql = """
            SELECT id, CASE WHEN status = 'ready' AND expires_at <= now() THEN 'expired' ELSE status END AS status,
                   created_at, finished_at, expires_at, size_bytes
              FROM personal_data_exports WHERE user_id = @ActorId
             ORDER BY created_at DESC, id DESC LIMIT 20;
            """;

        public async ValueTask<IReadOnlyList<PersonalExport>> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = await connection.QueryAsync<PersonalExportRow>(new CommandDefinition(Sql, q, cancellationToken: ct));
            return rows.Select(r => r.ToExport()).ToList();
        }
    }

    [EndpointSummary("Your exports of your own data, newest first, with their status.")]
    public static ValueTask<IReadOnlyList<PersonalExport>> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}

internal sealed record PersonalExportRow(
    Guid Id,
    string Status,
    DateTime CreatedAt,
    DateTime? FinishedAt,
    DateTime? ExpiresAt,
    long? SizeBytes
)
{
    public PersonalExport ToExport() =>
        new(Id, Status.ToEnum<PersonalExportStatus>(), CreatedAt.AsUtc(), FinishedAt.AsUtc(), ExpiresAt.AsUtc(), SizeBytes);
}
