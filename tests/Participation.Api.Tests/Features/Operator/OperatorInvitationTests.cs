using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Operator;

/// <summary>
/// The console's people are invited by e-mail (issue 19): an operator adds a person without a password, an e-mail (the
/// platform's outbox, delivered to the pickup directory) carries a single-use link valid a week; the person chooses their
/// password on the console's page and is signed in. Expired, used, resent and revoked links are refused (410), a pending
/// person cannot sign in, two parallel accepts make one account, every step is in the operators' audit.
/// </summary>
public sealed partial class OperatorInvitationTests(OperatorApiFactory api) : IClassFixture<OperatorApiFactory>
{
    private const string Chosen = "the password I chose myself";

    private static async Task<JsonNode> InviteAsync(HttpClient console, string email, string role = "support", string? locale = null)
    {
        var response = await console.PostJsonAsync(
            "/api/v1/operator/operators",
            new
            {
                email,
                displayName = "Inès Invitée",
                role,
                locale,
            }
        );
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static string NewAddress() => $"{OperatorApiFactory.Unique("ines")}@vendor.test";

    /// <summary>Delivers the platform's outbox to the pickup directory and reads the newest message to the address there.</summary>
    private async Task<MimeMessage> DeliveredMailAsync(string to)
    {
        var id = await api.ScalarAsync<long?>("SELECT max(id) FROM platform_email_outbox WHERE to_address = @to", new { to })
            ?? throw new Xunit.Sdk.XunitException($"no e-mail to {to} in the platform's outbox");
        await api.Services.GetRequiredService<OutboxDispatcher>().DispatchPlatformOnceAsync(CancellationToken.None);
        foreach (var file in Directory.GetFiles(api.MailDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.MessageId?.StartsWith($"platform-outbox-{id}@", StringComparison.Ordinal) == true)
                return message;
        }
        throw new Xunit.Sdk.XunitException($"e-mail {id} to {to} not delivered to {api.MailDirectory}");
    }

    private async Task<string> TokenFromMailAsync(string to)
    {
        var mail = await DeliveredMailAsync(to);
        Assert.Equal(to, mail.To.Mailboxes.Single().Address);
        var match = ConsoleLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, $"no console invitation link in: {mail.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    /// <summary>The console's page on the install's address (Email:AppBaseUrl), in the e-mail's language.</summary>
    private const string LinkPattern = @"https://participation\.example/(fr|nl|en)/operator/invitation#token=(?<token>[A-Za-z0-9_%\-]+)";

    [System.Text.RegularExpressions.GeneratedRegex(LinkPattern)]
    private static partial System.Text.RegularExpressions.Regex ConsoleLink();

    private Task<HttpResponseMessage> LookupAsync(string token) =>
        api.On().PostJsonAsync("/api/v1/operator/invitations/lookup", new { token });

    private Task<HttpResponseMessage> AcceptAsync(string token, string password = Chosen) =>
        api.On().PostJsonAsync("/api/v1/operator/invitations/accept", new { token, password });

    private Task<HttpResponseMessage> SignInAsync(string email, string password = Chosen) =>
        api.On().PostJsonAsync("/api/v1/operator/auth/login", new { email, password });

    private async Task<JsonNode> PersonAsync(HttpClient console, Guid id)
    {
        var list = await (await console.GetAsync("/api/v1/operator/operators")).ReadJsonAsync();
        return list["items"]!.AsArray().Single(p => p!["id"]!.GetValue<Guid>() == id)!;
    }

    private async Task<List<string>> AuditStepsAsync(HttpClient console, Guid id)
    {
        var audit = await (await console.GetAsync("/api/v1/operator/audit?limit=100")).ReadJsonAsync();
        return audit["items"]!
            .AsArray()
            .Where(e => e!["details"]!["target"]?["id"]?.GetValue<Guid>() == id)
            .Select(e => e!["action"]!.GetValue<string>())
            .Reverse()
            .ToList();
    }

    [Fact]
    public async Task An_invited_person_gets_the_link_by_email_chooses_a_password_and_signs_in()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = NewAddress();

        var invited = await InviteAsync(console, email, locale: "nl");
        var id = invited["id"]!.GetValue<Guid>();
        Assert.Equal("invited", invited["state"]!.GetValue<string>());
        var expires = invited["invitationExpiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-2), DateTimeOffset.UtcNow.AddDays(7).AddMinutes(2));
        Assert.True(await api.ScalarAsync<bool>("SELECT password_hash IS NULL FROM operators WHERE id = @id", new { id }));

        var mail = await DeliveredMailAsync(email);
        Assert.Equal("Uw toegang tot de console van het platform", mail.Subject);
        Assert.Contains("Olivia Operator", mail.TextBody);
        var token = await TokenFromMailAsync(email);
        // Only the token's hash is kept.
        Assert.Equal(
            0L,
            await api.ScalarAsync<long>(
                "SELECT count(*) FROM operator_invitations WHERE token_hash = convert_to(@token, 'UTF8')",
                new { token }
            )
        );
        Assert.Equal(
            1L,
            await api.ScalarAsync<long>(
                "SELECT count(*) FROM operator_invitations WHERE token_hash = sha256(convert_to(@token, 'UTF8'))",
                new { token }
            )
        );
        var listed = await PersonAsync(console, id);
        Assert.Equal("invited", listed["state"]!.GetValue<string>());
        Assert.NotNull(listed["invitationExpiresAt"]);

        var lookup = await LookupAsync(token);
        Assert.True(lookup.StatusCode == HttpStatusCode.OK, await lookup.Content.ReadAsStringAsync());
        var described = await lookup.ReadJsonAsync();
        Assert.Equal("Inès Invitée", described["displayName"]!.GetValue<string>());
        Assert.Equal(email, described["email"]!.GetValue<string>());
        Assert.Equal("support", described["role"]!.GetValue<string>());

        var accepted = await AcceptAsync(token);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var session = await accepted.ReadJsonAsync();
        Assert.Equal(id, session["operator"]!["id"]!.GetValue<Guid>());
        Assert.False(session["operator"]!["passwordChangeRequired"]!.GetValue<bool>());
        var own = api.On();
        own.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/v1/operator/cities")).StatusCode); // the whole console opens

        var signIn = await SignInAsync(email);
        Assert.True(signIn.StatusCode == HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        var active = await PersonAsync(console, id);
        Assert.Equal("active", active["state"]!.GetValue<string>());
        Assert.Null(active["invitationExpiresAt"]);
        // Used: the link is dead.
        await (await LookupAsync(token)).AssertProblemAsync(HttpStatusCode.Gone);
        await (await AcceptAsync(token, "another password of mine")).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(["operator.invited", "operator.invitation_accepted"], await AuditStepsAsync(console, id));
        Assert.Equal(
            id,
            await api.ScalarAsync<Guid>(
                "SELECT operator_id FROM operator_audit WHERE action = 'operator.invitation_accepted' "
                    + "AND details -> 'target' ->> 'id' = @id",
                new { id = id.ToString() }
            )
        );
    }

    [Fact]
    public async Task A_pending_person_cannot_sign_in_with_any_password()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = NewAddress();
        await InviteAsync(console, email, "operator");

        foreach (var password in new[] { ApiFactory.Password, Chosen, "correct horse battery" })
            await (await SignInAsync(email, password)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_link_is_refused_a_resent_one_works_and_the_old_one_is_dead()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = NewAddress();
        var id = (await InviteAsync(console, email))["id"]!.GetValue<Guid>();
        var first = await TokenFromMailAsync(email);
        await api.ScalarAsync<int>(
            "UPDATE operator_invitations SET expires_at = now() - interval '1 minute' WHERE operator_id = @id",
            new { id }
        );

        await (await LookupAsync(first)).AssertProblemAsync(HttpStatusCode.Gone);
        await (await AcceptAsync(first)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.True(await api.ScalarAsync<bool>("SELECT password_hash IS NULL FROM operators WHERE id = @id", new { id }));
        Assert.Equal("invited", (await PersonAsync(console, id))["state"]!.GetValue<string>()); // expired, still to resend

        var resent = await console.PostAsync($"/api/v1/operator/operators/{id}/invitation", null);
        Assert.True(resent.StatusCode == HttpStatusCode.OK, await resent.Content.ReadAsStringAsync());
        Assert.True((await resent.ReadJsonAsync())["invitationExpiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddDays(6));
        var second = await TokenFromMailAsync(email);
        Assert.NotEqual(first, second);
        await (await AcceptAsync(first)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(HttpStatusCode.OK, (await AcceptAsync(second)).StatusCode);

        var again = await console.PostAsync($"/api/v1/operator/operators/{id}/invitation", null); // accepted: nothing to resend
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(
            ["operator.invited", "operator.invitation_resent", "operator.invitation_accepted"],
            await AuditStepsAsync(console, id)
        );
    }

    [Fact]
    public async Task A_resent_link_replaces_a_valid_one_at_once()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = NewAddress();
        var id = (await InviteAsync(console, email))["id"]!.GetValue<Guid>();
        var first = await TokenFromMailAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await console.PostAsync($"/api/v1/operator/operators/{id}/invitation", null)).StatusCode);

        await (await LookupAsync(first)).AssertProblemAsync(HttpStatusCode.Gone);
        await (await AcceptAsync(first)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(HttpStatusCode.OK, (await LookupAsync(await TokenFromMailAsync(email))).StatusCode);
    }

    [Fact]
    public async Task A_revoked_invitation_removes_the_unused_account_and_its_link_and_the_address_may_be_invited_again()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = NewAddress();
        var id = (await InviteAsync(console, email))["id"]!.GetValue<Guid>();
        var token = await TokenFromMailAsync(email);

        var revoked = await console.DeleteAsync($"/api/v1/operator/operators/{id}/invitation");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await LookupAsync(token)).AssertProblemAsync(HttpStatusCode.Gone);
        await (await AcceptAsync(token)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM operators WHERE id = @id", new { id }));
        await (await console.DeleteAsync($"/api/v1/operator/operators/{id}/invitation")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["operator.invited", "operator.invitation_revoked"], await AuditStepsAsync(console, id));
        var invitedAgain = await InviteAsync(console, email);
        Assert.NotEqual(id, invitedAgain["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task An_active_person_has_no_invitation_to_resend_or_revoke_409_and_nothing_is_written()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var support = await api.ScalarAsync<Guid>("SELECT id FROM operators WHERE email = @e", new { e = OperatorApiFactory.SupportEmail });
        var (audit, mails) = (await api.CountAsync("operator_audit"), await api.CountAsync("platform_email_outbox"));

        var resend = await console.PostAsync($"/api/v1/operator/operators/{support}/invitation", null);
        var revoke = await console.DeleteAsync($"/api/v1/operator/operators/{support}/invitation");

        await resend.AssertProblemAsync(HttpStatusCode.Conflict);
        await revoke.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM operators WHERE id = @support", new { support }));
        Assert.Equal(audit, await api.CountAsync("operator_audit"));
        Assert.Equal(mails, await api.CountAsync("platform_email_outbox"));
    }

    [Fact]
    public async Task Parallel_accepts_of_one_link_make_one_account_the_others_are_refused()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = NewAddress();
        var id = (await InviteAsync(console, email))["id"]!.GetValue<Guid>();
        var token = await TokenFromMailAsync(email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => AcceptAsync(token, $"{Chosen} number {i}")));

        var winner = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.True(winner >= 0, "no accept succeeded");
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            await refused.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(2, await api.ScalarAsync<int>("SELECT credentials_version FROM operators WHERE id = @id", new { id }));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, $"{Chosen} number {winner}")).StatusCode);
        Assert.Equal(
            1L,
            await api.ScalarAsync<long>(
                "SELECT count(*) FROM operator_audit WHERE action = 'operator.invitation_accepted' AND operator_id = @id",
                new { id }
            )
        );
    }

    [Theory]
    [InlineData("""{"token":"","password":"correct horse battery"}""", "token")]
    [InlineData("""{"password":"correct horse battery"}""", "token")]
    [InlineData("""{"token":"TOKEN","password":"short"}""", "password")]
    [InlineData("""{"token":"TOKEN"}""", "password")]
    public async Task Bad_input_when_accepting_is_a_400_with_the_field_and_the_link_still_works(string body, string field)
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = NewAddress();
        var id = (await InviteAsync(console, email))["id"]!.GetValue<Guid>();
        var token = await TokenFromMailAsync(email);

        var response = await api.On().PostAsync("/api/v1/operator/invitations/accept", Http.Json(body.Replace("TOKEN", token)));

        await response.AssertFieldErrorsAsync(field);
        Assert.True(await api.ScalarAsync<bool>("SELECT password_hash IS NULL FROM operators WHERE id = @id", new { id }));
        Assert.Equal(HttpStatusCode.OK, (await LookupAsync(token)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_when_inviting_or_looking_up_is_a_400_and_writes_nothing()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var (people, mails) = (await api.CountAsync("operators"), await api.CountAsync("platform_email_outbox"));

        var locale = await console.PostJsonAsync(
            "/api/v1/operator/operators",
            new
            {
                email = NewAddress(),
                displayName = "X",
                role = "support",
                locale = "de",
            }
        );
        var lookup = await api.On().PostAsync("/api/v1/operator/invitations/lookup", Http.Json("{}"));
        var unknown = await LookupAsync("no-such-token");

        await locale.AssertFieldErrorsAsync("locale");
        await lookup.AssertFieldErrorsAsync("token");
        await unknown.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(people, await api.CountAsync("operators"));
        Assert.Equal(mails, await api.CountAsync("platform_email_outbox"));
    }

    [Fact]
    public async Task A_first_password_given_instead_ends_the_invitation()
    {
        var console = await api.ConsoleAsync(OperatorApiFactory.OperatorEmail);
        var email = NewAddress();
        var id = (await InviteAsync(console, email))["id"]!.GetValue<Guid>();
        var token = await TokenFromMailAsync(email);

        var set = await console.PostJsonAsync($"/api/v1/operator/operators/{id}/password", new { password = ApiFactory.Password });

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        await (await LookupAsync(token)).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("active", (await PersonAsync(console, id))["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(email, ApiFactory.Password)).StatusCode);
    }
}
