using System.Net;
using Participation.Api.Features.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Auth;

public sealed class RegisterTests(ApiFactory api) : ApiTest(api)
{
    private static object Body(
        string email = "Fatima.El-Amrani@Example.org",
        string password = "a long enough password",
        string firstName = "Fatima",
        string lastName = "El Amrani",
        string? locale = "nl"
    ) =>
        new
        {
            email,
            password,
            firstName,
            lastName,
            locale,
        };

    [Fact]
    public async Task Registering_creates_the_account_and_queues_a_confirmation_email()
    {
        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/register", Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("fatima.el-amrani@example.org", await Api.ScalarAsync<string>("SELECT email FROM users WHERE id = @id", new { id }));
        Assert.Equal("nl", await Api.ScalarAsync<string>("SELECT locale FROM users WHERE id = @id", new { id }));
        Assert.False(await Api.ScalarAsync<bool>("SELECT email_confirmed_at IS NOT NULL FROM users WHERE id = @id", new { id }));
        var mail = Assert.Single(await Api.OutboxAsync());
        Assert.Equal("fatima.el-amrani@example.org", mail.ToAddress);
        Assert.Equal("account_confirm_email", mail.Category);
        Assert.Equal("Bevestig uw e-mailadres", mail.Subject);
        Assert.Contains("https://participation.example/nl/confirm-email#token=", mail.TextBody); // in the Dutch web app
    }

    [Fact]
    public async Task Invalid_fields_are_answered_with_field_errors_and_nothing_is_written()
    {
        var response = await Api.CreateClient()
            .PostJsonAsync(
                "/api/v1/auth/register",
                Body(email: "not-an-email", password: "short", firstName: "", lastName: new string('x', 101), locale: "de")
            );

        await response.AssertFieldErrorsAsync("email", "password", "firstName", "lastName", "locale");
        Assert.Equal(0, await Api.CountAsync("users"));
        Assert.Equal(0, await Api.CountAsync("email_outbox"));
    }

    [Theory]
    [InlineData("eleven-char")]
    [InlineData("")]
    public async Task A_password_under_12_characters_is_refused(string password)
    {
        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/register", Body(password: password));
        await response.AssertFieldErrorsAsync("password");
    }

    [Fact]
    public async Task A_password_of_129_characters_is_refused_and_128_accepted()
    {
        var client = Api.CreateClient();
        await (await client.PostJsonAsync("/api/v1/auth/register", Body(password: new string('p', 129)))).AssertFieldErrorsAsync(
            "password"
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (await client.PostJsonAsync("/api/v1/auth/register", Body(password: new string('p', 128)))).StatusCode
        );
    }

    [Fact]
    public async Task An_email_that_already_has_an_account_is_refused_whatever_its_case()
    {
        var client = Api.CreateClient();
        Assert.Equal(
            HttpStatusCode.Created,
            (await client.PostJsonAsync("/api/v1/auth/register", Body(email: "same@example.org"))).StatusCode
        );

        var response = await client.PostJsonAsync("/api/v1/auth/register", Body(email: " SAME@Example.org "));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(problem["errors"]!["email"]);
        Assert.Equal(1, await Api.CountAsync("users"));
        Assert.Equal(1, await Api.CountAsync("email_outbox"));
    }

    [Fact]
    public async Task Fifty_parallel_registrations_with_one_email_create_one_account()
    {
        var attempts = Enumerable
            .Range(0, 50)
            .Select(async _ =>
            {
                try
                {
                    await Api.Send(new Register.Command("race@example.org", "a long enough password", "Race", "Condition", "fr"));
                    return true;
                }
                catch (ConflictException)
                {
                    return false;
                }
            });

        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(1, await Api.CountAsync("users"));
        Assert.Equal(1, await Api.CountAsync("email_outbox"));
        Assert.Equal(1, await Api.CountAsync("user_tokens"));
    }

    [Theory]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("Zoë 🌳 𝒜")]
    [InlineData("javascript:alert(1)")]
    public async Task Hostile_or_unusual_names_are_stored_as_given_and_returned_json_encoded(string name)
    {
        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/register", Body(firstName: name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();

        var profile = await Api.CreateClient().GetAsync($"/api/v1/users/{id}");
        var raw = await profile.Content.ReadAsStringAsync();

        Assert.Equal(name, (await profile.ReadJsonAsync())["firstName"]!.GetValue<string>());
        Assert.DoesNotContain("<svg", raw);
    }

    [Theory]
    [InlineData("Evil\u202Egnp.exe")]
    [InlineData("Line\nbreak")]
    public async Task Names_with_control_or_direction_override_characters_are_refused(string name)
    {
        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/register", Body(lastName: name));
        await response.AssertFieldErrorsAsync("lastName");
        Assert.Equal(0, await Api.CountAsync("users"));
    }

    [Theory]
    [InlineData("id", "\"00000000-0000-0000-0000-000000000001\"")]
    [InlineData("role", "\"admin\"")]
    [InlineData("emailConfirmed", "true")]
    [InlineData("roleVersion", "99")]
    public async Task Fields_the_caller_may_not_set_are_refused_by_name_and_nothing_is_written(string field, string value)
    {
        var response = await Api.CreateClient()
            .PostAsync(
                "/api/v1/auth/register",
                Http.Json(
                    $$"""
                    {"email":"x@example.org","password":"a long enough password","firstName":"X","lastName":"Y","{{field}}":{{value}}}
                    """
                )
            );

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(0, await Api.CountAsync("users"));
        Assert.Equal(0, await Api.CountAsync("user_roles"));
    }

    [Fact]
    public async Task A_misspelt_field_is_refused_in_the_callers_language_without_framework_text()
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsync(
            "/api/v1/auth/register",
            Http.Json(
                """
                {"email":"x@example.org","password":"a long enough password","firstName":"X","lastName":"Y","lastNam":"Y"}
                """
            )
        );

        var body = await response.Content.ReadAsStringAsync();
        await response.AssertFieldErrorsAsync("lastNam");
        Assert.Contains("This field does not exist.", body);
        Assert.DoesNotContain("Participation.Api", body);
        Assert.DoesNotContain("System.", body);
    }
}
