using System.Data;
using Participation.Api.Features.Events;
using Participation.Api.Features.Figures;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Briefings;

/// <summary>How a briefing row ended: e-mailed, skipped because there was nothing to report, or not sent (opted out).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(WireEnumConverter))]
public enum BriefingStatus
{
    Pending,
    Sent,
    SkippedEmpty,
    OptedOut,
}

/// <summary>
/// Builds and produces briefings. Figures are computed once per distinct scope and period (officials sharing a scope
/// share them), highlights and charts once per scope and language; then each official's e-mail is rendered and queued.
/// So producing all officials' briefings costs a few statements per scope, never work per official per idea.
/// </summary>
public sealed class BriefingProducer(BriefingEmails emails, EventRecorder events, ILogger<BriefingProducer> logger)
{
    /// <summary>A claimed (locked) pending briefing row with its official.</summary>
    public sealed record Claim(
        Guid Id,
        Guid OfficialId,
        string ScopeType,
        Guid? ScopeId,
        DateOnly PeriodFrom,
        DateOnly PeriodTo,
        string Email,
        string FirstName,
        string Locale,
        bool OptedOut
    );

    /// <summary>A briefing as built: the e-mail and what it was built from.</summary>
    public sealed record Built(OutgoingEmail Email, FigureSet Figures, BriefingHighlights Highlights, IReadOnlyList<BriefingChart> Charts)
    {
        public bool Empty => BriefingContent.IsEmpty(Figures, Highlights);
    }

    /// <summary>Computations shared by the briefings of one batch.</summary>
    public sealed class Cache
    {
        internal readonly Dictionary<BriefingScope, Guid[]> Projects = [];
        internal readonly Dictionary<(BriefingScope, DateOnly, DateOnly), FigureSet> Figures = [];
        internal readonly Dictionary<
            (BriefingScope, DateOnly, DateOnly, string),
            (BriefingHighlights, IReadOnlyList<BriefingChart>)
        > Texts = [];
    }

    private const string UpdateSql = """
        UPDATE briefings b SET status = x.status, outbox_id = x.outbox_id, produced_at = now()
          FROM unnest(@Ids::uuid[], @Statuses::text[], @Outbox::bigint[]) AS x(id, status, outbox_id)
         WHERE b.id = x.id;
        """;

    public async Task<Built> BuildAsync(
        IDbConnection connection,
        BriefingReader reader,
        BriefingScope scope,
        DateOnly first,
        DateOnly last,
        string dedupKey,
        Cache cache,
        CancellationToken ct
    )
    {
        var period = BriefingContent.PeriodOf(first, last);
        var language = BriefingTexts.Language(reader.Locale);
        if (!cache.Projects.TryGetValue(scope, out var projectIds))
            cache.Projects[scope] = projectIds = await FigureQueries.ProjectIdsAsync(connection, scope.ToFigureScope(""), ct);
        if (!cache.Figures.TryGetValue((scope, first, last), out var figures))
            cache.Figures[(scope, first, last)] = figures = await BriefingContent.FiguresAsync(connection, scope, projectIds, period, ct);
        if (!cache.Texts.TryGetValue((scope, first, last, language), out var texts))
        {
            var highlights = await BriefingContent.HighlightsAsync(connection, scope, projectIds, period, language, ct);
            var charts = BriefingContent.IsEmpty(figures, highlights) ? [] : BriefingCharts.Draw(figures, language);
            cache.Texts[(scope, first, last, language)] = texts = (highlights, charts);
        }
        var email = emails.Briefing(reader, scope, first, last, figures, texts.Item1, texts.Item2, dedupKey);
        return new Built(email, figures, texts.Item1, texts.Item2);
    }

    /// <summary>
    /// Produces the claimed briefings in <paramref name="tx"/>: opted-out officials get nothing, an empty briefing is
    /// skipped (and logged), the others are queued in the outbox and recorded as briefing.sent by <paramref name="actor"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, BriefingStatus>> ProduceAsync(
        IDbConnection connection,
        IDbTransaction tx,
        IReadOnlyList<Claim> claims,
        Actor actor,
        CancellationToken ct
    )
    {
        var cache = new Cache();
        var statuses = new Dictionary<Guid, BriefingStatus>();
        var outbox = new Dictionary<Guid, long?>();
        foreach (var c in claims)
        {
            outbox[c.Id] = null;
            if (c.OptedOut)
            {
                statuses[c.Id] = BriefingStatus.OptedOut;
                continue;
            }
            var scope = BriefingScope.Of(c.ScopeType, c.ScopeId);
            var reader = new BriefingReader(c.OfficialId, c.Email, c.FirstName, c.Locale);
            var built = await BuildAsync(connection, reader, scope, c.PeriodFrom, c.PeriodTo, $"briefing:{c.Id}", cache, ct);
            if (built.Empty)
            {
                logger.LogInformation(
                    "Briefing {BriefingId} for official {OfficialId} ({ScopeType} {ScopeId}, {From} to {To}) skipped: nothing to report",
                    c.Id,
                    c.OfficialId,
                    c.ScopeType,
                    c.ScopeId,
                    c.PeriodFrom,
                    c.PeriodTo
                );
                statuses[c.Id] = BriefingStatus.SkippedEmpty;
                continue;
            }
            outbox[c.Id] = await Outbox.EnqueueAsync(connection, tx, built.Email, ct);
            statuses[c.Id] = BriefingStatus.Sent;
            await events.RecordAsync(
                tx,
                EventType.BriefingSent,
                actor,
                c.Id,
                Scope.Department(c.ScopeId),
                data: new
                {
                    officialId = c.OfficialId,
                    scopeType = c.ScopeType,
                    scopeId = c.ScopeId,
                    periodFrom = c.PeriodFrom,
                    periodTo = c.PeriodTo,
                },
                ct: ct
            );
        }
        await connection.ExecuteAsync(
            new CommandDefinition(
                UpdateSql,
                new
                {
                    Ids = claims.Select(c => c.Id).ToArray(),
                    Statuses = claims.Select(c => statuses[c.Id].ToWire()).ToArray(),
                    Outbox = claims.Select(c => outbox[c.Id]).ToArray(),
                },
                tx,
                cancellationToken: ct
            )
        );
        return statuses;
    }
}
