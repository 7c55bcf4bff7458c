namespace Participation.Api.Features.IdeasManager;

/// <summary>A project's feedback templates, by title (at most <see cref="FeedbackTemplates.MaxPerProject"/>), for its staff.</summary>
public static class ListFeedbackTemplates
{
    public sealed record Query(Guid ActorId, Guid ProjectId) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<FeedbackTemplate> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT {FeedbackTemplates.Columns} FROM feedback_templates WHERE project_id = @ProjectId
             ORDER BY lower(title), id
             LIMIT @Max;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ManagerAccess.RequireStaffAsync(connection, q.ActorId, q.ProjectId, null, ct);
            var rows = await connection.QueryAsync<FeedbackTemplates.Row>(
                new CommandDefinition(Sql, new { q.ProjectId, Max = FeedbackTemplates.MaxPerProject }, cancellationToken: ct)
            );
            return new Response(rows.Select(r => r.ToTemplate()).ToList());
        }
    }

    [EndpointSummary("The project's official feedback templates, by title (the project's staff).")]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id), ct);
}
