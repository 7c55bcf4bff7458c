using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Support;

/// <summary>The staff area's contact-support form: any staff member writes; the request is kept and e-mailed to the vendor's
/// support address with the city's name; bad input writes nothing.</summary>
[Collection(ApiCollection.B)]
public sealed class SupportRequestsTests(ApiFactory api) : ApiTest(api)
{
    private const string SupportAddress = "support@participation.local";

    [Fact]
    public async Task A_staff_member_writes_to_support_the_request_is_listed_and_e_mailed_with_the_city_name()
    {
        var manager = await Api.CreateUserAsync(firstName: "Camille", lastName: "Com", role: "communication_manager");
        var client = Api.ClientFor(manager.Id);

        var response = await client.PostJsonAsync(
            "/api/v1/support/requests",
            new
            {
                subject = "Export impossible",
                message = "L'export des idées échoue depuis ce matin.\nMerci !",
                contact = "phone",
                phone = "+32 2 123 45 67",
            }
        );

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal("phone", created["contact"]!.GetValue<string>());
        var list = await (await client.GetAsync("/api/v1/support/requests")).ReadJsonAsync();
        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal("Export impossible", item["subject"]!.GetValue<string>());
        Assert.Equal("Camille Com", item["author"]!["name"]!.GetValue<string>());
        Assert.Equal(
            manager.Id,
            await Api.ScalarAsync<Guid>(
                "SELECT actor_id FROM events WHERE type = 'support.request_sent' AND subject_id = @id",
                new { id = created["id"]!.GetValue<Guid>().ToString() }
            )
        );

        var mail = Assert.Single(await Api.OutboxAsync(SupportAddress));
        Assert.Equal("support_request", mail.Category);
        var city = await Api.ScalarAsync<string>("SELECT name FROM cities WHERE id = current_city()");
        Assert.Contains(city, mail.Subject, StringComparison.Ordinal);
        var dispatcher = Api.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0) { }
        var file = Assert.Single(Directory.GetFiles(Api.MailDirectory, "*.eml"), f => File.ReadAllText(f).Contains(SupportAddress));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal($"[{city}] Demande d'assistance : Export impossible", message.Subject);
        Assert.Contains("+32 2 123 45 67", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(manager.Email, message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_is_encoded_in_the_e_mail()
    {
        var admin = await Api.CreateUserAsync(role: "admin");

        var response = await Api.ClientFor(admin.Id)
            .PostJsonAsync("/api/v1/support/requests", new { subject = "<svg onload=alert(1)>", message = "<script>x</script>" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mail = Assert.Single(await Api.OutboxAsync(SupportAddress));
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"subject":"","message":"Bonjour"}""", "subject")]
    [InlineData("""{"subject":"Deux\nlignes","message":"Bonjour"}""", "subject")]
    [InlineData("""{"subject":"Sujet","message":""}""", "message")]
    [InlineData("""{"subject":"Sujet","message":"Bonjour","contact":"phone"}""", "phone")]
    [InlineData("""{"subject":"Sujet","message":"a\u0000b"}""", "message")]
    public async Task Bad_input_is_a_400_with_the_field_and_writes_nothing(string body, string field)
    {
        var admin = await Api.CreateUserAsync(role: "admin");

        var response = await Api.ClientFor(admin.Id).PostAsync("/api/v1/support/requests", Http.Json(body));

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(0L, await Api.CountAsync("support_requests"));
        Assert.Equal(0L, await Api.CountAsync("email_outbox"));
    }

    [Theory]
    [InlineData("""{"subject":"Sujet","message":"Bonjour","contact":"pigeon"}""")]
    [InlineData("""{"message":"Bonjour"}""")]
    [InlineData("""{"subject":"Sujet","message":"Bonjour"} trailing""")]
    public async Task Malformed_bodies_are_refused_and_write_nothing(string body)
    {
        var admin = await Api.CreateUserAsync(role: "admin");

        var response = await Api.ClientFor(admin.Id).PostAsync("/api/v1/support/requests", Http.Json(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0L, await Api.CountAsync("support_requests"));
    }

    [Fact]
    public async Task A_message_over_5000_characters_is_refused()
    {
        var admin = await Api.CreateUserAsync(role: "admin");

        var response = await Api.ClientFor(admin.Id)
            .PostJsonAsync("/api/v1/support/requests", new { subject = "Sujet", message = new string('x', 5001) });

        await response.AssertFieldErrorsAsync("message");
        Assert.Equal(0L, await Api.CountAsync("support_requests"));
    }
}
