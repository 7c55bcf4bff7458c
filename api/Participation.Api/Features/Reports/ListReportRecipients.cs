using System.Data;
using System.Text.Json.Serialization;

namespace Participation.Api.Features.Reports;

/// <summary>Why a person may receive a project's report.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ReportRecipientRole
{
    DepartmentHead,
    ElectedOfficial,
}

/// <summary>
/// Who a project's report may be sent to: the heads of its department and the elected officials whose scope covers it
/// (the whole platform, or its department). Names and roles only, never e-mail addresses. For the project's staff.
/// </summary>
public static class ListReportRecipients
{
    public const int Max = 200;

    public sealed record Query(Guid ActorId, Guid ProjectId) : IQuery<Response>;

    /// <param name="ScopeName">The department of an official of one department (none for platform-wide officials and heads).</param>
    public sealed record Recipient(Guid UserId, string Name, ReportRecipientRole Role, string? ScopeName);

    public sealed record Response(IReadOnlyList<Recipient> Items);

    /// <summary>The candidates (@DepartmentId; @Ids: only these when not null), one row per person, with what the e-mail needs.</summary>
    internal const string CandidatesSql = """
        SELECT x.user_id, x.name, x.role, x.scope_name, x.email, x.first_name, x.locale FROM (
            SELECT DISTINCT ON (u.id) u.id AS user_id, u.first_name || ' ' || u.last_name AS name, r.role,
                   CASE WHEN r.role = 'elected_official' AND r.scope_type = 'department'
                        THEN coalesce(d.name ->> @Language, d.name ->> 'fr') END AS scope_name,
                   u.email, u.first_name, u.locale
              FROM user_roles r JOIN users u ON u.id = r.user_id LEFT JOIN departments d ON d.id = r.department_id
             WHERE ((r.role = 'department_head' AND r.department_id = @DepartmentId)
                    OR (r.role = 'elected_official' AND (r.scope_type = 'platform' OR r.department_id = @DepartmentId)))
               AND (CAST(@Ids AS uuid[]) IS NULL OR u.id = ANY(CAST(@Ids AS uuid[])))
             ORDER BY u.id, r.role, r.scope_type) x
         ORDER BY x.role, x.name, x.user_id
         LIMIT @Max;
        """;

    internal sealed record Candidate(
        Guid UserId,
        string Name,
        string Role,
        string? ScopeName,
        string Email,
        string FirstName,
        string Locale
    )
    {
        public Recipient ToRecipient() => new(UserId, Name, Role.ToEnum<ReportRecipientRole>(), ScopeName);
    }

    internal static async Task<List<Candidate>> CandidatesAsync(
        IDbConnection connection,
        Guid departmentId,
        Guid[]? ids,
        IDbTransaction? tx,
        CancellationToken ct
    ) =>
        (
            await connection.QueryAsync<Candidate>(
                new CommandDefinition(
                    CandidatesSql,
                    new
                    {
                        DepartmentId = departmentId,
                        Ids = ids,
                        Max,
                        Language = RequestLanguage.Current,
                    },
                    tx,
                    cancellationToken: ct
                )
            )
        ).AsList();

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var project = await ReportAccess.RequireAsync(connection, q.ActorId, q.ProjectId, write: true, null, ct);
            var candidates = await CandidatesAsync(connection, project.DepartmentId, null, null, ct);
            return new Response(candidates.Select(c => c.ToRecipient()).ToList());
        }
    }

    [EndpointSummary("Who a project's report may be sent to: its department's heads and the officials covering it (no e-mails).")]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id), ct);
}
