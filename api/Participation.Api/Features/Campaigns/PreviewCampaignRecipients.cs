namespace Participation.Api.Features.Campaigns;

/// <summary>
/// How many people a segment reaches now, and a few of their names (never their addresses): computed by
/// <c>campaign_segment()</c>, the function the send freezes its recipients with, so the count previewed is the count
/// sent when no one's consent or participation changed in between.
/// </summary>
public static class PreviewCampaignRecipients
{
    public const int SampleSize = 5;

    public sealed record Command(Guid ActorId, Segment Segment) : IQuery<Response>;

    public sealed record Response(int Count, IReadOnlyList<string> Sample);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Segment).NotNull().SetValidator(new SegmentRules()).OverridePropertyName("");
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Command, Response>
    {
        // One statement, one snapshot: the count and the sample agree.
        private const string Sql = """
            WITH s AS (SELECT user_id FROM campaign_segment(@Kind, @ProjectId, @Roles, @AreaId))
            SELECT (SELECT count(*) FROM s)::int AS count,
                   array(SELECT u.first_name || ' ' || u.last_name FROM s JOIN users u ON u.id = s.user_id
                          ORDER BY u.last_name, u.first_name, u.id LIMIT @SampleSize) AS sample;
            """;

        private sealed class Row
        {
            public int Count { get; init; }
            public string[] Sample { get; init; } = [];
        }

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await CampaignAccess.RequireAsync(connection, c.ActorId, ct);
            await CampaignAccess.RequireProjectAsync(connection, null, c.Segment, ct);
            var row = await connection.QuerySingleAsync<Row>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        Kind = c.Segment.Kind.ToWire(),
                        ProjectId = c.Segment.Project,
                        Roles = c.Segment.RoleWires,
                        AreaId = c.Segment.Area,
                        SampleSize,
                    },
                    cancellationToken: ct
                )
            );
            return new Response(row.Count, row.Sample);
        }
    }

    [EndpointSummary("How many people a segment reaches now, with a few of their names (communication managers and admins).")]
    public static ValueTask<Response> Endpoint(Segment body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body), ct);
}
