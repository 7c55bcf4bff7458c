using System.Data;
using Participation.Api.Features.Areas;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Topics;

namespace Participation.Api.Features.Ideas;

/// <summary>Who is shown as the author: the person (with their avatar, if any), or the verified organisation they posted
/// for.</summary>
public sealed record AuthorView(AuthorKind Kind, string Name, Guid? UserId, Guid? OrganisationId, string? AvatarUrl = null)
{
    /// <summary>SQL columns (aliases u = users, o = organisations) that <see cref="From"/> reads.</summary>
    public const string Columns =
        "u.id AS author_user_id, u.first_name || ' ' || u.last_name AS author_person, u.avatar_key AS author_avatar, "
        + "o.id AS author_org_id, o.name AS author_org";

    public static AuthorView? From(Guid? userId, string? person, Guid? organisationId, string? organisation, string? avatarKey = null) =>
        organisationId is { } org && organisation is not null ? new AuthorView(AuthorKind.Organisation, organisation, null, org)
        : userId is { } user && person is not null ? new AuthorView(AuthorKind.Person, person, user, null, Users.Avatars.UrlOf(avatarKey))
        : null; // deleted account
}

/// <summary>The fields residents write, shared by posting and editing an idea.</summary>
public sealed record IdeaFields(
    string Title,
    string Body,
    IReadOnlyList<string>? Topics,
    double? Latitude,
    double? Longitude,
    string? LocationLabel,
    IReadOnlyList<Guid>? TopicIds = null,
    Guid? AreaId = null
);

public sealed class IdeaFieldsRules : AbstractValidator<IdeaFields>
{
    public IdeaFieldsRules()
    {
        RuleFor(f => f.Title)
            .NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .Must(t => t is null || t.Trim().Length is >= 3 and <= 120)
            .WithMessage(_ => Messages.Get("idea_title_length"))
            .SingleLine();
        RuleFor(f => f.Body)
            .NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .MaximumLength(20000)
            .WithMessage(_ => Messages.Get("too_long"));
        RuleFor(f => f.Topics).Must(t => t is null || t.Count <= 10).WithMessage(_ => Messages.Get("topics_count"));
        RuleFor(f => f.TopicIds).TopicIds();
        RuleForEach(f => f.Topics)
            .Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 40)
            .WithMessage(_ => Messages.Get("topic_length"))
            .SingleLine();
        RuleFor(f => f.Latitude).InclusiveBetween(-90, 90).WithMessage(_ => Messages.Get("latitude_range"));
        RuleFor(f => f.Longitude).InclusiveBetween(-180, 180).WithMessage(_ => Messages.Get("longitude_range"));
        RuleFor(f => f.Latitude).Must((f, lat) => (lat is null) == (f.Longitude is null)).WithMessage(_ => Messages.Get("location_pair"));
        RuleFor(f => f.LocationLabel).PlainText(200);
    }

    /// <summary>
    /// The idea's topics and area as chosen (topic ids, else an old client's names; none when neither is sent). With no area
    /// chosen, a placed idea is in the area whose polygon holds its place (if any).
    /// </summary>
    public static async Task<(TopicSelection Topics, Guid? AreaId)> ResolveTagsAsync(
        IDbConnection connection,
        IDbTransaction tx,
        IdeaFields f,
        IReadOnlyCollection<Guid> currentTopics,
        Guid? currentArea,
        CancellationToken ct
    )
    {
        var topics = await TopicTags.ResolveAsync(connection, tx, f.TopicIds, f.Topics, currentTopics, ct) ?? new([], []);
        if (f.AreaId is not { } area)
            return (topics, await AreaTags.AtAsync(connection, tx, f.Latitude, f.Longitude, ct));
        await AreaTags.ResolveAsync(connection, tx, [area], currentArea is { } a ? [a] : [], "areaId", ct);
        return (topics, area);
    }
}

/// <summary>
/// An idea as seen by the caller: its project's status, whether the caller is its author or the project's
/// staff. Ideas that are not public (pre-moderation, hidden, withdrawn) and ideas of draft projects exist only
/// for their author and the staff; for everybody else they are a 404.
/// </summary>
public sealed record IdeaAccess(
    Guid Id,
    Guid ProjectId,
    Guid? PhaseId,
    Guid? AuthorId,
    string StatusName,
    bool Listed,
    bool Withdrawn,
    bool Hidden,
    string ProjectStatus,
    Guid DepartmentId,
    bool Staff
)
{
    public IdeaStatus Status => StatusName.ToEnum<IdeaStatus>();

    public bool IsAuthor(Guid? actorId) => actorId is not null && AuthorId == actorId;

    public bool VisibleTo(Guid? actorId) => Staff || (ProjectStatus != "draft" && (Listed || IsAuthor(actorId)));

    /// <summary>The columns <see cref="IdeaAccess"/> reads, from ideas <c>i</c> joined to their project <c>p</c>.</summary>
    private const string Columns = $"""
        i.id, i.project_id, i.phase_id, i.author_id, i.status AS status_name, i.listed, i.withdrawn_at IS NOT NULL AS withdrawn,
               i.hidden_at IS NOT NULL AS hidden,
               p.status AS project_status, p.department_id, {ProjectStaff.IsStaffOf} AS staff
        """;

    private const string From = "ideas i JOIN projects p ON p.id = i.project_id";

    internal const string Select = "SELECT " + Columns + "\n  FROM " + From;

    internal const string Sql = Select + " WHERE i.id = @IdeaId";

    /// <summary>The idea and the action policy of its project's current phase, in one statement and one row.</summary>
    internal static readonly string ForActionSql = Phases.ActionPolicy.WithCurrent(Columns, From) + " WHERE i.id = @IdeaId;";

    /// <summary>The idea if the caller may see it (locked for update inside a transaction when asked); otherwise a 404.</summary>
    public static async Task<IdeaAccess> LoadAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid ideaId,
        IDbTransaction? tx,
        CancellationToken ct,
        bool forUpdate = false
    )
    {
        var idea = await connection.QuerySingleOrDefaultAsync<IdeaAccess>(
            new CommandDefinition(
                forUpdate ? Sql + " FOR UPDATE OF i;" : Sql + ";",
                new { ActorId = actorId, IdeaId = ideaId },
                tx,
                cancellationToken: ct
            )
        );
        return idea is not null && idea.VisibleTo(actorId) ? idea : throw new NotFoundException("No such idea.");
    }

    /// <summary>
    /// The idea as <see cref="LoadAsync"/> gives it, checked by <paramref name="check"/>, and what
    /// <see cref="Phases.ActionPolicy.RequireAsync"/> concludes for <paramref name="action"/> in its project's current phase:
    /// one statement and one row for both (a vote or a basket change reads them before its writes).
    /// </summary>
    public static async Task<(IdeaAccess Idea, Phases.ActionPolicy.PhaseRef Phase, Phases.PhaseSettings Settings)> LoadForActionAsync(
        IDbConnection connection,
        Guid actorId,
        Guid ideaId,
        Phases.ParticipationAction action,
        Phases.PhaseMethod method,
        IDbTransaction tx,
        Func<IdeaAccess, IdeaAccess> check,
        CancellationToken ct,
        bool limitTakenLater = false
    )
    {
        var found = await Phases.ActionPolicy.QueryWithAsync<IdeaAccess>(
            connection,
            new CommandDefinition(ForActionSql, new { ActorId = actorId, IdeaId = ideaId }, tx, cancellationToken: ct)
        );
        if (found is not { Row: var idea, Policy: var policy } || !idea.VisibleTo(actorId))
            throw new NotFoundException("No such idea.");
        check(idea);
        var decisions = Phases.ActionPolicy.DecideCurrent(policy, idea.ProjectId);
        var (phase, settings) = Phases.ActionPolicy.Require(decisions, action, method, limitTakenLater);
        return (idea, phase, settings);
    }

    /// <summary>Residents act only on public ideas (a hidden or withdrawn idea takes no reactions, comments or follows).</summary>
    public IdeaAccess RequireListed() =>
        Listed ? this : throw new ConflictException(Messages.Get(Withdrawn ? "idea_withdrawn" : "reason.not_permitted"));

    public IdeaAccess RequireStaff() =>
        Staff ? this : throw new ForbiddenException("Only the project's moderators, its department's heads and admins can do this.");
}
