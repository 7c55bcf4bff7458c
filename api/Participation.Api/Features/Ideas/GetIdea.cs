using Participation.Api.Features.Phases;
using Participation.Api.Features.Topics;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// One idea with its status history and official feedback, counters, the caller's reaction and follow,
/// and what the caller may do with it (each refusal with its reason, as the project's "what may I do").
/// </summary>
public static class GetIdea
{
    public sealed record Query(Guid? ActorId, Guid IdeaId) : IQuery<Response>;

    public sealed record Location(double Latitude, double Longitude, string? Label);

    public sealed record StatusChange(IdeaStatus? FromStatus, IdeaStatus ToStatus, string? Feedback, string? SignedAs, DateTimeOffset At);

    /// <summary>public · prescreening (awaiting moderation) · hidden (by moderators or provisionally after flags) · withdrawn.</summary>
    public sealed record Visibility(IdeaVisibilityState State, string? HiddenReason, bool HiddenByFlags);

    public sealed record Response(
        Guid Id,
        Guid ProjectId,
        Guid? PhaseId,
        string Title,
        string Body,
        IReadOnlyList<string> Topics,
        Location? Location,
        IdeaStatus Status,
        AuthorView? Author,
        int Likes,
        int Dislikes,
        int Comments,
        DateTimeOffset CreatedAt,
        DateTimeOffset? EditedAt,
        ReactionKind? MyReaction,
        bool Following,
        bool IsMine,
        Visibility Visibility,
        IReadOnlyList<StatusChange> History,
        IReadOnlyList<ActionPolicy.Decision> Actions,
        decimal? Cost,
        // Always sent (empty when untagged); optional in the contract only because fields added to 1.x responses are.
        IReadOnlyList<Guid>? TopicIds,
        Guid? AreaId,
        // The readable parts of the idea's address (/projects/{projectSlug}/ideas/{slug}); always sent.
        string? Slug = null,
        string? ProjectSlug = null,
        // Its photos and documents in their order (a non-public idea's links are signed); always sent.
        IReadOnlyList<IdeaAttachment>? Attachments = null
    );

    public sealed class Handler(CityDb db, AttachmentLinks links) : IQueryHandler<Query, Response>
    {
        internal const string Sql = $"""
            SELECT i.id, i.slug, (SELECT sp.slug FROM projects sp WHERE sp.id = i.project_id) AS project_slug,
                   i.project_id, i.phase_id, i.title, i.body, {TopicTags.NamesColumn},
                   {TopicTags.IdsColumn}, i.area_id, i.latitude, i.longitude, i.location_label, i.status,
                   i.likes_count, i.dislikes_count, i.comments_count, i.created_at, i.edited_at, i.withdrawn_at, i.hidden_at,
                   i.hidden_reason, i.hidden_by_flags, i.cost, {AttachmentLinks.Column},
                   i.author_id, {AuthorView.Columns},
                   r.kind AS my_reaction, f.user_id IS NOT NULL AS following,
                   ph.id IS NOT NULL AND ph.starts_at <= now() AND (ph.ends_at IS NULL OR ph.ends_at > now()) AS posting_phase_active
              FROM ideas i
              LEFT JOIN users u ON u.id = i.author_id
              LEFT JOIN organisations o ON o.id = i.organisation_id
              LEFT JOIN idea_reactions r ON r.idea_id = i.id AND r.user_id = @ActorId
              LEFT JOIN idea_follows f ON f.idea_id = i.id AND f.user_id = @ActorId
              LEFT JOIN phases ph ON ph.id = i.phase_id
             WHERE i.id = @IdeaId;
            SELECT from_status, to_status, feedback, signed_as, created_at AS at FROM idea_status_changes WHERE idea_id = @IdeaId
                   ORDER BY id;
            """;

        internal sealed class Row
        {
            public Guid Id { get; init; }
            public string Slug { get; init; } = "";
            public string ProjectSlug { get; init; } = "";
            public Guid ProjectId { get; init; }
            public Guid? PhaseId { get; init; }
            public string Title { get; init; } = "";
            public string Body { get; init; } = "";
            public string[] Topics { get; init; } = [];
            public Guid[] TopicIds { get; init; } = [];
            public Guid? AreaId { get; init; }
            public double? Latitude { get; init; }
            public double? Longitude { get; init; }
            public string? LocationLabel { get; init; }
            public string Status { get; init; } = "";
            public int LikesCount { get; init; }
            public int DislikesCount { get; init; }
            public int CommentsCount { get; init; }
            public DateTime CreatedAt { get; init; }
            public DateTime? EditedAt { get; init; }
            public DateTime? WithdrawnAt { get; init; }
            public DateTime? HiddenAt { get; init; }
            public string? HiddenReason { get; init; }
            public bool HiddenByFlags { get; init; }
            public Guid? AuthorUserId { get; init; }
            public string? AuthorPerson { get; init; }
            public Guid? AuthorOrgId { get; init; }
            public string? AuthorOrg { get; init; }
            public string? AuthorAvatar { get; init; }
            public string? MyReaction { get; init; }
            public bool Following { get; init; }
            public bool PostingPhaseActive { get; init; }
            public decimal? Cost { get; init; }
            public string? Attachments { get; init; }
        }

        internal sealed class ChangeRow
        {
            public string? FromStatus { get; init; }
            public string ToStatus { get; init; } = "";
            public string? Feedback { get; init; }
            public string? SignedAs { get; init; }
            public DateTime At { get; init; }
        }

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var access = await IdeaAccess.LoadAsync(connection, q.ActorId, q.IdeaId, null, ct);
            Row i;
            List<ChangeRow> history;
            await using (
                var grid = await connection.QueryMultipleAsync(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.ActorId,
                            q.IdeaId,
                            Lang = RequestLanguage.Current,
                        },
                        cancellationToken: ct
                    )
                )
            )
            {
                i = await grid.ReadSingleOrDefaultAsync<Row>() ?? throw new NotFoundException("No such idea.");
                history = (await grid.ReadAsync<ChangeRow>()).AsList();
            }
            var phase = await ActionPolicy.DecideAsync(connection, q.ActorId, i.ProjectId, null, null, ct);
            var mine = access.IsAuthor(q.ActorId);
            var canSeeModeration = mine || access.Staff;
            var status = i.Status.ToEnum<IdeaStatus>();
            var state =
                i.WithdrawnAt is not null ? IdeaVisibilityState.Withdrawn
                : i.HiddenAt is not null ? IdeaVisibilityState.Hidden
                : status == IdeaStatus.Prescreening ? IdeaVisibilityState.Prescreening
                : IdeaVisibilityState.Public;
            return new Response(
                i.Id,
                i.ProjectId,
                i.PhaseId,
                i.Title,
                i.Body,
                i.Topics,
                i.Latitude is { } lat && i.Longitude is { } lng ? new Location(lat, lng, i.LocationLabel) : null,
                status,
                AuthorView.From(i.AuthorUserId, i.AuthorPerson, i.AuthorOrgId, i.AuthorOrg, i.AuthorAvatar),
                i.LikesCount,
                i.DislikesCount,
                i.CommentsCount,
                i.CreatedAt.AsUtc(),
                i.EditedAt.AsUtc(),
                i.MyReaction.ToEnumOrNull<ReactionKind>(),
                i.Following,
                mine,
                new Visibility(state, canSeeModeration ? i.HiddenReason : null, i.HiddenByFlags),
                history
                    .Select(h => new StatusChange(
                        h.FromStatus.ToEnumOrNull<IdeaStatus>(),
                        h.ToStatus.ToEnum<IdeaStatus>(),
                        h.Feedback,
                        h.SignedAs,
                        h.At.AsUtc()
                    ))
                    .ToList(),
                IdeaActions.For(q.ActorId, access, i.PostingPhaseActive, phase),
                i.Cost,
                i.TopicIds,
                i.AreaId,
                i.Slug,
                i.ProjectSlug,
                access.Listed && access.ProjectStatus != "draft"
                    ? AttachmentLinks.Read(i.Id, i.Attachments)
                    : links.ReadSigned(i.Id, i.Attachments)
            );
        }
    }

    [EndpointSummary(
        "One idea: text, location, status history with official feedback, counters, your reaction, and what you may do with it."
    )]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserIdOrNull, id), ct);
}

/// <summary>What the caller may do with one idea, each refusal with a reason code.</summary>
public static class IdeaActions
{
    public static IReadOnlyList<ActionPolicy.Decision> For(
        Guid? actorId,
        IdeaAccess idea,
        bool postingPhaseActive,
        ActionPolicy.Result phase
    )
    {
        ActionPolicy.Decision D(ParticipationAction action, RefusalReason? reason) => new(action, reason is null, reason);
        RefusalReason? FromPhase(ParticipationAction action) =>
            !idea.Listed ? RefusalReason.NotPublic
            : phase.Actions.FirstOrDefault(a => a.Action == action) is { } d ? d.Reason
            : phase.Status == "archived" ? RefusalReason.ProjectArchived
            : RefusalReason.PhaseNotActive;
        var signedIn = actorId is not null;
        RefusalReason? authorChange =
            !signedIn ? RefusalReason.NotSignedIn
            : !idea.IsAuthor(actorId) ? RefusalReason.NotAuthor
            : idea.Withdrawn ? RefusalReason.NotPublic
            : idea.ProjectStatus == "archived" ? RefusalReason.ProjectArchived
            : !IdeaStatuses.AuthorMayChange(idea.Status) || idea.Hidden ? RefusalReason.IdeaLocked
            : !postingPhaseActive ? RefusalReason.PhaseNotActive
            : null;
        RefusalReason? signedInListed =
            !signedIn ? RefusalReason.NotSignedIn
            : !idea.Listed ? RefusalReason.NotPublic
            : null;
        return
        [
            D(ParticipationAction.React, FromPhase(ParticipationAction.React)),
            D(ParticipationAction.Comment, FromPhase(ParticipationAction.Comment)),
            D(ParticipationAction.Follow, signedInListed),
            D(ParticipationAction.Flag, signedInListed ?? (idea.IsAuthor(actorId) ? RefusalReason.NotPermitted : null)),
            D(ParticipationAction.Edit, authorChange),
            D(ParticipationAction.Withdraw, authorChange),
            D(
                ParticipationAction.Moderate,
                idea.Staff ? null
                    : signedIn ? RefusalReason.NotPermitted
                    : RefusalReason.NotSignedIn
            ),
        ];
    }
}
