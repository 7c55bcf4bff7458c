using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Participation.Api.Infrastructure.Enums;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Contract;

/// <summary>
/// Closed sets are enums in the contract, with the wire names callers always sent and received, so the generated
/// clients carry them and nobody keeps a copy of their own.
/// </summary>
public sealed class EnumContractTests(ApiFactory api) : ApiTest(api)
{
    private static readonly Type[] ApiEnums = typeof(Program)
        .Assembly.GetTypes()
        .Where(t => t.IsEnum && (t.IsPublic || t.IsNestedPublic))
        .OrderBy(t => t.Name)
        .ToArray();

    [Theory]
    [InlineData("ProjectStatus", "draft published archived")]
    [InlineData("ProjectSort", "newest ending_soon")]
    [InlineData("IdeaStatus", "prescreening proposed under_consideration accepted rejected implemented")]
    [InlineData("IdeaSort", "trending popular newest most_commented random")]
    [InlineData("ReactionKind", "like dislike")]
    [InlineData("PhaseMethod", "information ideation voting budgeting survey poll")]
    [InlineData("Audience", "everyone registered confirmed_email staff")]
    [InlineData("ParticipationAction", "post_idea comment react vote answer follow flag edit withdraw moderate")]
    [InlineData(
        "RefusalReason",
        "not_signed_in email_not_confirmed not_permitted phase_not_active project_archived limit_reached already_responded "
            + "blocked not_author idea_locked not_public"
    )]
    [InlineData("Role", "admin department_head project_moderator communication_manager it_manager elected_official")]
    [InlineData("ScopeType", "platform department project")]
    [InlineData("ClientScope", "projects:read ideas:read results:read statistics:read webhooks:manage ideas:feedback")]
    [InlineData("QuestionType", "single_choice multiple_choice short_text long_text linear_scale number ranking map_point")]
    [InlineData(
        "NotificationCategory",
        "idea_status_mine idea_status_followed comment_on_my_idea reply_to_my_comment new_idea_to_moderate content_hidden mention "
            + "idea_assigned department_summary moderator_digest briefing project_updates_followed"
    )]
    [InlineData("NotificationChannel", "email in_app off")]
    [InlineData("ManagedIdeaSort", "newest oldest most_supported most_commented waiting_longest")]
    [InlineData("BulkOutcome", "changed refused")]
    [InlineData("StatusChangeRefusal", "not_staff not_in_project awaiting_prescreening withdrawn nothing_to_change")]
    [InlineData("FlagReason", "spam inappropriate other")]
    [InlineData("ReviewDecision", "approve reject")]
    [InlineData("InvitationStatus", "pending accepted expired revoked")]
    [InlineData("OrganisationStatus", "pending verified rejected")]
    [InlineData("OrganisationDecision", "verify reject")]
    public async Task A_closed_set_is_a_string_enum_of_its_wire_names(string schema, string values)
    {
        var s = (await ContractAsync())["components"]!["schemas"]![schema] ?? throw new Xunit.Sdk.XunitException($"no schema {schema}");

        Assert.Equal("string", s["type"]!.GetValue<string>());
        Assert.Equal(values.Split(' '), s["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(values.Split(' ').Length, s["x-enumNames"]!.AsArray().Count);
    }

    [Fact]
    public async Task Every_enum_of_the_api_is_in_the_contract_with_exactly_its_wire_names()
    {
        var schemas = (await ContractAsync())["components"]!["schemas"]!;

        Assert.All(ApiEnums, type =>
        {
            var names = (string[])typeof(WireEnum<>).MakeGenericType(type).GetField("All")!.GetValue(null)!;
            var schema = schemas[type.Name] ?? throw new Xunit.Sdk.XunitException($"{type.Name} is not in openapi.json");
            Assert.Equal(names, schema["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
            Assert.Equal(Enum.GetNames(type), schema["x-enumNames"]!.AsArray().Select(v => v!.GetValue<string>()));
        });
    }

    [Fact]
    public void Every_enum_reads_and_writes_its_wire_names_whatever_the_serializer_options()
    {
        // Phase settings and flags are stored as JSON with the default web options: the enum's own attribute applies.
        Assert.All(ApiEnums, type =>
        {
            Assert.Equal(typeof(WireEnumConverter), type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType);
            foreach (var value in Enum.GetValues(type))
            {
                var json = JsonSerializer.Serialize(value, type, JsonSerializerOptions.Web);
                // OAuth scopes read "resource:access" (RFC 6749 §3.3 allows the colon); everything else is snake_case.
                Assert.Matches("^\"[a-z][a-z0-9_.:]*\"$", json);
                Assert.Equal(value, JsonSerializer.Deserialize(json, type, JsonSerializerOptions.Web));
            }
        });
    }

    [Theory]
    [InlineData("/api/v1/projects/{id}/ideas", "sort", "IdeaSort")]
    [InlineData("/api/v1/projects/{id}/ideas", "status", "IdeaStatus")]
    [InlineData("/api/v1/projects", "status", "ProjectStatus")]
    [InlineData("/api/v1/projects", "method", "PhaseMethod")]
    [InlineData("/api/v1/projects", "sort", "ProjectSort")]
    [InlineData("/api/v1/users", "role", "Role")]
    [InlineData("/api/v1/invitations", "status", "InvitationStatus")]
    public async Task A_query_parameter_of_a_closed_set_refers_to_its_enum(string path, string parameter, string schema)
    {
        var get = (await ContractAsync())["paths"]![path]!["get"]!;

        var p = get["parameters"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == parameter)!;
        Assert.Equal($"#/components/schemas/{schema}", p["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_that_leaves_out_a_required_enum_is_a_400_not_its_first_member()
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var user = await Api.CreateUserAsync();

        var response = await admin.PutAsync($"/api/v1/users/{user.Id}/roles", Http.Json("""{"scopeType":"platform"}"""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE user_id = @Id", new { user.Id }));
    }

    [Theory]
    [InlineData("""{"role":"Admin","scopeType":"platform"}""", "role")]
    [InlineData("""{"role":"0","scopeType":"platform"}""", "role")]
    [InlineData("""{"role":"admin","scopeType":"Platform"}""", "scopeType")]
    public async Task A_member_name_or_number_is_not_a_wire_name(string body, string field)
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var user = await Api.CreateUserAsync();

        var response = await admin.PutAsync($"/api/v1/users/{user.Id}/roles", Http.Json(body));

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE user_id = @Id", new { user.Id }));
    }

    [Fact]
    public async Task A_json_number_for_an_enum_is_refused()
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var user = await Api.CreateUserAsync();

        var response = await admin.PutAsync($"/api/v1/users/{user.Id}/roles", Http.Json("""{"role":0,"scopeType":"platform"}"""));

        await response.AssertFieldErrorsAsync("role");
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE user_id = @Id", new { user.Id }));
    }

    private async Task<JsonNode> ContractAsync() => await (await Api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
}
