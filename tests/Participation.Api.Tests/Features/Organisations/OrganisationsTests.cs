using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Organisations;

public sealed class OrganisationsTests(ApiFactory api) : ApiTest(api)
{
    private static object Profile(string name = "Comité de quartier Nord") =>
        new
        {
            name,
            description = "Nous animons le quartier.\nRéunions chaque mois.",
            website = "https://quartier-nord.example",
        };

    private async Task<(TestUser Owner, HttpClient Client, Guid Id)> CreateAsync(string name = "Comité de quartier Nord")
    {
        var owner = await Api.CreateUserAsync(firstName: "Fatima", lastName: "El Amrani");
        var client = Api.ClientFor(owner.Id);
        var response = await client.PostJsonAsync("/api/v1/organisations", Profile(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (owner, client, (await response.ReadJsonAsync())["id"]!.GetValue<Guid>());
    }

    private async Task<HttpClient> AdminAsync() => Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);

    [Fact]
    public async Task A_resident_creates_an_organisation_that_is_public_only_once_verified()
    {
        var (owner, client, id) = await CreateAsync();
        var stranger = Api.CreateClient();

        var mine = await (await client.GetAsync($"/api/v1/organisations/{id}")).ReadJsonAsync();
        Assert.Equal("pending", mine["status"]!.GetValue<string>());
        Assert.Equal("owner", mine["myRole"]!.GetValue<string>());
        await (await stranger.GetAsync($"/api/v1/organisations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await stranger.GetAsync("/api/v1/organisations")).ReadJsonAsync())["items"]!.AsArray());

        var admin = await AdminAsync();
        var queue = await (await admin.GetAsync("/api/v1/organisations?status=pending")).ReadJsonAsync();
        Assert.Equal(id, queue["items"]![0]!["id"]!.GetValue<Guid>());
        var reviewed = await admin.PostJsonAsync($"/api/v1/organisations/{id}/review", new { decision = "verify" });
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);

        var publicProfile = await stranger.GetAsync($"/api/v1/organisations/{id}");
        var raw = await publicProfile.Content.ReadAsStringAsync();
        var json = await publicProfile.ReadJsonAsync();
        Assert.True(json["verified"]!.GetValue<bool>());
        Assert.Equal(1, json["memberCount"]!.GetValue<int>());
        Assert.Null(json["members"]);
        Assert.DoesNotContain(owner.Email, raw);
        Assert.Single((await (await stranger.GetAsync("/api/v1/organisations")).ReadJsonAsync())["items"]!.AsArray());
        var mail = (await Api.OutboxAsync(owner.Email)).Single();
        Assert.Equal("organisation_verified", mail.Category);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'organisation.verified'"));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_owner_sees()
    {
        var (owner, client, id) = await CreateAsync();
        var admin = await AdminAsync();

        await (await admin.PostJsonAsync($"/api/v1/organisations/{id}/review", new { decision = "reject" })).AssertFieldErrorsAsync(
            "reason"
        );
        await (await admin.PostJsonAsync($"/api/v1/organisations/{id}/review", new { decision = "maybe" })).AssertFieldErrorsAsync(
            "decision"
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await admin.PostJsonAsync(
                    $"/api/v1/organisations/{id}/review",
                    new { decision = "reject", reason = "Aucune activité vérifiable." }
                )
            ).StatusCode
        );

        var mine = await (await client.GetAsync($"/api/v1/organisations/{id}")).ReadJsonAsync();
        Assert.Equal("rejected", mine["status"]!.GetValue<string>());
        Assert.Equal("Aucune activité vérifiable.", mine["statusReason"]!.GetValue<string>());
        Assert.Contains("Aucune activité vérifiable.", (await Api.OutboxAsync(owner.Email)).Single().TextBody);
    }

    [Fact]
    public async Task A_review_records_the_status_before_and_after_and_keeps_the_reason_as_audit_data()
    {
        var (_, _, id) = await CreateAsync();
        var adminUser = await Api.CreateUserAsync(role: "admin");
        var admin = Api.ClientFor(adminUser.Id);

        Assert.Equal(
            HttpStatusCode.OK,
            (
                await admin.PostJsonAsync($"/api/v1/organisations/{id}/review", new { decision = "reject", reason = " Aucune activité. " })
            ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await admin.PostJsonAsync($"/api/v1/organisations/{id}/review", new { decision = "verify" })).StatusCode
        );
        await (await admin.PostJsonAsync($"/api/v1/organisations/{Guid.NewGuid()}/review", new { decision = "verify" })).AssertProblemAsync(
            HttpStatusCode.NotFound
        );

        var rejected = Assert.Single(await Api.EventsAsync("organisation.rejected"));
        Assert.Equal(await Api.JsonbAsync(new { status = "pending" }), rejected.Before);
        Assert.Equal(await Api.JsonbAsync(new { status = "rejected" }), rejected.After);
        Assert.Equal(await Api.JsonbAsync(new { reason = "Aucune activité." }), rejected.Data);
        var verified = Assert.Single(await Api.EventsAsync("organisation.verified"));
        Assert.Equal(
            (rejected.After, await Api.JsonbAsync(new { status = "verified" }), "{\"reason\": null}"),
            (verified.Before, verified.After, verified.Data)
        );
        Assert.All(new[] { rejected, verified }, e =>
            Assert.Equal(
                ("user", adminUser.Id, "organisation", id.ToString(), (Guid?)null),
                (e.ActorType, e.ActorId, e.SubjectType, e.SubjectId, e.DepartmentId)
            )
        );
    }

    [Fact]
    public async Task Only_admins_review_and_only_admins_see_the_review_queue()
    {
        var (_, ownerClient, id) = await CreateAsync();
        var resident = Api.ClientFor((await Api.CreateUserAsync()).Id);
        var communication = Api.ClientFor((await Api.CreateUserAsync(role: "communication_manager")).Id);

        foreach (var client in new[] { ownerClient, resident, communication })
        {
            await (await client.PostJsonAsync($"/api/v1/organisations/{id}/review", new { decision = "verify" })).AssertProblemAsync(
                HttpStatusCode.Forbidden
            );
            await (await client.GetAsync("/api/v1/organisations?status=pending")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await Api.CreateClient().GetAsync("/api/v1/organisations?status=pending")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("pending", await Api.ScalarAsync<string>("SELECT status FROM organisations"));
    }

    [Fact]
    public async Task Invalid_profiles_and_duplicate_names_are_refused()
    {
        var (_, client, _) = await CreateAsync("Les Amis du Parc");

        await (
            await client.PostJsonAsync("/api/v1/organisations", new { name = "X", website = "javascript:alert(1)" })
        ).AssertFieldErrorsAsync("name", "website");
        await (
            await client.PostJsonAsync("/api/v1/organisations", new { name = "Bon nom", description = new string('d', 2001) })
        ).AssertFieldErrorsAsync("description");
        var duplicate = await client.PostJsonAsync("/api/v1/organisations", new { name = "les amis du parc" });
        Assert.NotNull((await duplicate.AssertProblemAsync(HttpStatusCode.Conflict))["errors"]!["name"]);
        Assert.Equal(1, await Api.CountAsync("organisations"));
    }

    [Fact]
    public async Task Renaming_a_verified_organisation_sends_it_back_to_review_and_only_the_owner_may_edit()
    {
        var (_, client, id) = await CreateAsync();
        await (await AdminAsync()).PostJsonAsync($"/api/v1/organisations/{id}/review", new { decision = "verify" });
        var other = Api.ClientFor((await Api.CreateUserAsync()).Id);

        await (await other.PatchAsJsonAsync($"/api/v1/organisations/{id}", new { name = "Volé" })).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        var described = await (
            await client.PatchAsJsonAsync($"/api/v1/organisations/{id}", new { description = "Nouvelle description" })
        ).ReadJsonAsync();
        Assert.Equal("verified", described["status"]!.GetValue<string>());
        var renamed = await (
            await client.PatchAsJsonAsync($"/api/v1/organisations/{id}", new { name = "Comité Nord-Est" })
        ).ReadJsonAsync();
        Assert.Equal("pending", renamed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_member_joins_by_accepting_with_the_invited_confirmed_address_and_can_leave()
    {
        var (owner, ownerClient, id) = await CreateAsync();
        var lucas = await Api.CreateUserAsync(email: "lucas@example.org", firstName: "Lucas");
        var unconfirmed = await Api.CreateUserAsync(email: "unconfirmed@example.org", confirmed: false);
        var lucasClient = Api.ClientFor(lucas.Id);

        Assert.Equal(
            HttpStatusCode.Accepted,
            (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/members", new { email = "LUCAS@example.org" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/members", new { email = "nobody@example.org" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/members", new { email = "unconfirmed@example.org" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/members", new { email = "lucas@example.org" })).StatusCode
        );
        Assert.Single(await Api.OutboxAsync("lucas@example.org"));
        Assert.Single(await Api.OutboxAsync("nobody@example.org"));

        var invitedView = await (await lucasClient.GetAsync($"/api/v1/organisations/{id}")).ReadJsonAsync();
        Assert.True(invitedView["invitedMe"]!.GetValue<bool>());
        Assert.Equal(
            "invited",
            (await (await lucasClient.GetAsync("/api/v1/organisations/mine")).ReadJsonAsync())["items"]![0]![
                "membership"
            ]!.GetValue<string>()
        );
        await (await Api.ClientFor(unconfirmed.Id).PostAsync($"/api/v1/organisations/{id}/members/me", null)).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        Assert.Equal(HttpStatusCode.NoContent, (await lucasClient.PostAsync($"/api/v1/organisations/{id}/members/me", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lucasClient.PostAsync($"/api/v1/organisations/{id}/members/me", null)).StatusCode);

        var ownerView = await (await ownerClient.GetAsync($"/api/v1/organisations/{id}")).ReadJsonAsync();
        Assert.Equal(["owner", "member"], ownerView["members"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()));
        Assert.DoesNotContain("lucas@example.org", ownerView.ToJsonString());
        Assert.Equal(
            ["nobody@example.org", "unconfirmed@example.org"],
            ownerView["pendingInvitations"]!.AsArray().Select(e => e!.GetValue<string>())
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/invitations/withdraw", new { email = "NOBODY@example.org" })
            ).StatusCode
        );
        await (
            await lucasClient.PostJsonAsync($"/api/v1/organisations/{id}/invitations/withdraw", new { email = "unconfirmed@example.org" })
        ).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(
            ["unconfirmed@example.org"],
            (await (await ownerClient.GetAsync($"/api/v1/organisations/{id}")).ReadJsonAsync())["pendingInvitations"]!
                .AsArray()
                .Select(e => e!.GetValue<string>())
        );
        await (await lucasClient.DeleteAsync($"/api/v1/organisations/{id}/members/{owner.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await lucasClient.DeleteAsync($"/api/v1/organisations/{id}/members/{lucas.Id}")).StatusCode
        );
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM organisation_members"));
    }

    [Fact]
    public async Task Only_the_owner_invites_or_removes_members()
    {
        var (_, ownerClient, id) = await CreateAsync();
        var member = await Api.CreateUserAsync(email: "member@example.org");
        await ownerClient.PostJsonAsync($"/api/v1/organisations/{id}/members", new { email = member.Email });
        await Api.ClientFor(member.Id).PostAsync($"/api/v1/organisations/{id}/members/me", null);
        var other = await Api.CreateUserAsync();
        var otherClient = Api.ClientFor(other.Id);

        await (await otherClient.PostJsonAsync($"/api/v1/organisations/{id}/members", new { email = "x@example.org" })).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await (
            await Api.ClientFor(member.Id).PostJsonAsync($"/api/v1/organisations/{id}/members", new { email = "x@example.org" })
        ).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherClient.DeleteAsync($"/api/v1/organisations/{id}/members/{member.Id}")).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM organisation_members"));
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await ownerClient.DeleteAsync($"/api/v1/organisations/{id}/members/{member.Id}")).StatusCode
        );
        await (await Api.CreateClient().PostJsonAsync("/api/v1/organisations", Profile("Anonyme"))).AssertProblemAsync(
            HttpStatusCode.Unauthorized
        );
    }
}
