namespace Participation.Api.Features.Consents;

/// <summary>The caller's consents: the terms version they accepted (and whether it is the current one), their newsletter
/// choice, and the history of both, newest first (one statement).</summary>
public static class GetMyConsents
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    public sealed record Terms(string CurrentVersion, string? AcceptedVersion, DateTimeOffset? AcceptedAt, bool UpToDate);

    public sealed record Newsletter(bool Consented, DateTimeOffset? ChangedAt);

    /// <summary>One recorded consent: its kind (terms or newsletter), the terms version, the choice, where and when.</summary>
    public sealed record Record(string Kind, string? TermsVersion, bool Given, string Source, DateTimeOffset RecordedAt);

    public sealed record Response(Terms Terms, Newsletter Newsletter, IReadOnlyList<Record> History);

    public const int HistoryLimit = 100;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT ({ConsentRecords.CurrentTermsSql}) AS current_version, kind, terms_version, given, source, recorded_at
              FROM (SELECT NULL) one
              LEFT JOIN LATERAL (
                  SELECT kind, terms_version, given, source, recorded_at FROM consents
                   WHERE user_id = @ActorId ORDER BY recorded_at DESC, id DESC LIMIT @Take) c ON true;
            """;

        private sealed record Row(
            string CurrentVersion,
            string? Kind,
            string? TermsVersion,
            bool? Given,
            string? Source,
            DateTime? RecordedAt
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = (
                await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { q.ActorId, Take = HistoryLimit }, cancellationToken: ct))
            ).AsList();
            var current = rows[0].CurrentVersion;
            var history = rows.Where(r => r.Kind is not null)
                .Select(r => new Record(r.Kind!, r.TermsVersion, r.Given!.Value, r.Source!, r.RecordedAt!.Value.AsUtc()))
                .ToList();
            var terms = history.FirstOrDefault(r => r.Kind == "terms");
            var newsletter = history.FirstOrDefault(r => r.Kind == "newsletter");
            return new Response(
                new Terms(current, terms?.TermsVersion, terms?.RecordedAt, terms?.TermsVersion == current),
                new Newsletter(newsletter?.Given ?? false, newsletter?.RecordedAt),
                history
            );
        }
    }

    [EndpointSummary("Your consents: the terms version you accepted, your newsletter choice, and their history.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
