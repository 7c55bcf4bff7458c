using System.Net;
using System.Text.RegularExpressions;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Campaigns;

/// <summary>
/// A campaign's e-mail, rendered once per send (the branded layout is added by the outbox sender): the body, then a footer
/// with the reason for receiving it, a link to the preferences and a one-click unsubscribe (RFC 8058 headers and a link).
/// The per-recipient unsubscribe token replaces <see cref="Template.Placeholder"/> in SQL, set-based.
/// </summary>
public sealed partial class CampaignEmails(CityAddresses addresses)
{
    public const string Category = "campaign";
    public const string TestCategory = "campaign_test";

    private static readonly Dictionary<string, (string Footer, string Unsubscribe, string Preferences, string Test)> Texts = new()
    {
        ["fr"] = (
            "Vous recevez cet e-mail parce que vous avez accepté de recevoir les nouvelles de la plateforme.",
            "Se désabonner",
            "Gérer mes préférences",
            "[TEST] "
        ),
        ["nl"] = (
            "U ontvangt deze e-mail omdat u ermee instemde het nieuws van het platform te ontvangen.",
            "Uitschrijven",
            "Mijn voorkeuren beheren",
            "[TEST] "
        ),
        ["en"] = (
            "You receive this e-mail because you agreed to receive the platform's news.",
            "Unsubscribe",
            "Manage my preferences",
            "[TEST] "
        ),
    };

    /// <summary>The e-mail of a campaign with a placeholder where each recipient's unsubscribe token goes.</summary>
    public sealed record Template(string Subject, string Html, string Text, string UnsubscribeApiPrefix, string Placeholder);

    public Template Render(string subject, string bodyHtml, string language, bool test = false)
    {
        var o = addresses.Current;
        var t = Texts.TryGetValue(language, out var texts) ? texts : Texts["fr"];
        var app = o.AppRoot(language);
        var api = o.ApiRoot;
        // Unguessable, so no text written by staff can contain it.
        var placeholder = $"{{unsubscribe-{Guid.NewGuid():N}}}";
        var unsubscribePage = $"{app}/newsletter/unsubscribe#token={placeholder}";
        var preferences = $"{app}/notifications/settings";
        // Images uploaded to this API are stored with relative URLs: a mail client needs them absolute.
        var body = bodyHtml.Replace("src=\"/api/v1/media/", $"src=\"{api}/api/v1/media/", StringComparison.Ordinal);
        var html = $"""
            <!doctype html><html lang="{language}"><body style="font-family:sans-serif;line-height:1.5">
            {body}
            <hr><p style="color:#555;font-size:90%">{Enc(t.Footer)}<br>
            <a href="{Enc(preferences)}">{Enc(t.Preferences)}</a> · <a href="{Enc(unsubscribePage)}">{Enc(t.Unsubscribe)}</a></p>
            </body></html>
            """;
        var text = $"{PlainText(bodyHtml)}\n\n--\n{t.Footer}\n{t.Preferences} : {preferences}\n{t.Unsubscribe} : {unsubscribePage}\n";
        return new Template((test ? t.Test : "") + subject, html, text, $"{api}/api/v1/newsletter/unsubscribe?token=", placeholder);
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Sanitised rich text as plain text: a line per paragraph, heading or list item, links as "text (url)".</summary>
    public static string PlainText(string html)
    {
        var text = Link().Replace(html, m => $"{m.Groups[2].Value} ({WebUtility.HtmlDecode(m.Groups[1].Value)})");
        text = BlockEnd().Replace(text, "\n");
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        return string.Join("\n", text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    [GeneratedRegex("<a [^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>|</(p|li|h[1-6]|blockquote)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Spaces();
}
