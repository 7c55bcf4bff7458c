using System.Net;
using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Email;

/// <summary>
/// The platform's transactional e-mails in French, Dutch and English. Every value that comes from a
/// person (names) is HTML-encoded; links carry their token in the URL fragment, never in a query string.
/// </summary>
public sealed class EmailTemplates(IOptions<EmailOptions> options)
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["fr"] = new()
        {
            ["hello"] = "Bonjour {0},",
            ["confirm.subject"] = "Confirmez votre adresse e-mail",
            ["confirm.body"] = "Merci de votre inscription sur {0}. Confirmez votre adresse e-mail en ouvrant ce lien (valable 7 jours) :",
            ["confirm.action"] = "Confirmer mon adresse",
            ["reset.subject"] = "Réinitialisation de votre mot de passe",
            ["reset.body"] = "Vous avez demandé un nouveau mot de passe pour {0}. Ouvrez ce lien (valable 1 heure) pour le choisir :",
            ["reset.action"] = "Choisir un nouveau mot de passe",
            ["ignore"] = "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
        },
        ["nl"] = new()
        {
            ["hello"] = "Beste {0},",
            ["confirm.subject"] = "Bevestig uw e-mailadres",
            ["confirm.body"] = "Bedankt voor uw registratie op {0}. Bevestig uw e-mailadres via deze link (7 dagen geldig):",
            ["confirm.action"] = "Mijn adres bevestigen",
            ["reset.subject"] = "Uw wachtwoord opnieuw instellen",
            ["reset.body"] = "U vroeg een nieuw wachtwoord aan voor {0}. Open deze link (1 uur geldig) om het te kiezen:",
            ["reset.action"] = "Een nieuw wachtwoord kiezen",
            ["ignore"] = "Heeft u dit niet aangevraagd? Negeer dan dit bericht.",
        },
        ["en"] = new()
        {
            ["hello"] = "Hello {0},",
            ["confirm.subject"] = "Confirm your e-mail address",
            ["confirm.body"] = "Thank you for signing up to {0}. Confirm your e-mail address by opening this link (valid for 7 days):",
            ["confirm.action"] = "Confirm my address",
            ["reset.subject"] = "Reset your password",
            ["reset.body"] = "You asked for a new password for {0}. Open this link (valid for 1 hour) to choose it:",
            ["reset.action"] = "Choose a new password",
            ["ignore"] = "If you did not ask for this, ignore this message.",
        },
    };

    public OutgoingEmail ConfirmEmail(string locale, string toAddress, string firstName, string platformName, string token) =>
        Build("confirm", "account_confirm_email", locale, toAddress, firstName, platformName, Link("confirm-email", token));

    public OutgoingEmail PasswordReset(string locale, string toAddress, string firstName, string platformName, string token) =>
        Build("reset", "account_password_reset", locale, toAddress, firstName, platformName, Link("reset-password", token));

    private string Link(string page, string token) => $"{options.Value.AppBaseUrl.TrimEnd('/')}/{page}#token={Uri.EscapeDataString(token)}";

    private static OutgoingEmail Build(string key, string category, string locale, string to, string firstName, string platform, string link)
    {
        var t = Texts.GetValueOrDefault(locale) ?? Texts["fr"];
        var hello = string.Format(System.Globalization.CultureInfo.InvariantCulture, t["hello"], firstName);
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, t[$"{key}.body"], platform);
        var text = $"{hello}\n\n{body}\n{link}\n\n{t["ignore"]}\n";
        var html = $"""
            <!doctype html><html lang="{locale}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{WebUtility.HtmlEncode(hello)}</p>
            <p>{WebUtility.HtmlEncode(body)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(t[$"{key}.action"])}</a></p>
            <p style="color:#555">{WebUtility.HtmlEncode(t["ignore"])}</p>
            </body></html>
            """;
        return new OutgoingEmail(category, to, firstName, t[$"{key}.subject"], text, html);
    }
}
