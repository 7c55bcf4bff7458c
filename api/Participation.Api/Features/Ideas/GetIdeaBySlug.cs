using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// An idea found by its readable address, its project's slug then its own: the same idea, with the same rules, as by its
/// id. A slug its project had before answers a permanent redirect to the current address, once the caller may see it.
/// </summary>
public static class GetIdeaBySlug
{
    public sealed record Query(string ProjectSlug, string Slug) : IQuery<Response>;

    /// <summary>The idea the slugs name and its project's current slug.</summary>
    public sealed record Response(Guid Id, string CurrentProjectSlug);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.ProjectSlug).Must(Slugs.IsValid).WithMessage(_ => Messages.Get("project_slug"));
            RuleFor(q => q.Slug).Must(Slugs.IsValid).WithMessage(_ => Messages.Get("project_slug"));
        }
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT i.id, p.slug AS current_project_slug
              FROM project_slugs s JOIN projects p ON p.id = s.project_id JOIN ideas i ON i.project_id = p.id AND i.slug = @Slug
             WHERE s.slug = @ProjectSlug;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await connection.QuerySingleOrDefaultAsync<Response>(
                new CommandDefinition(Sql, new { q.ProjectSlug, q.Slug }, cancellationToken: ct)
            ) ?? throw new NotFoundException("No such idea.");
        }
    }

    [EndpointSummary("An idea by its project's slug and its own (as by its id; a project's former slug redirects, 301).")]
    public static async Task<Results<Ok<GetIdea.Response>, RedirectHttpResult>> Endpoint(
        string projectSlug,
        string slug,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        var found = await sender.Send(new Query(projectSlug, slug), ct);
        var idea = await sender.Send(new GetIdea.Query(caller.UserIdOrNull, found.Id), ct);
        return found.CurrentProjectSlug == projectSlug
            ? TypedResults.Ok(idea)
            : TypedResults.Redirect($"/api/v1/projects/by-slug/{found.CurrentProjectSlug}/ideas/{slug}", permanent: true);
    }
}
