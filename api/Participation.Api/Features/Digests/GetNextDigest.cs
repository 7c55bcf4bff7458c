using Participation.Api.Features.Notifications;

namespace Participation.Api.Features.Digests;

/// <summary>
/// The caller's own next digest of a kind, as it stands now: the period in progress (this month for a department head's
/// summary, this ISO week for a moderator's digest), whether it would be sent or skipped (empty, or e-mails of the
/// category turned off) and its content so far. 403 when the caller does not have the kind's role.
/// </summary>
public static class GetNextDigest
{
    public sealed record Query(Guid ActorId, DigestKind Kind) : IQuery<Response>;

    /// <param name="Kind">Which digest.</param>
    /// <param name="PeriodStart">The period's first day (platform time).</param>
    /// <param name="PeriodEnd">The period's last day, included.</param>
    /// <param name="SendsAt">When it is due: the end of the period (the job sends it within minutes).</param>
    /// <param name="Channel">The caller's choice for the kind's notification category: only e-mail sends it.</param>
    /// <param name="OptedOut">Whether the caller turned it off (any channel but e-mail), or cannot receive it (unconfirmed
    /// address).</param>
    /// <param name="Empty">Whether, as it stands, it has nothing to say and would be skipped.</param>
    /// <param name="Moderator">A moderator's digest (null for a department summary).</param>
    /// <param name="Departments">A head's departments with something to report (empty for a moderator's digest).</param>
    public sealed record Response(
        DigestKind Kind,
        DateOnly PeriodStart,
        DateOnly PeriodEnd,
        DateTimeOffset SendsAt,
        NotificationChannel Channel,
        bool OptedOut,
        bool Empty,
        ModeratorDigest? Moderator,
        IReadOnlyList<DepartmentSummary> Departments
    );

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Kind).IsInEnum().WithName("kind");
    }

    public sealed class Handler(CityDb db, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT u.locale, u.email_confirmed_at IS NOT NULL AS confirmed, np.channel,
                   EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = @Role) AS has_role
              FROM users u LEFT JOIN notification_preferences np ON np.user_id = u.id AND np.category = @Category
             WHERE u.id = @ActorId;

            SELECT r.department_id, coalesce(d.name ->> @Language, d.name ->> 'fr') AS name
              FROM user_roles r JOIN departments d ON d.id = r.department_id
             WHERE r.role = 'department_head' AND r.user_id = @ActorId
             ORDER BY name, r.department_id;
            """;

        private sealed record Me(string Locale, bool Confirmed, string? Channel, bool HasRole);

        private sealed record Department(Guid DepartmentId, string Name);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var language = RequestLanguage.Current;
            var category = DigestPeriods.Category(q.Kind);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        q.ActorId,
                        Role = DigestPeriods.Role(q.Kind),
                        Category = category.ToWire(),
                        Language = language,
                    },
                    cancellationToken: ct
                )
            );
            var me = await grid.ReadSingleOrDefaultAsync<Me>();
            if (me is null || !me.HasRole)
                throw new ForbiddenException();
            var departments = (await grid.ReadAsync<Department>()).ToList();
            var channel = me.Channel?.ToEnum<NotificationChannel>() ?? NotificationCategories.Default(category);
            var (start, end) = DigestPeriods.Current(q.Kind, clock);
            ModeratorDigest? moderator = null;
            var summaries = new List<DepartmentSummary>();
            if (q.Kind == DigestKind.ModeratorDigest)
            {
                var digests = await ModeratorDigests.ComputeAsync(
                    connection,
                    null,
                    [q.ActorId],
                    DigestPeriods.Instants(start, end),
                    clock.GetUtcNow(),
                    ct
                );
                moderator = digests.GetValueOrDefault(q.ActorId) ?? new ModeratorDigest([], [], [], []);
            }
            else
            {
                foreach (var d in departments)
                {
                    var s = await DepartmentSummaries.ComputeAsync(connection, d.DepartmentId, d.Name, start, end, language, ct);
                    if (!s.Empty)
                        summaries.Add(s);
                }
            }
            return new Response(
                q.Kind,
                start,
                end.AddDays(-1),
                Figures.PeriodQuery.StartOf(end),
                channel,
                channel != NotificationChannel.Email || !me.Confirmed,
                moderator?.Empty ?? summaries.Count == 0,
                moderator,
                summaries
            );
        }
    }

    [EndpointSummary("Your next digest (department summary or moderator digest) as it stands now, with your opt-out choice.")]
    public static ValueTask<Response> Endpoint([QueryEnum<DigestKind>] string? kind, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, WireEnum.FromQuery<DigestKind>(kind) ?? WireEnum<DigestKind>.Unknown), ct);
}
