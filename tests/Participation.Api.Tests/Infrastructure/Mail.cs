using System.Text.RegularExpressions;
using Dapper;

namespace Participation.Api.Tests.Infrastructure;

public static partial class Mail
{
    public sealed record Queued(
        long Id,
        string Category,
        string ToAddress,
        string Subject,
        string TextBody,
        string? HtmlBody,
        string Status
    );

    public static async Task<List<Queued>> OutboxAsync(this ApiFactory api, string? to = null)
    {
        await using var connection = await api.OpenAsync();
        return (
            await connection.QueryAsync<Queued>(
                "SELECT id, category, to_address, subject, text_body, html_body, status FROM email_outbox "
                    + "WHERE @To IS NULL OR to_address = @To ORDER BY id",
                new { To = to }
            )
        ).AsList();
    }

    /// <summary>The token of the newest link to <paramref name="page"/> e-mailed to the address.</summary>
    public static async Task<string> TokenFromLastEmailAsync(this ApiFactory api, string to, string page)
    {
        var mail = (await api.OutboxAsync(to)).LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"no e-mail to {to}");
        var match = LinkToken().Matches(mail.TextBody).FirstOrDefault(m => m.Groups["page"].Value == page)
            ?? throw new Xunit.Sdk.XunitException($"no /{page} link in: {mail.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    [GeneratedRegex(@"/(?<page>[a-z-]+)#token=(?<token>[A-Za-z0-9_%\-]+)")]
    private static partial Regex LinkToken();
}
