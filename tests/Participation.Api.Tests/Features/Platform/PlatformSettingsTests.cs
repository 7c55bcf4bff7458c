using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Participation.Api.Features.Platform;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Features.Widgets;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Platform;

/// <summary>
/// Platform settings and branding, kept by admins: validated (colours with WCAG AA contrast, languages, map, addresses),
/// saved with a version (a stale save is refused), audited, and applied to the public settings, e-mails and widgets.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class PlatformSettingsTests(ApiFactory api) : ApiTest(api)
{
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    );

    // A 1×1 icon directory header followed by a tiny PNG image (enough for the content check).
    private static readonly byte[] Ico = [0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0];

    private async Task<HttpClient> AdminAsync() => Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);

    internal static MultipartFormDataContent Form(byte[] bytes, string name = "logo.png", string type = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    internal static Dictionary<string, object?> Body(int version = 1) =>
        new()
        {
            ["version"] = version,
            ["name"] = "Ville de Lumière",
            ["languages"] = new[] { "fr", "nl" },
            ["defaultLanguage"] = "nl",
            ["primaryColour"] = "#0B5D1E",
            ["textOnPrimaryColour"] = "#ffffff",
            ["mapLatitude"] = 50.64,
            ["mapLongitude"] = 5.57,
            ["mapZoom"] = 12,
            ["mapTileUrl"] = "https://tiles.city.example/{z}/{x}/{y}.png",
            ["mapAttribution"] = "© City GIS",
            ["contactEmail"] = "Participation@City.example",
            ["legalName"] = "Administration communale de Lumière",
            ["legalAddress"] = "Place du Marché 1\n4000 Lumière",
            ["emailFromName"] = "Lumière participe",
            ["emailFromAddress"] = "noreply@city.example",
        };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, object? value) =>
        new(body) { [field] = value };

    private Task<long> ChangesAsync() => Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'platform.settings_changed'");

    [Fact]
    public async Task An_admin_saves_the_settings_the_change_is_audited_and_the_public_settings_show_it()
    {
        var admin = await AdminAsync();
        var initial = await (await admin.GetAsync("/api/v1/platform/settings")).ReadJsonAsync();
        Assert.Equal(1, initial["version"]!.GetValue<int>());
        Assert.Null(initial["mapTileUrl"]);
        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", initial["defaults"]!["map"]!["tileUrl"]!.GetValue<string>());

        var saved = await admin.PutAsJsonAsync("/api/v1/platform/settings", Body());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var settings = await saved.ReadJsonAsync();
        Assert.Equal(2, settings["version"]!.GetValue<int>());
        Assert.Equal("#0b5d1e", settings["primaryColour"]!.GetValue<string>());
        Assert.Equal("participation@city.example", settings["contactEmail"]!.GetValue<string>());

        var platform = await (await Api.CreateClient().GetAsync("/api/v1/platform")).ReadJsonAsync();
        Assert.Equal("Ville de Lumière", platform["name"]!.GetValue<string>());
        Assert.Equal(["fr", "nl"], platform["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("nl", platform["defaultLanguage"]!.GetValue<string>());
        Assert.Equal("#0b5d1e", platform["colours"]!["primary"]!.GetValue<string>());
        Assert.Equal("#ffffff", platform["colours"]!["textOnPrimary"]!.GetValue<string>());
        Assert.Equal("https://tiles.city.example/{z}/{x}/{y}.png", platform["map"]!["tileUrl"]!.GetValue<string>());
        Assert.Equal(
            (50.64, 5.57, 12),
            (
                platform["map"]!["latitude"]!.GetValue<double>(),
                platform["map"]!["longitude"]!.GetValue<double>(),
                platform["map"]!["zoom"]!.GetValue<int>()
            )
        );
        Assert.Equal("Administration communale de Lumière", platform["legalName"]!.GetValue<string>());
        Assert.Equal("participation@city.example", platform["contactEmail"]!.GetValue<string>());
        Assert.DoesNotContain("noreply@city.example", platform.ToJsonString()); // the sender is not public
        Assert.Null(platform["logoUrl"]);

        var audit = Assert.Single(await Api.EventsAsync("platform.settings_changed"));
        Assert.Equal("Participation", audit.BeforeJson!["name"]!.GetValue<string>());
        Assert.Equal("Ville de Lumière", audit.AfterJson!["name"]!.GetValue<string>());
        Assert.Equal("#0b5d1e", audit.AfterJson!["primaryColour"]!.GetValue<string>());
        Assert.False(audit.AfterJson!.ContainsKey("version"));
        Assert.True(await Api.ScalarAsync<bool>("SELECT audited FROM events WHERE type = 'platform.settings_changed'"));

        // The same save again changes nothing: no new version, no event.
        var again = await admin.PutAsJsonAsync("/api/v1/platform/settings", Body(version: 2));
        Assert.Equal(2, (await again.ReadJsonAsync())["version"]!.GetValue<int>());
        Assert.Equal(1, await ChangesAsync());
    }

    [Fact]
    public async Task Empty_map_and_sender_values_fall_back_to_the_configuration()
    {
        var admin = await AdminAsync();
        var body = Body();
        foreach (var field in new[] { "mapLatitude", "mapLongitude", "mapZoom", "mapTileUrl", "mapAttribution", "emailFromName" })
            body[field] = null;

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/platform/settings", body)).StatusCode);

        var map = (await (await Api.CreateClient().GetAsync("/api/v1/platform")).ReadJsonAsync())["map"]!;
        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", map["tileUrl"]!.GetValue<string>());
        Assert.Equal(13, map["zoom"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_refused_and_nothing_is_written()
    {
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/platform/settings", Body())).StatusCode);

        var stale = await admin.PutAsJsonAsync("/api/v1/platform/settings", With(Body(version: 1), "name", "Autre nom"));

        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Ville de Lumière", await Api.ScalarAsync<string>("SELECT name FROM platform_settings"));
        Assert.Equal(1, await ChangesAsync());
    }

    public static TheoryData<string, object?, string> BadInput =>
        new()
        {
            { "primaryColour", "blue", "primaryColour" },
            { "primaryColour", "#12345", "primaryColour" },
            { "primaryColour", "#7fb3ff", "primaryColour" }, // light blue: links unreadable on white
            { "textOnPrimaryColour", "#1f2933", "textOnPrimaryColour" }, // dark text on a dark primary
            { "textOnPrimaryColour", "#bbbbbb", "textOnPrimaryColour" },
            { "languages", new[] { "fr", "de" }, "languages" },
            { "languages", Array.Empty<string>(), "languages" },
            { "languages", new[] { "fr", "fr" }, "languages" },
            { "defaultLanguage", "en", "defaultLanguage" }, // not enabled
            { "defaultLanguage", "xx", "defaultLanguage" },
            { "mapTileUrl", "http://tiles.city.example/{z}/{x}/{y}.png", "mapTileUrl" },
            { "mapTileUrl", "https://tiles.city.example/{z}/{x}.png", "mapTileUrl" },
            { "mapTileUrl", "javascript:alert(1)//{z}/{x}/{y}", "mapTileUrl" },
            { "mapTileUrl", "https://tiles.city.example/{z}/{x}/{y}.png?\"onerror=", "mapTileUrl" },
            { "mapZoom", 25, "mapZoom" },
            { "mapLatitude", null, "mapLatitude" }, // the start position: all three or none
            { "mapAttribution", null, "mapAttribution" }, // a tile server needs its credit
            { "contactEmail", "not an address", "contactEmail" },
            { "emailFromAddress", "nobody@", "emailFromAddress" },
            { "name", "", "name" },
            { "name", "Ville\u202Eevil", "name" },
            { "legalName", new string('x', 201), "legalName" },
        };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_settings_are_refused_with_the_field_and_nothing_is_written(string field, object? value, string errorField)
    {
        var admin = await AdminAsync();

        var response = await admin.PutAsJsonAsync("/api/v1/platform/settings", With(Body(), field, value));

        await response.AssertFieldErrorsAsync(errorField);
        Assert.Equal(1, await Api.ScalarAsync<int>("SELECT version FROM platform_settings"));
        Assert.Equal("Participation", await Api.ScalarAsync<string>("SELECT name FROM platform_settings"));
        Assert.Equal(0, await ChangesAsync());
    }

    [Fact]
    public async Task A_low_contrast_is_refused_with_the_ratio_in_the_message()
    {
        var admin = await AdminAsync();

        var response = await admin.PutAsJsonAsync("/api/v1/platform/settings", With(Body(), "textOnPrimaryColour", "#2f6f3e"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = problem["errors"]!["textOnPrimaryColour"]![0]!.GetValue<string>();
        Assert.Contains(Colours.Ratio(Colours.Contrast("#2f6f3e", "#0b5d1e")), message);
        Assert.Contains("4,5:1", message); // French by default
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#1d4e89", "#ffffff", 8.3)]
    [InlineData("#777777", "#ffffff", 4.4)] // the classic "almost AA" grey
    public void Contrast_follows_wcag_relative_luminance(string a, string b, double expected) =>
        Assert.Equal(expected, Math.Floor(Colours.Contrast(a, b) * 10) / 10);

    [Fact]
    public async Task The_logo_and_favicon_are_checked_by_content_served_with_a_versioned_cacheable_url_and_audited()
    {
        var admin = await AdminAsync();

        var logo = await admin.PutAsync("/api/v1/platform/logo", Form(Png));
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        var url = (await logo.ReadJsonAsync())["url"]!.GetValue<string>();
        Assert.StartsWith("/api/v1/platform/logo?v=", url);
        Assert.Equal(url, (await (await Api.CreateClient().GetAsync("/api/v1/platform")).ReadJsonAsync())["logoUrl"]!.GetValue<string>());

        var image = await Api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", image.Headers.CacheControl!.ToString());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single());
        var unversioned = await Api.CreateClient().GetAsync("/api/v1/platform/logo");
        Assert.Equal(TimeSpan.FromMinutes(5), unversioned.Headers.CacheControl!.MaxAge);

        var favicon = await admin.PutAsync("/api/v1/platform/favicon", Form(Ico, "favicon.ico", "image/x-icon"));
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        var faviconUrl = (await favicon.ReadJsonAsync())["url"]!.GetValue<string>();
        Assert.Equal("image/x-icon", (await Api.CreateClient().GetAsync(faviconUrl)).Content.Headers.ContentType!.MediaType);

        // A new logo replaces the old one: its URL no longer gives the old bytes' version.
        var second = (await (await admin.PutAsync("/api/v1/platform/logo", Form(Png))).ReadJsonAsync())["url"]!.GetValue<string>();
        Assert.NotEqual(url, second);
        Assert.Equal(2, await Api.CountAsync("platform_images")); // one logo, one favicon

        var events = await Api.EventsAsync("platform.settings_changed");
        Assert.Equal(3, events.Count);
        Assert.Null(events[0].BeforeJson!["logo"]);
        Assert.Equal(url.Split("?v=")[1], events[0].AfterJson!["logo"]!.GetValue<string>());
        Assert.True(events[1].AfterJson!.ContainsKey("favicon"));
    }

    public static TheoryData<string, string, string> NotImages =>
        new()
        {
            { "logo", "svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>" },
            { "logo", "text", "just text pretending" },
            { "logo", "empty", "" },
            { "favicon", "jpeg", "\u00FF\u00D8\u00FF\u00E0 not really" },
            { "favicon", "text", "GIF89a pretending" },
        };

    [Theory]
    [MemberData(nameof(NotImages))]
    public async Task Files_that_are_not_accepted_images_are_refused_and_nothing_is_written(string kind, string what, string content)
    {
        var admin = await AdminAsync();
        var bytes = what == "jpeg" ? [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8] : System.Text.Encoding.UTF8.GetBytes(content);

        var response = await admin.PutAsync($"/api/v1/platform/{kind}", Form(bytes, $"{kind}.{what}", "image/png"));

        await response.AssertFieldErrorsAsync("file");
        Assert.Equal(0, await Api.CountAsync("platform_images"));
        Assert.Equal(0, await ChangesAsync());
    }

    [Fact]
    public async Task A_logo_over_the_limit_is_refused()
    {
        var admin = await AdminAsync();
        var big = new byte[SetPlatformImage.MaxLogoBytes + 1];
        Png.CopyTo(big, 0);

        var response = await admin.PutAsync("/api/v1/platform/logo", Form(big));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await Api.CountAsync("platform_images"));
    }

    [Fact]
    public async Task An_email_sent_after_a_change_carries_the_logo_the_colour_the_legal_footer_and_the_sender()
    {
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/platform/settings", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync("/api/v1/platform/logo", Form(Png))).StatusCode);
        var register = await Api.CreateClient()
            .PostJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email = "branded@example.org",
                    password = "a long enough password",
                    firstName = "Zoë",
                    lastName = "B",
                    locale = "fr",
                }
            );
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);

        var dispatcher = Api.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0) { }

        var file = Assert.Single(Directory.GetFiles(Api.MailDirectory, "*.eml"), f => File.ReadAllText(f).Contains("branded@example.org"));
        var message = await MimeMessage.LoadAsync(file);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Lumière participe", "noreply@city.example"), (from.Name, from.Address));
        Assert.Contains("Ville de Lumière", System.Net.WebUtility.HtmlDecode(message.HtmlBody));
        Assert.Contains("background:#0b5d1e", message.HtmlBody);
        Assert.Contains($"src=\"cid:{EmailLayout.LogoContentId}\"", message.HtmlBody);
        Assert.Contains("alt=\"Ville de Lumière\"", System.Net.WebUtility.HtmlDecode(message.HtmlBody));
        Assert.Contains("Administration communale de Lumière", System.Net.WebUtility.HtmlDecode(message.HtmlBody));
        Assert.Contains("mailto:participation@city.example", message.HtmlBody);
        Assert.Contains("Place du Marché 1", message.TextBody);
        var logo = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId == EmailLayout.LogoContentId);
        Assert.Equal("image/png", logo.ContentType.MimeType);
    }

    [Fact]
    public async Task The_widget_page_uses_the_platform_colours()
    {
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/platform/settings", Body())).StatusCode);
        var widget = await WidgetTestKit.CreateAsync(admin, WidgetTestKit.Settings());

        var html = await Api.CreateClient().GetStringAsync($"/embed/widgets/{widget}");

        Assert.Contains("--brand:#0b5d1e", html);
        Assert.Contains("--on-brand:#ffffff", html);
    }

    public static TheoryData<string, string, int> Matrix =>
        AuthorizationMatrix.Build(
            ["anonymous", "resident", "moderator_p1", "head_d1", "communication_manager", "it_manager", "elected_official", "admin"],
            ["get_settings", "put_settings", "put_logo", "put_favicon", "put_account_retention"],
            (actor, _) =>
                actor switch
                {
                    "anonymous" => 401,
                    "admin" => 200,
                    _ => 403,
                }
        );

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_admins_read_and_change_the_settings(string actor, string action, int expected)
    {
        HttpClient client;
        switch (actor)
        {
            case "anonymous":
                client = Api.CreateClient();
                break;
            case "resident":
                client = Api.ClientFor((await Api.CreateUserAsync()).Id);
                break;
            case "moderator_p1" or "head_d1":
                var city = await City.CreateAsync(Api);
                if (actor == "head_d1")
                {
                    client = await City.As(Api, city.Head1);
                    break;
                }
                var project = await city.ProjectAsync(city.Admin, city.D1);
                var moderator = await Api.CreateUserAsync();
                await using (var connection = await Api.OpenAsync())
                    await connection.ExecuteAsync(
                        "INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, project_id) "
                            + "VALUES (gen_random_uuid(), @User, 'project_moderator', 'project', @Project, @Project)",
                        new { User = moderator.Id, Project = project }
                    );
                client = Api.ClientFor(moderator.Id);
                break;
            default:
                client = Api.ClientFor((await Api.CreateUserAsync(role: actor)).Id);
                break;
        }

        var response = action switch
        {
            "get_settings" => await client.GetAsync("/api/v1/platform/settings"),
            "put_settings" => await client.PutAsJsonAsync("/api/v1/platform/settings", Body()),
            "put_logo" => await client.PutAsync("/api/v1/platform/logo", Form(Png)),
            "put_account_retention" => await client.PutAsJsonAsync(
                "/api/v1/platform/settings/account-retention",
                new { inactiveAccountRetentionMonths = 24 }
            ),
            _ => await client.PutAsync("/api/v1/platform/favicon", Form(Png, "favicon.png")),
        };

        Assert.True((int)response.StatusCode == expected, $"{actor} {action}: {(int)response.StatusCode}");
        if (expected != 200)
        {
            Assert.Equal(0, await ChangesAsync());
            Assert.Equal(1, await Api.ScalarAsync<int>("SELECT version FROM platform_settings"));
            Assert.Equal(0, await Api.CountAsync("platform_images"));
        }
    }
}
