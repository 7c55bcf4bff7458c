using Microsoft.AspNetCore.Mvc;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Projects;

/// <summary>
/// A project found by its readable address: the same page, with the same rules, as by its id (a draft: staff, or the
/// X-Preview-Token header; others get 404 whether the slug exists or not). A slug the project had before answers a
/// permanent redirect to its current one, once the caller may see the project (so a draft's new slug never leaks).
/// </summary>
public static class GetProjectBySlug
{
    public sealed record Query(string Slug) : IQuery<Response>;

    /// <summary>The project the slug names, now or before, and its current slug.</summary>
    public sealed record Response(Guid Id, string CurrentSlug);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Slug).Must(Slugs.IsValid).WithMessage(_ => Messages.Get("project_slug"));
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT p.id, p.slug AS current_slug FROM project_slugs s JOIN projects p ON p.id = s.project_id WHERE s.slug = @Slug;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await connection.QuerySingleOrDefaultAsync<Response>(new CommandDefinition(Sql, new { q.Slug }, cancellationToken: ct))
                ?? throw new NotFoundException("No such project.");
        }
    }

    [EndpointSummary("A project page by its slug (as by its id; a former slug redirects, 301, to the current one).")]
    public static async Task<Results<Ok<GetProject.Response>, RedirectHttpResult>> Endpoint(
        string slug,
        [FromHeader(Name = "X-Preview-Token")] string? previewToken,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        var found = await sender.Send(new Query(slug), ct);
        var project = await sender.Send(new GetProject.Query(caller.UserIdOrNull, found.Id, previewToken), ct);
        return found.CurrentSlug == slug
            ? TypedResults.Ok(project)
            : TypedResults.Redirect($"/api/v1/projects/by-slug/{found.CurrentSlug}", permanent: true);
    }
}
