using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Participation.Api.Features.Invitations;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Invitations;

[Collection(ApiCollection.C)]
public sealed class InvitationLifecycleTests(ApiFactory api) : ApiTest(api)
{
    private async Task<(HttpClient Admin, TestUser AdminUser, Guid Department)> SetUpAsync()
    {
        var admin = await Api.CreateUserAsync(firstName: "Amélie", lastName: "Dubois", role: "admin");
        var client = Api.ClientFor(admin.Id);
        return (client, admin, await Api.DepartmentAsync(client));
    }

    [Fact]
    public async Task An_admin_invites_a_department_head_who_creates_an_account_from_the_link()
    {
        var (admin, _, department) = await SetUpAsync();

        var report = await admin.InviteAsync("department_head", "department", department, "Nathalie.Leroy@Example.org");

        var created = Assert.Single(report["invited"]!.AsArray());
        Assert.Equal("nathalie.leroy@example.org", created!["email"]!.GetValue<string>());
        var mail = Assert.Single(await Api.OutboxAsync("nathalie.leroy@example.org"));
        Assert.Equal("invitation", mail.Category);
        Assert.Contains("Amélie Dubois vous invite à devenir responsable du service Espaces verts", mail.TextBody);
        Assert.Contains("&lt;b&gt;dans l&#39;", mail.HtmlBody);
        Assert.DoesNotContain("<b>", mail.HtmlBody);
        var token = await Api.InvitationTokenAsync("nathalie.leroy@example.org");

        var lookup = await (await Api.CreateClient().PostAsJsonAsync("/api/v1/invitations/lookup", new { token })).ReadJsonAsync();
        Assert.Equal("Amélie Dubois", lookup["inviterName"]!.GetValue<string>());
        Assert.Equal("department_head", lookup["role"]!.GetValue<string>());
        Assert.Equal("Espaces verts", lookup["scopeName"]!["fr"]!.GetValue<string>());
        Assert.False(lookup["accountExists"]!.GetValue<bool>());
        Assert.InRange(
            lookup["expiresAt"]!.GetValue<DateTimeOffset>() - DateTimeOffset.UtcNow,
            TimeSpan.FromDays(29.9),
            TimeSpan.FromDays(30)
        );

        var accepted = await Api.CreateClient().AcceptAsNewAsync(token);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var session = await accepted.ReadJsonAsync();
        var me = Api.CreateClient();
        me.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session["accessToken"]!.GetValue<string>());
        var profile = await (await me.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.True(profile["emailConfirmed"]!.GetValue<bool>());
        Assert.Equal("nl", profile["locale"]!.GetValue<string>());
        Assert.Equal("department_head", profile["roles"]![0]!["role"]!.GetValue<string>());
        Assert.Equal(department, profile["roles"]![0]!["scopeId"]!.GetValue<Guid>());
        var listed = await (await admin.GetAsync("/api/v1/invitations")).ReadJsonAsync();
        Assert.Equal("accepted", listed["items"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Twenty_parallel_accepts_of_one_token_accept_it_once()
    {
        var (admin, _, _) = await SetUpAsync();
        await admin.InviteAsync("it_manager", "platform", null, "race@example.org");
        var token = await Api.InvitationTokenAsync("race@example.org");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.CreateClient().AcceptAsNewAsync(token)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Gone, r.StatusCode));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'race@example.org'"));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE role = 'it_manager'"));
    }

    [Fact]
    public async Task Expired_revoked_and_used_tokens_are_refused_by_every_path()
    {
        var (admin, _, _) = await SetUpAsync();
        var report = await admin.InviteAsync(
            "communication_manager",
            "platform",
            null,
            "expired@example.org",
            "revoked@example.org",
            "used@example.org"
        );
        var ids = report["invited"]!.AsArray().ToDictionary(r => r!["email"]!.GetValue<string>(), r => r!["id"]!.GetValue<Guid>());
        var expired = await Api.InvitationTokenAsync("expired@example.org");
        var revoked = await Api.InvitationTokenAsync("revoked@example.org");
        var used = await Api.InvitationTokenAsync("used@example.org");
        await Api.ScalarAsync<int>(
            "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = @Id RETURNING 1",
            new { Id = ids["expired@example.org"] }
        );
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/invitations/{ids["revoked@example.org"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().AcceptAsNewAsync(used)).StatusCode);

        foreach (var token in new[] { expired, revoked, used, "never-issued" })
        {
            await (await Api.CreateClient().PostAsJsonAsync("/api/v1/invitations/lookup", new { token })).AssertProblemAsync(
                HttpStatusCode.Gone
            );
            await (await Api.CreateClient().AcceptAsNewAsync(token, "another long password")).AssertProblemAsync(HttpStatusCode.Gone);
            await (
                await Api.CreateClient()
                    .PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "another long password" })
            ).AssertProblemAsync(HttpStatusCode.Gone);
            await (await Api.CreateClient().PostAsJsonAsync("/api/v1/auth/confirm-email", new { token })).AssertProblemAsync(
                HttpStatusCode.Gone
            );
        }
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE role = 'communication_manager'"));
        var statuses = (await (await admin.GetAsync("/api/v1/invitations")).ReadJsonAsync())["items"]!
            .AsArray()
            .ToDictionary(i => i!["email"]!.GetValue<string>(), i => i!["status"]!.GetValue<string>());
        Assert.Equal("expired", statuses["expired@example.org"]);
        Assert.Equal("revoked", statuses["revoked@example.org"]);
        Assert.Equal("accepted", statuses["used@example.org"]);
    }

    [Fact]
    public async Task Resending_issues_a_new_link_and_kills_the_old_one()
    {
        var (admin, _, _) = await SetUpAsync();
        var id = (await admin.InviteAsync("elected_official", "platform", null, "elu@example.org"))["invited"]![0]!["id"]!.GetValue<Guid>();
        var old = await Api.InvitationTokenAsync("elu@example.org");
        await Api.ScalarAsync<int>("UPDATE invitations SET expires_at = now() - interval '1 day' RETURNING 1");

        var resent = await admin.PostAsync($"/api/v1/invitations/{id}/resend", null);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.InRange(
            (await resent.ReadJsonAsync())["expiresAt"]!.GetValue<DateTimeOffset>() - DateTimeOffset.UtcNow,
            TimeSpan.FromDays(29.9),
            TimeSpan.FromDays(30)
        );
        var fresh = await Api.InvitationTokenAsync("elu@example.org");
        Assert.NotEqual(old, fresh);
        await (await Api.CreateClient().PostAsJsonAsync("/api/v1/invitations/lookup", new { token = old })).AssertProblemAsync(
            HttpStatusCode.Gone
        );
        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().AcceptAsNewAsync(fresh)).StatusCode);
        await (await admin.PostAsync($"/api/v1/invitations/{id}/resend", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/v1/invitations/{id}")).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Inviting_resending_and_revoking_record_the_invitation_in_its_department_without_the_address()
    {
        var (admin, adminUser, department) = await SetUpAsync();
        var report = await admin.InviteAsync("department_head", "department", department, "head@example.org", "other@example.org");
        var ids = report["invited"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()).ToList();

        var created = await Api.EventsAsync("invitation.created");
        Assert.Equal(ids.Select(id => id.ToString()), created.Select(e => e.SubjectId));
        foreach (var (e, email) in created.Zip(new[] { "head@example.org", "other@example.org" }))
        {
            Assert.Null(e.Before);
            Assert.Equal(
                await Api.JsonbAsync(
                    new
                    {
                        email,
                        role = "department_head",
                        scopeType = "department",
                        scopeId = department,
                    }
                ),
                e.Data
            ); // the audit log's, as it was
            Assert.DoesNotContain("@", e.After);
        }
        // after: the invitation's main fields as stored (its expiry to the microsecond), never its address.
        Assert.Equal(
            2,
            await Api.ScalarAsync<long>(
                """
                SELECT count(*) FROM events e JOIN invitations i ON i.id::text = e.subject_id
                 WHERE e.type = 'invitation.created'
                   AND e.after = jsonb_build_object('role', i.role, 'scopeType', i.scope_type, 'scopeId', i.scope_id, 'locale', i.locale,
                                                    'expiresAt', e.after -> 'expiresAt')
                   AND (e.after ->> 'expiresAt')::timestamptz = i.expires_at
                """
            )
        );

        await Api.ScalarAsync<int>(
            "UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = @Id RETURNING 1",
            new { Id = ids[0] }
        );
        var previous = await Api.ScalarAsync<DateTime>("SELECT expires_at FROM invitations WHERE id = @Id", new { Id = ids[0] });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/invitations/{ids[0]}/resend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/invitations/{ids[0]}")).StatusCode);
        // already revoked: nothing
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/invitations/{ids[0]}")).StatusCode);
        await Api.ScalarAsync<int>(
            "UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = @Id RETURNING 1",
            new { Id = ids[1] }
        );
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/invitations/{ids[1]}")).StatusCode);

        var resent = Assert.Single(await Api.EventsAsync("invitation.resent"));
        Assert.Equal("{}", resent.Data);
        Assert.True(
            await Api.ScalarAsync<bool>(
                """
                SELECT (e.before ->> 'expiresAt')::timestamptz = @Previous AND (e.after ->> 'expiresAt')::timestamptz = i.expires_at
                       AND i.expires_at > now() + interval '29 days' AND e.before - 'expiresAt' = '{}' AND e.after - 'expiresAt' = '{}'
                  FROM events e JOIN invitations i ON i.id::text = e.subject_id WHERE e.type = 'invitation.resent'
                """,
                new { Previous = previous }
            )
        );
        var revoked = await Api.EventsAsync("invitation.revoked");
        Assert.Equal(
            new (string?, string?, string?)[]
            {
                (ids[0].ToString(), await Api.JsonbAsync(new { status = "pending" }), await Api.JsonbAsync(new { status = "revoked" })),
                (ids[1].ToString(), await Api.JsonbAsync(new { status = "expired" }), await Api.JsonbAsync(new { status = "revoked" })),
            },
            revoked.Select(e => ((string?)e.SubjectId, e.Before, e.After))
        );
        Assert.All(created.Append(resent).Concat(revoked), e =>
            Assert.Equal(
                ("user", adminUser.Id, "invitation", (Guid?)department, true),
                (e.ActorType, e.ActorId, e.SubjectType, e.DepartmentId, e.Audited)
            )
        );
    }

    [Fact]
    public async Task An_existing_account_gets_the_role_without_a_duplicate_account()
    {
        var (admin, _, department) = await SetUpAsync();
        var existing = await Api.CreateUserAsync(email: "fatima@example.org", firstName: "Fatima");
        await admin.InviteAsync("elected_official", "department", department, "FATIMA@example.org");
        var mail = (await Api.OutboxAsync("fatima@example.org")).Last();
        Assert.Contains("Bonjour Fatima", mail.TextBody);
        Assert.Contains("connectez-vous avec votre compte", mail.TextBody);
        var token = await Api.InvitationTokenAsync("fatima@example.org");
        Assert.True(
            (await (await Api.CreateClient().PostAsJsonAsync("/api/v1/invitations/lookup", new { token })).ReadJsonAsync())[
                "accountExists"
            ]!.GetValue<bool>()
        );

        await (await Api.CreateClient().AcceptAsNewAsync(token)).AssertProblemAsync(HttpStatusCode.Conflict);
        var someoneElse = await Api.CreateUserAsync(email: "other@example.org");
        await (await Api.ClientFor(someoneElse.Id).PostAsJsonAsync("/api/v1/invitations/accept", new { token })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        var accepted = await Api.ClientFor(existing.Id).PostAsJsonAsync("/api/v1/invitations/accept", new { token });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'fatima@example.org'"));
        Assert.Equal(existing.Id, await Api.ScalarAsync<Guid>("SELECT user_id FROM user_roles WHERE role = 'elected_official'"));
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE user_id = @Id", new { someoneElse.Id }));
    }

    [Fact]
    public async Task A_pending_invitation_never_blocks_registration_and_accepting_afterwards_merges()
    {
        var (admin, _, _) = await SetUpAsync();
        await admin.InviteAsync("it_manager", "platform", null, "sofie@example.org");
        var token = await Api.InvitationTokenAsync("sofie@example.org");

        var registered = await Api.CreateClient()
            .PostJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email = "sofie@example.org",
                    password = "a long enough password",
                    firstName = "Sofie",
                    lastName = "Peeters",
                }
            );
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var userId = (await registered.ReadJsonAsync())["id"]!.GetValue<Guid>();

        var accepted = await Api.ClientFor(userId).PostAsJsonAsync("/api/v1/invitations/accept", new { token });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'sofie@example.org'"));
        Assert.Equal(userId, await Api.ScalarAsync<Guid>("SELECT user_id FROM user_roles WHERE role = 'it_manager'"));
        Assert.True(await Api.ScalarAsync<bool>("SELECT email_confirmed_at IS NOT NULL FROM users WHERE id = @userId", new { userId }));
    }

    [Fact]
    public async Task The_report_lists_created_skipped_and_per_row_errors()
    {
        var (admin, _, department) = await SetUpAsync();
        var head = await Api.CreateUserAsync(email: "head@example.org");
        await admin.PutAsJsonAsync(
            $"/api/v1/users/{head.Id}/roles",
            new
            {
                role = "department_head",
                scopeType = "department",
                scopeId = department,
            }
        );
        await admin.InviteAsync("department_head", "department", department, "pending@example.org");

        var response = await admin.PostJsonAsync(
            "/api/v1/invitations",
            new
            {
                invitees = new object[]
                {
                    new
                    {
                        email = "new@example.org",
                        firstName = "New",
                        locale = "en",
                    },
                    new { email = "not-an-email" },
                    new { email = "NEW@example.org" },
                    new { email = "head@example.org" },
                    new { email = "pending@example.org" },
                    new { email = "badlocale@example.org", locale = "de" },
                    new { email = "badname@example.org", lastName = "x\u202Ey" },
                },
                role = "department_head",
                scopeType = "department",
                scopeId = department,
            }
        );

        var report = await response.ReadJsonAsync();
        Assert.Equal([1], report["invited"]!.AsArray().Select(r => r!["row"]!.GetValue<int>()));
        Assert.Equal(["4:already_has_role", "5:already_invited"], report["skips"]!.AsArray().Select(r => $"{r!["row"]}:{r["reason"]}"));
        Assert.Equal(
            ["2:invalid_email", "3:duplicate_in_request", "6:invalid_locale", "7:invalid_name"],
            report["errors"]!.AsArray().Select(r => $"{r!["row"]}:{r["code"]}")
        );
        Assert.Equal("Invitation to join Participation", (await Api.OutboxAsync("new@example.org")).Single().Subject);
    }

    [Fact]
    public async Task Parallel_requests_inviting_one_person_create_one_invitation()
    {
        var (admin, _, _) = await SetUpAsync();

        await Task.WhenAll(
            Enumerable
                .Range(0, 10)
                .Select(_ =>
                    admin.PostJsonAsync(
                        "/api/v1/invitations",
                        new
                        {
                            invitees = new[] { new { email = "once@example.org" } },
                            role = "it_manager",
                            scopeType = "platform",
                        }
                    )
                )
        );

        Assert.Equal(1, await Api.CountAsync("invitations"));
        Assert.Single(await Api.OutboxAsync("once@example.org"));
    }

    [Fact]
    public async Task Invalid_requests_create_nothing()
    {
        var (admin, _, _) = await SetUpAsync();

        await (
            await admin.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = Array.Empty<object>(),
                    role = "it_manager",
                    scopeType = "platform",
                }
            )
        ).AssertFieldErrorsAsync("invitees");
        await (
            await admin.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = new[] { new { email = "a@example.org" } },
                    role = "mayor",
                    scopeType = "platform",
                }
            )
        ).AssertFieldErrorsAsync("role");
        await (
            await admin.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = new[] { new { email = "a@example.org" } },
                    role = "department_head",
                    scopeType = "platform",
                }
            )
        ).AssertFieldErrorsAsync("scopeType");
        await (
            await admin.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = new[] { new { email = "a@example.org" } },
                    role = "department_head",
                    scopeType = "department",
                    scopeId = Guid.NewGuid(),
                }
            )
        ).AssertFieldErrorsAsync("scopeId");
        await (
            await admin.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = new[] { new { email = "a@example.org" } },
                    role = "it_manager",
                    scopeType = "platform",
                    message = new string('m', 2001),
                }
            )
        ).AssertFieldErrorsAsync("message");
        await (
            await admin.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = Enumerable.Range(0, 1001).Select(i => new { email = $"u{i}@example.org" }),
                    role = "it_manager",
                    scopeType = "platform",
                }
            )
        ).AssertFieldErrorsAsync("invitees");
        Assert.Equal(0, await Api.CountAsync("invitations"));
        Assert.Equal(0, await Api.CountAsync("email_outbox"));
    }

    [Fact]
    public async Task The_list_pages_filters_by_status_and_role_and_shows_delivery_state()
    {
        var (admin, _, _) = await SetUpAsync();
        await admin.InviteAsync("it_manager", "platform", null, Enumerable.Range(0, 15).Select(i => $"it{i}@example.org").ToArray());
        await admin.InviteAsync("communication_manager", "platform", null, "com@example.org");
        await Api.ScalarAsync<int>("UPDATE email_outbox SET status = 'failed' WHERE to_address = 'com@example.org' RETURNING 1");

        var first = await (await admin.GetAsync("/api/v1/invitations?limit=10&role=it_manager&status=pending")).ReadJsonAsync();
        var second = await (
            await admin.GetAsync($"/api/v1/invitations?limit=10&role=it_manager&status=pending&cursor={first["nextCursor"]}")
        ).ReadJsonAsync();
        var com = await (await admin.GetAsync("/api/v1/invitations?role=communication_manager")).ReadJsonAsync();

        Assert.Equal(10, first["items"]!.AsArray().Count);
        Assert.Equal(5, second["items"]!.AsArray().Count);
        Assert.Null(second["nextCursor"]);
        Assert.Equal(
            15,
            first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => i!["id"]!.GetValue<Guid>()).Distinct().Count()
        );
        Assert.Equal("queued", first["items"]![0]!["deliveryState"]!.GetValue<string>());
        Assert.Equal("failed", com["items"]![0]!["deliveryState"]!.GetValue<string>());
        Assert.Equal("Amélie", com["items"]![0]!["invitedBy"]!["firstName"]!.GetValue<string>());
        Assert.Empty((await (await admin.GetAsync("/api/v1/invitations?status=accepted")).ReadJsonAsync())["items"]!.AsArray());
        await (await admin.GetAsync("/api/v1/invitations?status=lost")).AssertFieldErrorsAsync("status");
        await (await admin.GetAsync("/api/v1/invitations?cursor=xyz")).AssertFieldErrorsAsync("cursor");
    }

    [Fact]
    public async Task Two_reminder_runs_at_once_send_one_reminder_with_a_working_link()
    {
        var (admin, _, _) = await SetUpAsync();
        await admin.InviteAsync("it_manager", "platform", null, "soon@example.org", "later@example.org");
        await Api.ScalarAsync<int>(
            "UPDATE invitations SET expires_at = now() + interval '6 days' WHERE email = 'soon@example.org' RETURNING 1"
        );
        var reminders = (InvitationReminders)Api.Services.GetService(typeof(InvitationReminders))!;

        var counts = await Task.WhenAll(reminders.SendDueAsync(default), reminders.SendDueAsync(default));
        var third = await reminders.SendDueAsync(default);

        Assert.Equal(1, counts.Sum() + third);
        var mails = await Api.OutboxAsync("soon@example.org");
        Assert.Equal(["invitation", "invitation_reminder"], mails.Select(m => m.Category));
        Assert.Single(await Api.OutboxAsync("later@example.org"));
        var reminderToken = await Api.InvitationTokenAsync("soon@example.org");
        Assert.Equal(
            HttpStatusCode.OK,
            (await Api.CreateClient().PostAsJsonAsync("/api/v1/invitations/lookup", new { token = reminderToken })).StatusCode
        );
    }
}
