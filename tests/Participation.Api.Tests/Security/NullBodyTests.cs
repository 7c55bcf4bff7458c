using System.Text.Json.Nodes;
using Participation.Api.Features.Comments;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Invitations;
using Participation.Api.Features.Me;
using Participation.Api.Features.Notifications;
using Participation.Api.Infrastructure.Validation;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>
/// Generated from the contract (QUALITY.md §1): every JSON operation of the served OpenAPI document, on real
/// resources, gets <c>{}</c>, then its documented request schema with each property set to null in turn (an array
/// property also as <c>[null]</c>, a nested object with each of its own properties null, a map with a null value).
/// None may answer 5xx. New endpoints are covered as soon as they are in the document.
/// </summary>
public sealed class NullBodyTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task No_JSON_endpoint_answers_5xx_to_an_empty_body_or_a_null_in_any_property()
    {
        var world = await RealResources.CreateAsync(Api);
        var document = JsonNode.Parse(await Api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var schemas = new ContractSchemas(document, world);
        var failures = new List<string>();
        var operations = 0;
        var sent = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
            if (schema is null)
                continue;
            operations++;
            var url = world.Url(path);
            var bodies = new List<(string Label, JsonNode? Body)> { ("{}", new JsonObject()) };
            bodies.AddRange(schemas.NullMutations(schema, url));
            foreach (var (label, body) in bodies)
            foreach (var client in world.Callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                {
                    Content = Http.Json(body?.ToJsonString() ?? "null"),
                };
                var response = await client.SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500)
                    failures.Add(
                        $"{method.ToUpperInvariant()} {path} [{label}] {body?.ToJsonString()} → {(int)response.StatusCode} "
                            + $"{await response.Content.ReadAsStringAsync()}"
                    );
            }
        }

        Assert.True(operations >= 40, $"only {operations} JSON operations in the document");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx:\n" + string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task Missing_or_null_comment_bodies_and_null_list_items_are_400_required()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.A, idea);

        await AssertRequiredAsync(await c.A.PostAsync($"/api/v1/ideas/{idea}/comments", Http.Json("{}")), "body");
        await AssertRequiredAsync(await c.A.PostAsync($"/api/v1/ideas/{idea}/comments", Http.Json("""{"body":null}""")), "body");
        await AssertRequiredAsync(await c.A.PutAsync($"/api/v1/comments/{comment}", Http.Json("""{"body":null}""")), "body");
        await AssertRequiredAsync(
            await c.A.PutAsync("/api/v1/notifications/preferences", Http.Json("""{"preferences":[null]}""")),
            "preferences[0]"
        );
        await AssertRequiredAsync(
            await c.Admin.PostAsync("/api/v1/invitations", Http.Json("""{"invitees":[null],"role":"it_manager","scopeType":"platform"}""")),
            "invitees[0]"
        );

        Assert.Equal(1, await Api.CountAsync("comments"));
        Assert.Equal("Bonne idée !", await Api.ScalarAsync<string>("SELECT body FROM comments"));
        Assert.Equal(0, await Api.CountAsync("notification_preferences"));
        Assert.Equal(0, await Api.CountAsync("invitations"));
    }

    [Fact]
    public void The_validators_themselves_report_nulls_as_required()
    {
        static void AssertRequired(FluentValidation.Results.ValidationResult result, string property) =>
            Assert.Contains(result.Errors, e => e.PropertyName == property && e.ErrorMessage == "Ce champ est obligatoire.");

        AssertRequired(
            new PostComment.Validator().Validate(new PostComment.Command(Guid.NewGuid(), Guid.NewGuid(), null!, null, null)),
            "body"
        );
        AssertRequired(new EditComment.Validator().Validate(new EditComment.Command(Guid.NewGuid(), Guid.NewGuid(), null!)), "body");
        AssertRequired(
            new SetNotificationPreferences.Validator().Validate(new SetNotificationPreferences.Command(Guid.NewGuid(), [null!])),
            "Preferences[0]"
        );
        AssertRequired(
            new CreateInvitations.Validator().Validate(
                new CreateInvitations.Command(Guid.NewGuid(), [null!], Role.ItManager, ScopeType.Platform, null, null)
            ),
            "Invitees[0]"
        );
    }

    [Fact]
    public void Non_nullable_members_left_null_are_found_through_nested_records_and_list_items()
    {
        var found = NonNullableMembers.Find(
            new SetNotificationPreferences.Command(
                Guid.NewGuid(),
                [new SetNotificationPreferences.Change(NotificationCategory.CommentOnMyIdea, NotificationChannel.Off), null!]
            )
        );
        var comment = NonNullableMembers.Find(new EditComment.Command(Guid.NewGuid(), Guid.NewGuid(), null!));

        Assert.Equal(["Preferences[1]"], found.Select(f => f.PropertyName));
        Assert.Equal(["Body"], comment.Select(f => f.PropertyName));
        Assert.Empty(NonNullableMembers.Find(new UpdateMe.Command(Guid.NewGuid(), null, null, null)));
    }

    private static async Task AssertRequiredAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, because: field);
        var messages = problem["errors"]?[field]?.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.True(messages?.Contains("Ce champ est obligatoire.") == true, $"no 'required' for {field} in {problem.ToJsonString()}");
    }
}
