using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Features.Notifications;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Tests.Features.Widgets;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Tenancy;

/// <summary>
/// Every absolute link the server builds names the current city's first domain (<see cref="CityAddresses"/>): city B's
/// e-mails (written by its requests and by its jobs' passes), unsubscribe addresses, share pages and widgets point at
/// b.test, city A's at a.test; none at the install's configured address (https://participation.example), which only a
/// city without a domain keeps (the single-city tests elsewhere).
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class CityLinksTests(IsolationFactory api)
{
    private static readonly Guid A = IsolationFactory.CityA;
    private static readonly Guid B = IsolationFactory.CityB;

    private sealed record Mail(string Category, string ToAddress, string TextBody, string? HtmlBody, string Headers)
    {
        public string All => $"{TextBody}\n{HtmlBody}\n{Headers}";
    }

    private async Task<List<Mail>> OutboxAsync(Guid city)
    {
        await using var owner = new NpgsqlConnection(api.OwnerConnectionString);
        return (
            await owner.QueryAsync<Mail>(
                "SELECT category, to_address, text_body, html_body, coalesce(headers::text, '') AS headers FROM email_outbox "
                    + "WHERE city_id = @City ORDER BY id",
                new { City = city }
            )
        ).AsList();
    }

    private static HttpClient On(HttpClient client, string host)
    {
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    [Fact]
    public async Task City_B_s_invitation_and_password_reset_link_to_B_s_domain_and_none_of_its_emails_to_another_address()
    {
        var mails = await OutboxAsync(B);

        var invitation = Assert.Single(mails, m => m.Category == "invitation" && m.ToAddress == "invitee@example.org");
        Assert.Matches(@"https://b\.test/(fr|nl|en)/invitation#token=", invitation.TextBody);
        var reset = Assert.Single(mails, m => m.Category == "account_password_reset" && m.ToAddress == api.B.C.ResidentB.Email);
        Assert.Matches(@"https://b\.test/(fr|nl|en)/reset-password#token=", reset.TextBody);
        Assert.Matches(@"href=""https://b\.test/(fr|nl|en)/reset-password#token=", reset.HtmlBody!);
        // The fill's e-mails, the jobs' included (notifications, digests, campaigns...): no link leaves B's domain.
        Assert.Contains(mails, m => m.Category.StartsWith("notification_", StringComparison.Ordinal));
        Assert.All(mails, m =>
        {
            Assert.DoesNotContain("https://participation.example", m.All, StringComparison.Ordinal);
            Assert.DoesNotContain("://a.test", m.All, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_notification_mailed_by_the_job_s_pass_for_city_B_links_and_unsubscribes_on_B_s_domain()
    {
        var c = api.B.C;
        var idea = await c.IdeaAsync(c.B, c.P1, "Des liens sur le domaine de B");
        await c.CommentAsync(c.A, idea, "Un commentaire pour le lien");

        // As the job runner does: one pass per active city, each in its city's scope.
        var mailer = api.Services.GetRequiredService<NotificationMailer>();
        await api.Services.GetRequiredService<CityList>().ForEachAsync(mailer.RunOnceAsync, CancellationToken.None);

        var mail = Assert.Single(await OutboxAsync(B), m =>
            m.Category == "notification_comment_on_my_idea" && m.All.Contains("Des liens sur le domaine de B", StringComparison.Ordinal)
        );
        Assert.Matches(@"https://b\.test/(fr|nl|en)/projects/", mail.TextBody);
        Assert.Matches(@"https://b\.test/api/v1/notifications/unsubscribe\?token=", mail.Headers);
        Assert.DoesNotContain("https://participation.example", mail.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task City_A_s_emails_keep_A_s_own_domain()
    {
        var response = await On(api.CreateClient(), "a.test")
            .PostJsonAsync("/api/v1/auth/password-reset", new { email = api.AdminAUser.Email });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var mails = await OutboxAsync(A);
        var reset = Assert.Single(mails, m => m.Category == "account_password_reset" && m.ToAddress == api.AdminAUser.Email);
        Assert.Matches(@"https://a\.test/(fr|nl|en)/reset-password#token=", reset.TextBody);
        Assert.All(mails, m => Assert.DoesNotContain("://b.test", m.All, StringComparison.Ordinal));
    }

    [Fact]
    public async Task City_B_s_share_page_and_widget_link_to_B_s_web_app()
    {
        var c = api.B.C;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/share/projects/{c.P1}");
        request.Headers.TryAddWithoutValidation("User-Agent", "facebookexternalhit/1.1");
        var share = await On(api.CreateClient(), "b.test").SendAsync(request);
        var html = await share.Content.ReadAsStringAsync();
        Assert.True(share.IsSuccessStatusCode, html);
        Assert.Matches(@"<meta property=""og:url"" content=""https://b\.test/share/projects/", html);
        Assert.Matches(@"https://b\.test/(fr|nl|en)/projects/", html);
        Assert.DoesNotContain("https://participation.example", html, StringComparison.Ordinal);

        var widget = await (await c.Admin.PostJsonAsync("/api/v1/widgets", WidgetTestKit.Settings())).ReadJsonAsync();
        Assert.StartsWith("<a href=\"https://b.test/fr/projects\"", widget["snippets"]!["button"]!.GetValue<string>());
        var page = await On(api.CreateClient(), "b.test").GetStringAsync($"/embed/widgets/{widget["id"]!.GetValue<Guid>()}");
        Assert.Contains("https://b.test/fr/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://participation.example", page, StringComparison.Ordinal);
    }
}

/// <summary>How a city's addresses derive from the configured ones (<see cref="AppAddress.On"/>).</summary>
public sealed class AppAddressTests
{
    private static AppAddress On(string app, string? apiBase, string host) =>
        AppAddress.On(new EmailOptions { AppBaseUrl = app, ApiBaseUrl = apiBase }, host);

    [Theory]
    [InlineData("https://participation.example", "https://b.test")]
    [InlineData("https://participation.example/", "https://b.test")]
    [InlineData("http://localhost:5173/app/", "http://b.test:5173/app")] // the scheme, port and path stay
    public void A_city_s_web_app_is_the_configured_address_on_its_host(string app, string expected)
    {
        var address = On(app, null, "b.test");

        Assert.Equal(expected, address.AppBaseUrl);
        Assert.Equal(expected, address.ApiRoot); // no API address of its own: the web app forwards /api
        Assert.Equal($"{expected}/fr/projects", address.AppLink("fr", "/projects"));
        Assert.Equal($"{expected}/api/v1/notifications/unsubscribe?token=a%2Bb", address.UnsubscribeLink("a+b"));
    }

    [Fact]
    public void An_API_on_the_web_app_s_host_moves_to_the_city_s_host_with_its_own_port_and_path()
    {
        var address = On("https://participation.example", "https://participation.example:8443/backend/", "b.test");

        Assert.Equal("https://b.test:8443/backend", address.ApiRoot);
    }

    [Fact]
    public void An_API_on_a_host_of_its_own_is_reached_through_the_city_s_web_app()
    {
        var address = On("https://participation.example", "https://api.participation.example", "b.test");

        Assert.Null(address.ApiBaseUrl);
        Assert.Equal("https://b.test", address.ApiRoot);
    }
}
