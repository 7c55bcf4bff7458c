using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Invitations;

[Collection(ApiCollection.C)]
public sealed class ImportInvitationsTests(ApiFactory api) : ApiTest(api)
{
    private static MultipartFormDataContent Form(
        string csv,
        string role = "it_manager",
        string scopeType = "platform",
        Guid? scopeId = null,
        byte[]? raw = null
    )
    {
        var file = new ByteArrayContent(raw ?? Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent
        {
            { file, "file", "invitees.csv" },
            { new StringContent(role), "role" },
            { new StringContent(scopeType), "scopeType" },
        };
        if (scopeId is not null)
            form.Add(new StringContent(scopeId.Value.ToString()), "scopeId");
        return form;
    }

    private async Task<HttpClient> AdminAsync() => Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);

    [Fact]
    public async Task A_valid_file_invites_every_row()
    {
        var admin = await AdminAsync();
        var csv =
            "email,first_name,last_name,locale\nanna@example.org,Anna,Claes,nl\n"
            + "\"bob@example.org\",\"Bob, Jr\",B,en\r\ncarla@example.org,,,\n";

        var response = await admin.PostAsync("/api/v1/invitations/import", Form(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal([2, 3, 4], report["invited"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        Assert.Equal("Bob, Jr", await Api.ScalarAsync<string>("SELECT first_name FROM invitations WHERE email = 'bob@example.org'"));
        Assert.Equal("nl", await Api.ScalarAsync<string>("SELECT locale FROM invitations WHERE email = 'anna@example.org'"));
        Assert.Equal(3, await Api.CountAsync("email_outbox"));
    }

    [Fact]
    public async Task An_import_records_one_event_per_invitation_written()
    {
        var admin = await AdminAsync();
        var csv =
            "email\n"
            + string.Concat(Enumerable.Range(0, 40).Select(i => $"person{i}@example.org\n"))
            + "not-an-address\nperson0@example.org\n";

        var report = await (await admin.PostAsync("/api/v1/invitations/import", Form(csv))).ReadJsonAsync();

        var invited = report["invited"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>().ToString()).ToList();
        Assert.Equal(40, invited.Count);
        var events = await Api.EventsAsync("invitation.created");
        Assert.Equal(invited, events.Select(e => e.SubjectId));
        Assert.All(events, e => Assert.Equal(((Guid?)null, (string?)null), (e.DepartmentId, e.Before)));
        Assert.Equal(
            40,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM audit_log WHERE action = 'invitation.created' AND data ->> 'role' = 'it_manager'"
            )
        );
    }

    [Fact]
    public async Task A_semicolon_file_with_a_byte_order_mark_and_a_partly_invalid_content_reports_per_row()
    {
        var admin = await AdminAsync();
        var csv =
            "\uFEFFEmail;First_Name;Last_Name;Locale\nok@example.org;Ok;Row;fr\nbroken;X;Y;fr\n"
            + "ok@example.org;Twice;Row;fr\nde@example.org;D;E;de\n";

        var report = await (await admin.PostAsync("/api/v1/invitations/import", Form(csv))).ReadJsonAsync();

        Assert.Equal([2], report["invited"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        Assert.Equal(
            ["3:invalid_email", "4:duplicate_in_request", "5:invalid_locale"],
            report["errors"]!.AsArray().Select(r => $"{r!["row"]}:{r["code"]}")
        );
        Assert.Equal(1, await Api.CountAsync("invitations"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,phone\nAnna,123\n")]
    [InlineData("email,shoe_size\na@example.org,42\n")]
    [InlineData("email\n")]
    public async Task A_malformed_file_creates_nothing(string csv)
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsync("/api/v1/invitations/import", Form(csv));

        await response.AssertFieldErrorsAsync("file");
        Assert.Equal(0, await Api.CountAsync("invitations"));
    }

    [Fact]
    public async Task A_binary_or_non_utf8_file_creates_nothing()
    {
        var admin = await AdminAsync();

        await (
            await admin.PostAsync("/api/v1/invitations/import", Form("", raw: [0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xff, 0xfe, 0x00]))
        ).AssertFieldErrorsAsync("file");
        Assert.Equal(0, await Api.CountAsync("invitations"));
    }

    [Fact]
    public async Task More_than_1000_rows_creates_nothing()
    {
        var admin = await AdminAsync();
        var csv = "email\n" + string.Join("\n", Enumerable.Range(0, 1001).Select(i => $"u{i}@example.org"));

        await (await admin.PostAsync("/api/v1/invitations/import", Form(csv))).AssertFieldErrorsAsync("file");
        Assert.Equal(0, await Api.CountAsync("invitations"));
    }

    [Fact]
    public async Task Exactly_1000_rows_are_accepted()
    {
        var admin = await AdminAsync();
        var csv = "email\n" + string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"u{i}@example.org"));

        var response = await admin.PostAsync("/api/v1/invitations/import", Form(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, await Api.CountAsync("invitations"));
    }

    [Fact]
    public async Task A_missing_file_or_a_bad_scope_is_a_validation_error_and_non_admins_are_refused()
    {
        var admin = await AdminAsync();
        var noFile = new MultipartFormDataContent
        {
            { new StringContent("it_manager"), "role" },
            { new StringContent("platform"), "scopeType" },
        };

        await (await admin.PostAsync("/api/v1/invitations/import", noFile)).AssertFieldErrorsAsync("file");
        await (
            await admin.PostAsync(
                "/api/v1/invitations/import",
                Form("email\na@example.org", role: "department_head", scopeType: "department", scopeId: Guid.NewGuid())
            )
        ).AssertFieldErrorsAsync("scopeId");
        var resident = await Api.CreateUserAsync();
        await (await Api.ClientFor(resident.Id).PostAsync("/api/v1/invitations/import", Form("email\na@example.org"))).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await Api.CreateClient().PostAsync("/api/v1/invitations/import", Form("email\na@example.org"))).AssertProblemAsync(
            HttpStatusCode.Unauthorized
        );
        Assert.Equal(0, await Api.CountAsync("invitations"));
    }
}
