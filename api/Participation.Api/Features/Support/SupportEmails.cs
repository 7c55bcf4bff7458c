using System.Net;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Support;

/// <summary>
/// The e-mail a contact-support request sends to the vendor's support, in the writer's language (French, Dutch, English):
/// the city's name in the subject, who wrote, how they wish to be answered, their message. Every value from a person is
/// HTML-encoded.
/// </summary>
public static class SupportEmails
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["fr"] = new()
        {
            ["subject"] = "[{0}] Demande d'assistance : {1}",
            ["intro"] = "{0} ({1}) de {2} demande de l'aide.",
            ["contact.email"] = "Réponse souhaitée par e-mail : {0}",
            ["contact.phone"] = "Rappel souhaité par téléphone : {0}",
            ["message"] = "Message :",
        },
        ["nl"] = new()
        {
            ["subject"] = "[{0}] Vraag om ondersteuning: {1}",
            ["intro"] = "{0} ({1}) van {2} vraagt om hulp.",
            ["contact.email"] = "Antwoord gewenst per e-mail: {0}",
            ["contact.phone"] = "Terugbellen gewenst: {0}",
            ["message"] = "Bericht:",
        },
        ["en"] = new()
        {
            ["subject"] = "[{0}] Support request: {1}",
            ["intro"] = "{0} ({1}) of {2} asks for help.",
            ["contact.email"] = "Answer wanted by e-mail: {0}",
            ["contact.phone"] = "Call back wanted: {0}",
            ["message"] = "Message:",
        },
    };

    public static OutgoingEmail Request(
        string locale,
        string to,
        string cityName,
        string authorName,
        string authorEmail,
        string subject,
        string message,
        SupportContact contact,
        string? phone,
        Guid requestId
    )
    {
        var t = Texts.GetValueOrDefault(locale) ?? Texts["fr"];
        string F(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, t[key], args);
        var intro = F("intro", authorName, authorEmail, cityName);
        var how = contact == SupportContact.Phone ? F("contact.phone", phone) : F("contact.email", authorEmail);
        var text = $"{intro}\n{how}\n\n{t["message"]}\n{message}\n";
        var html = $"""
            <!doctype html><html lang="{locale}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{WebUtility.HtmlEncode(intro)}</p>
            <p>{WebUtility.HtmlEncode(how)}</p>
            <p>{WebUtility.HtmlEncode(t["message"])}</p>
            <p style="white-space:pre-line">{WebUtility.HtmlEncode(message)}</p>
            </body></html>
            """;
        return new OutgoingEmail(
            "support_request",
            to,
            null,
            F("subject", cityName, subject),
            text,
            html,
            new Dictionary<string, string> { ["Reply-To"] = authorEmail },
            DedupKey: $"support_request:{requestId:N}"
        );
    }
}
