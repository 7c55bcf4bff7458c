using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Email;

/// <summary>Every address of the web app the server builds carries its reader's language (/fr, /nl, /en).</summary>
public sealed class AppLinksTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("nl", "/projects/parc", "https://app.example/nl/projects/parc")]
    [InlineData("en", "profile#my-data", "https://app.example/en/profile#my-data")]
    [InlineData("fr", "/", "https://app.example/fr/")]
    [InlineData(null, "/events/balade", "https://app.example/events/balade")] // no reader known: the web app negotiates
    [InlineData("de", "/events/balade", "https://app.example/events/balade")] // not a language of the web app
    public void A_link_is_the_app_address_under_the_language(string? language, string path, string expected) =>
        Assert.Equal(expected, AppLinks.To("https://app.example/", language, path));

    [Theory]
    [InlineData("https://api.example/", "https://api.example")]
    [InlineData(null, "https://app.example")] // the web app forwards /api
    public void Links_to_the_API_itself_go_to_its_public_address_else_the_web_apps(string? apiBaseUrl, string root)
    {
        var address = AppAddress.Of(new EmailOptions { AppBaseUrl = "https://app.example/", ApiBaseUrl = apiBaseUrl });

        Assert.Equal(root, address.ApiRoot);
        Assert.Equal($"{root}/api/v1/notifications/unsubscribe?token=a%2Bb%3D", address.UnsubscribeLink("a+b="));
    }

    /// <summary>A single-city install (no domain at all): every link the server builds is on the configured addresses.</summary>
    [Fact]
    public void Without_a_domain_the_city_s_addresses_are_exactly_the_configured_ones()
    {
        var addresses = Api.Services.GetRequiredService<CityAddresses>();

        using (CityScope.Enter(CityScope.DefaultCity))
            Assert.Equal(new AppAddress("https://participation.example", null), addresses.Current);
    }

    [Fact]
    public async Task An_email_to_a_Dutch_speaking_person_links_to_the_Dutch_web_app()
    {
        var user = await Api.CreateUserAsync(email: "an@example.org");
        await Api.ScalarAsync<int>("UPDATE users SET locale = 'nl' WHERE id = @Id RETURNING 1", new { user.Id });

        await Api.CreateClient().PostJsonAsync("/api/v1/auth/password-reset", new { email = user.Email });

        var mail = Assert.Single(await Api.OutboxAsync(user.Email));
        Assert.Contains("https://participation.example/nl/reset-password#token=", mail.TextBody);
        Assert.Contains("href=\"https://participation.example/nl/reset-password#token=", mail.HtmlBody!);
        Assert.DoesNotContain("https://participation.example/reset-password", mail.TextBody);
    }
}
