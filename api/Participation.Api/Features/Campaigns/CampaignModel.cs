using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Campaigns;

/// <summary>
/// Where a campaign is: a draft (editable), scheduled (sent by the job at its time, or cancelled before), sending (its
/// recipients are frozen and their e-mails are being delivered), sent (every e-mail delivered or failed), or cancelled.
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum CampaignStatus
{
    Draft,
    Scheduled,
    Sending,
    Sent,
    Cancelled,
}

/// <summary>
/// Who a campaign reaches, always among the residents who consented to the newsletter: all of them, the participants in a
/// project, the followers of a project's ideas, the staff holding given roles, or the residents of an area (who posted an
/// idea in it or took part in a project covering it).
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum SegmentKind
{
    Newsletter,
    ProjectParticipants,
    ProjectFollowers,
    StaffRoles,
    Area,
}

/// <summary>The language a campaign is written in (one of the platform's languages).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum CampaignLanguage
{
    Fr,
    Nl,
    En,
}

/// <summary>A segment: its kind and the kind's parameter (the project, the roles, or the area).</summary>
public sealed record Segment(
    [property: JsonRequired] SegmentKind Kind,
    Guid? ProjectId = null,
    IReadOnlyList<Role>? Roles = null,
    Guid? AreaId = null
)
{
    [JsonIgnore]
    public string[] RoleWires => Kind == SegmentKind.StaffRoles ? (Roles ?? []).Distinct().Select(r => r.ToWire()).ToArray() : [];

    [JsonIgnore]
    public Guid? Project => Kind is SegmentKind.ProjectParticipants or SegmentKind.ProjectFollowers ? ProjectId : null;

    [JsonIgnore]
    public Guid? Area => Kind == SegmentKind.Area ? AreaId : null;
}

/// <summary>The rules of a segment: a project kind names a project, a staff kind one or more roles, an area kind an area.</summary>
public sealed class SegmentRules : AbstractValidator<Segment>
{
    public SegmentRules()
    {
        RuleFor(s => s.Kind).IsInEnum().WithMessage(_ => Messages.Get("campaign_segment_kind"));
        RuleFor(s => s.ProjectId)
            .NotNull()
            .When(s => s.Kind is SegmentKind.ProjectParticipants or SegmentKind.ProjectFollowers)
            .WithMessage(_ => Messages.Get("campaign_segment_project"));
        RuleFor(s => s.Roles)
            .Must(r => r is { Count: > 0 and <= 6 } && r.All(Enum.IsDefined))
            .When(s => s.Kind == SegmentKind.StaffRoles)
            .WithMessage(_ => Messages.Get("campaign_segment_roles"));
        RuleFor(s => s.AreaId).NotNull().When(s => s.Kind == SegmentKind.Area).WithMessage(_ => Messages.Get("campaign_segment_area"));
    }
}

/// <summary>What staff write: the subject, the rich-text body (sanitised when stored), its language and the segment.</summary>
public sealed record CampaignDraft(string Subject, string Body, CampaignLanguage? Language, Segment Segment);

public sealed class CampaignDraftRules : AbstractValidator<CampaignDraft>
{
    public CampaignDraftRules()
    {
        RuleFor(d => d.Subject)
            .NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .SingleLine()
            .MaximumLength(200)
            .WithMessage(_ => Messages.Get("too_long"));
        RuleFor(d => d.Body)
            .NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .MaximumLength(100_000)
            .WithMessage(_ => Messages.Get("too_long"))
            .Must(b => b is null || RichText.Sanitize(b).Length > 0)
            .WithMessage(_ => Messages.Get("required"));
        RuleFor(d => d.Language).IsInEnum().WithMessage(_ => Messages.Get("locale"));
        RuleFor(d => d.Segment).NotNull().WithMessage(_ => Messages.Get("required")).SetValidator(new SegmentRules()!);
    }
}

/// <summary>Delivery figures of a sent campaign, from its outbox rows (test sends are not counted).</summary>
public sealed record CampaignStats(int Recipients, int Queued, int Sent, int Failed);

/// <summary>A campaign as staff see it.</summary>
public sealed record Campaign(
    Guid Id,
    string Subject,
    string Body,
    CampaignLanguage Language,
    Segment Segment,
    CampaignStatus Status,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? SentAt,
    CampaignStats Stats,
    int TestsSent,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
);

/// <summary>How a campaign is read: its row with its delivery figures (one statement, whatever the number of campaigns).</summary>
internal static class CampaignRows
{
    public const string Select = """
        SELECT c.id, c.subject, c.body_html, c.language, c.segment_kind, c.segment_project_id, c.segment_roles, c.segment_area_id,
               c.status,
               c.scheduled_at, c.sent_at, c.recipients_count, c.tests_sent, c.created_at, c.updated_at,
               coalesce(s.queued, 0) AS queued, coalesce(s.sent, 0) AS sent, coalesce(s.failed, 0) AS failed
          FROM campaigns c
          LEFT JOIN LATERAL (
               SELECT count(*) FILTER (WHERE o.status = 'queued') AS queued,
                      count(*) FILTER (WHERE o.status = 'sent') AS sent,
                      count(*) FILTER (WHERE o.status = 'failed') AS failed
                 FROM campaign_recipients r
                 JOIN email_outbox o ON o.dedup_key = 'campaign:' || r.campaign_id::text || ':' || r.user_id::text
                WHERE r.campaign_id = c.id AND c.status = 'sent') s ON true
        """;

    public sealed class Row
    {
        public Guid Id { get; init; }
        public string Subject { get; init; } = "";
        public string BodyHtml { get; init; } = "";
        public string Language { get; init; } = "";
        public string SegmentKind { get; init; } = "";
        public Guid? SegmentProjectId { get; init; }
        public Guid? SegmentAreaId { get; init; }
        public string[] SegmentRoles { get; init; } = [];
        public string Status { get; init; } = "";
        public DateTime? ScheduledAt { get; init; }
        public DateTime? SentAt { get; init; }
        public int? RecipientsCount { get; init; }
        public int TestsSent { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public long Queued { get; init; }
        public long Sent { get; init; }
        public long Failed { get; init; }

        public Campaign ToCampaign()
        {
            var kind = SegmentKind.ToEnum<SegmentKind>();
            var status = Status.ToEnum<CampaignStatus>();
            if (status == CampaignStatus.Sent && Queued > 0)
                status = CampaignStatus.Sending;
            return new Campaign(
                Id,
                Subject,
                BodyHtml,
                Language.ToEnum<CampaignLanguage>(),
                new Segment(
                    kind,
                    SegmentProjectId,
                    kind == Campaigns.SegmentKind.StaffRoles ? SegmentRoles.Select(r => r.ToEnum<Role>()).ToList() : null,
                    SegmentAreaId
                ),
                status,
                ScheduledAt?.AsUtc(),
                SentAt?.AsUtc(),
                new CampaignStats(RecipientsCount ?? 0, (int)Queued, (int)Sent, (int)Failed),
                TestsSent,
                CreatedAt.AsUtc(),
                UpdatedAt.AsUtc()
            );
        }
    }

    public static async Task<Campaign?> ReadAsync(IDbConnection connection, IDbTransaction? tx, Guid id, CancellationToken ct) =>
        (
            await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition($"{Select} WHERE c.id = @Id;", new { Id = id }, tx, cancellationToken: ct)
            )
        )?.ToCampaign();
}

/// <summary>Who runs campaigns: communication managers and admins (platform roles).</summary>
internal static class CampaignAccess
{
    private const string Sql = """
        SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId AND role IN ('admin', 'communication_manager'));
        """;

    public static async Task RequireAsync(IDbConnection connection, Guid actorId, CancellationToken ct)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { ActorId = actorId }, cancellationToken: ct)))
            throw new ForbiddenException();
    }

    private const string ProjectSql = "SELECT EXISTS (SELECT 1 FROM projects WHERE id = @Id);";
    private const string AreaSql = "SELECT EXISTS (SELECT 1 FROM areas WHERE id = @Id);";

    /// <summary>A project or area segment names one that exists (400 on the field otherwise, nothing written).</summary>
    public static async Task RequireProjectAsync(IDbConnection connection, IDbTransaction? tx, Segment segment, CancellationToken ct)
    {
        if (
            segment.Project is { } id
            && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ProjectSql, new { Id = id }, tx, cancellationToken: ct))
        )
            throw new ValidationException([
                new FluentValidation.Results.ValidationFailure("segment.projectId", Messages.Get("campaign_project_unknown")),
            ]);
        if (
            segment.Area is { } area
            && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(AreaSql, new { Id = area }, tx, cancellationToken: ct))
        )
            throw new ValidationException([
                new FluentValidation.Results.ValidationFailure("segment.areaId", Messages.Get("unknown_area", area)),
            ]);
    }
}
