using Microsoft.AspNetCore.Mvc;
using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// Ideas, their reactions and follows. Public reads are anonymous (drafts and non-public ideas stay with
/// their author and the staff); every write needs a signed-in user and is checked in its handler against
/// the participation rules of the current phase (ActionPolicy) or the project's staff.
/// </summary>
public static class IdeasEndpoints
{
    public static RouteGroupBuilder MapIdeasEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("").WithTags("Ideas");
        g.MapGet("/projects/{id:guid}/ideas", ListIdeas.Endpoint).WithName(nameof(ListIdeas))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead).ProducesProblems(400, 404);
        g.MapGet("/ideas/{id:guid}", GetIdea.Endpoint).WithName(nameof(GetIdea))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead).ProducesProblems(400, 404);
        g.MapGet("/projects/by-slug/{projectSlug}/ideas/{slug}", GetIdeaBySlug.Endpoint).WithName(nameof(GetIdeaBySlug))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead).Produces(301).ProducesProblems(400, 404); // as by id
        g.MapPost("/projects/{id:guid}/ideas", SubmitIdea.Endpoint).WithName(nameof(SubmitIdea)) // phase rules
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).WithIdempotency().ProducesProblems(400, 401, 403, 404);
        g.MapPut("/ideas/{id:guid}", UpdateIdea.Endpoint).WithName(nameof(UpdateIdea))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // its author
        g.MapPost("/ideas/{id:guid}/withdraw", WithdrawIdea.Endpoint).WithName(nameof(WithdrawIdea))
            .RequireAuthorization().ProducesProblems(401, 403, 404, 409); // its author
        g.MapPost("/ideas/{id:guid}/status", ChangeIdeaStatus.Endpoint).WithName(nameof(ChangeIdeaStatus))
            .RequireAuthorization().AcceptClients(ClientScope.IdeasFeedback).ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapPut("/ideas/{id:guid}/reaction", ReactToIdea.Endpoint).WithName(nameof(ReactToIdea))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // phase rules
        g.MapDelete("/ideas/{id:guid}/reaction", RemoveReaction.Endpoint).WithName(nameof(RemoveReaction))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404); // phase rules, own reaction
        g.MapPut("/ideas/{id:guid}/follow", FollowIdea.Endpoint).WithName(nameof(FollowIdea))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 404, 409); // public ideas
        g.MapDelete("/ideas/{id:guid}/follow", UnfollowIdea.Endpoint).WithName(nameof(UnfollowIdea))
            .RequireAuthorization().ProducesProblems(401, 404); // own follow
        // Attachments: changed by the idea's author while they may edit it and by its staff; read as the idea is.
        g.MapGet("/idea-attachments/limits", GetAttachmentLimits.Endpoint).WithName(nameof(GetAttachmentLimits))
            .AllowAnonymous(); // everyone: constants
        g.MapPost("/ideas/{id:guid}/attachments", AddIdeaAttachment.Endpoint).WithName(nameof(AddIdeaAttachment))
            .RequireAuthorization().DisableAntiforgery() // bearer tokens, not cookies
            .RequireRateLimiting(RateLimits.Writes).WithMetadata(new RequestSizeLimitAttribute(AttachmentLimits.MaxRequestBytes))
            .ProducesProblems(400, 401, 403, 404, 409, 413); // its author (while editable), its staff
        g.MapPut("/ideas/{id:guid}/attachments/order", ReorderIdeaAttachments.Endpoint).WithName(nameof(ReorderIdeaAttachments))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // as adding
        g.MapPut("/ideas/{id:guid}/attachments/{attachmentId:guid}", UpdateIdeaAttachment.Endpoint).WithName(nameof(UpdateIdeaAttachment))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // as adding
        g.MapDelete("/ideas/{id:guid}/attachments/{attachmentId:guid}", RemoveIdeaAttachment.Endpoint)
            .WithName(nameof(RemoveIdeaAttachment))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404, 409); // as adding
        g.MapGet("/ideas/{id:guid}/attachments/{attachmentId:guid}", GetIdeaAttachmentFile.Endpoint).WithName(nameof(GetIdeaAttachmentFile))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead)
            .Produces(200, typeof(Stream), "image/png", "image/jpeg", "image/webp", "application/pdf")
            .ProducesProblems(404); // whoever sees the idea (or holds a signed link from its view)
        g.MapGet("/ideas/{id:guid}/attachments/{attachmentId:guid}/thumbnail", GetIdeaAttachmentFile.ThumbnailEndpoint)
            .WithName("GetIdeaAttachmentThumbnail")
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead)
            .Produces(200, typeof(Stream), "image/png", "image/jpeg", "image/webp").ProducesProblems(404); // as the file
        // csharpier-ignore-end
        return api;
    }
}
