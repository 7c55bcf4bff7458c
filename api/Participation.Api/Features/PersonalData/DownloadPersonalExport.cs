using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.PersonalData;

/// <summary>
/// The zip of one of the caller's ready exports of their data. Only its owner gets it: anyone else's is a 404 (an admin
/// included); one still queued or failed is a 409, an expired one a 410.
/// </summary>
public static class DownloadPersonalExport
{
    public sealed record Query(Guid ActorId, Guid Id) : IQuery<File>;

    public sealed record File(Stream Content, string FileName);

    public sealed class Handler(CityDb db, IFileStorage storage) : IQueryHandler<Query, File>
    {
        private const string Sql = """
            SELECT status, file_key, created_at, status = 'expired' OR (status = 'ready' AND expires_at <= now()) AS expired
              FROM personal_data_exports WHERE id = @Id AND user_id = @ActorId;
            """;

        private sealed record Row(string Status, string? FileKey, DateTime CreatedAt, bool Expired);

        public async ValueTask<File> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, q, cancellationToken: ct))
                ?? throw new NotFoundException();
            if (row.Expired)
                throw new GoneException();
            if (row.Status != "ready" || row.FileKey is null)
                throw new ConflictException(Messages.Get("export_not_ready"));
            var content = await storage.OpenAsync(row.FileKey, ct) ?? throw new GoneException();
            return new File(content, $"my-data-{row.CreatedAt:yyyy-MM-dd}.zip");
        }
    }

    [EndpointSummary("Download the zip of one of your ready exports of your data (yours only; 410 once expired).")]
    public static async Task<IResult> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new Query(caller.UserId, id), ct);
        return TypedResults.File(file.Content, "application/zip", file.FileName);
    }
}

public static class PersonalDataSetup
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        services.AddSingleton<PersonalExportJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<PersonalExportJob>());
        services.AddSingleton<AccountRetentionJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<AccountRetentionJob>());
        return services;
    }
}
