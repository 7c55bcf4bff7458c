using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Users;

/// <summary>
/// A person's public contributions, newest first: their ideas that everyone sees (listed, in a project that is not a
/// draft) and their visible comments on such ideas. Whoever asks gets the same list (the person themselves and the staff
/// included): never votes, baskets, survey answers, follows, anything hidden, withdrawn or deleted, nor what they posted
/// for an organisation (shown under the organisation's name). One statement per page.
/// </summary>
public static class ListPersonContributions
{
    public sealed record Query(Guid Id, string? Cursor, int? Limit) : IQuery<ContributionPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Query, ContributionPage>
    {
        private const string Person = "SELECT EXISTS (SELECT 1 FROM users WHERE id = @Id AND deleted_at IS NULL);";

        private const string Sql = $"""
            SELECT x.* FROM (
                {ContributionRows.Ideas}
                   AND i.organisation_id IS NULL AND i.listed AND p.status <> 'draft'
                UNION ALL
                SELECT 'comment', c.id::text, c.created_at, i.title, left(c.body, 280), NULL,
                       p.id, p.slug, {ContributionRows.ProjectTitle}, i.id, i.slug, c.id, NULL, NULL, NULL
                  FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN projects p ON p.id = i.project_id
                 WHERE c.author_id = @UserId AND c.organisation_id IS NULL AND c.deleted_at IS NULL AND c.hidden_at IS NULL
                   AND i.listed AND p.status <> 'draft'
            ) x
            {ContributionRows.Page}
            """;

        public async ValueTask<ContributionPage> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Person, q, cancellationToken: ct)))
                throw new NotFoundException("No such person.");
            return await ContributionRows.ReadAsync(connection, Sql, q.Id, null, q.Cursor, q.Limit, ct);
        }
    }

    /// <summary>The query string: the page.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("A person's public ideas and comments, newest first (what everyone sees anyway; never votes or answers).")]
    public static ValueTask<ContributionPage> Endpoint(Guid id, [AsParameters] QueryString q, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(id, q.Cursor, q.Limit), ct);
}
