using System.Net;
using System.Text;

namespace Participation.Api.Infrastructure.Email;

/// <summary>The platform's identity as e-mails show it: name, colours, logo, legal footer and sender.</summary>
public sealed record EmailBrand(
    string PlatformName,
    string PrimaryColour,
    string TextOnPrimaryColour,
    InlineImage? Logo,
    string? ContactEmail,
    string? LegalName,
    string? LegalAddress,
    string FromName,
    string FromAddress
);

/// <summary>Where the sender finds the current brand (kept by admins in the platform settings).</summary>
public interface IEmailBranding
{
    Task<EmailBrand> CurrentAsync(CancellationToken ct);
}

/// <summary>
/// The branded layout every e-mail is sent in, applied when it is sent (so every e-mail, whichever feature wrote it,
/// shows the brand of the moment): a header in the primary colour with the logo and the platform's name, action links
/// (<c>class="action"</c>) drawn as buttons, and a footer with the legal entity and the contact address. Everything that
/// comes from the settings is HTML-encoded; colours are validated #rrggbb values.
/// </summary>
public static class EmailLayout
{
    public const string LogoContentId = "platform-logo";
    public const string ActionClass = "class=\"action\"";

    public static string Html(string html, EmailBrand brand)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var header = new StringBuilder()
            .Append("<div style=\"background:")
            .Append(brand.PrimaryColour)
            .Append(";color:")
            .Append(brand.TextOnPrimaryColour)
            .Append(";padding:16px 24px;font-family:sans-serif;font-size:20px;font-weight:600\">");
        if (brand.Logo is not null)
            header
                .Append("<img src=\"cid:")
                .Append(LogoContentId)
                .Append("\" alt=\"")
                .Append(E(brand.PlatformName))
                .Append("\" height=\"40\" style=\"height:40px;width:auto;vertical-align:middle;margin-right:12px\">");
        header.Append("<span style=\"vertical-align:middle\">").Append(E(brand.PlatformName)).Append("</span></div>");

        var footerLines = new List<string>();
        if (!string.IsNullOrWhiteSpace(brand.LegalName))
            footerLines.Add(E(brand.LegalName.Trim()));
        if (!string.IsNullOrWhiteSpace(brand.LegalAddress))
            footerLines.AddRange(brand.LegalAddress.Trim().Split('\n').Select(l => E(l.Trim())).Where(l => l.Length > 0));
        if (!string.IsNullOrWhiteSpace(brand.ContactEmail))
            footerLines.Add(
                $"<a href=\"mailto:{E(brand.ContactEmail)}\" style=\"color:{brand.PrimaryColour}\">{E(brand.ContactEmail)}</a>"
            );
        var footer =
            footerLines.Count == 0
                ? ""
                : "<div style=\"border-top:1px solid #d7dde5;margin-top:24px;padding:12px 24px;color:#4b5563;font-size:13px;"
                    + $"font-family:sans-serif\">{string.Join("<br>", footerLines)}</div>";

        var button =
            $"{ActionClass} style=\"display:inline-block;background:{brand.PrimaryColour};color:{brand.TextOnPrimaryColour};"
            + "padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600\"";
        var content = html.Replace(ActionClass, button, StringComparison.Ordinal);

        var bodyStart = content.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var bodyOpenEnd = bodyStart < 0 ? -1 : content.IndexOf('>', bodyStart);
        var bodyEnd = content.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (bodyOpenEnd < 0 || bodyEnd < bodyOpenEnd)
            return "<!doctype html><html><body style=\"margin:0\">"
                + $"{header}<div style=\"padding:0 24px\">{content}</div>{footer}</body></html>";
        return content[..(bodyOpenEnd + 1)]
            + header
            + "<div style=\"padding:0 24px\">"
            + content[(bodyOpenEnd + 1)..bodyEnd]
            + "</div>"
            + footer
            + content[bodyEnd..];
    }

    /// <summary>The plain-text part with the same footer (legal entity, address, contact).</summary>
    public static string Text(string text, EmailBrand brand)
    {
        var lines = new[] { brand.LegalName, brand.LegalAddress, brand.ContactEmail }
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l!.Trim())
            .ToList();
        return lines.Count == 0 ? text : $"{text.TrimEnd()}\n\n-- \n{brand.PlatformName}\n{string.Join("\n", lines)}\n";
    }
}
