using System.Net;
using System.Text;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Notifications;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Briefings;

/// <summary>The official a briefing goes to (the address never leaves the server).</summary>
public sealed record BriefingReader(Guid Id, string Email, string FirstName, string Locale);

/// <summary>
/// Renders the briefing e-mail in the official's language: the figures against the previous period with their
/// definitions, the charts as inline PNG images whose alt text states their data, the highlights, a link to the
/// dashboard of that scope and period, and one-click unsubscribe (RFC 8058 headers and a visible link). Every value that
/// comes from a person (titles, feedback) is HTML-encoded.
/// </summary>
public sealed class BriefingEmails(CityAddresses addresses, UnsubscribeTokens tokens)
{
    private static readonly string Category = NotificationCategory.Briefing.ToWire();

    public OutgoingEmail Briefing(
        BriefingReader reader,
        BriefingScope scope,
        DateOnly first,
        DateOnly last,
        FigureSet figures,
        BriefingHighlights highlights,
        IReadOnlyList<BriefingChart> charts,
        string dedupKey
    )
    {
        var lang = BriefingTexts.Language(reader.Locale);
        string T(string key, params object?[] args) => BriefingTexts.T(lang, key, args);
        string Day(DateOnly d) => BriefingTexts.Day(lang, d);
        string Instant(DateTimeOffset at) => Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime));
        var app = addresses.Current.AppRoot(lang);
        var path = scope.Id is { } id ? $"department/{id}" : "platform";
        var dashboard = $"{app}/dashboard/{path}?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}";
        var subject = T("subject", highlights.ScopeName, Day(first), Day(last));
        var intro = T("intro", highlights.ScopeName, Day(first), Day(last));
        var rows = BriefingContent.Relabel(figures, lang).Where(f => f.Value is not null).ToList();

        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append($"{T("hello", reader.FirstName)}\n\n{intro}\n\n== {T("figures")} ==\n");
        html.Append($"""<!doctype html><html lang="{lang}"><body style="font-family:sans-serif;line-height:1.5;max-width:640px">""");
        html.Append($"<p>{E(T("hello", reader.FirstName))}</p><p>{E(intro)}</p><h2>{E(T("figures"))}</h2>");
        html.Append(
            $"""<table style="border-collapse:collapse"><thead><tr><th scope="col" style="text-align:left">{E(T("figure"))}</th>"""
        );
        html.Append($"""<th scope="col" style="text-align:right">{E(T("value"))}</th>""");
        html.Append($"""<th scope="col" style="text-align:right">{E(T("previous"))}</th></tr></thead><tbody>""");
        foreach (var f in rows)
        {
            var (value, previous) = (BriefingTexts.Number(lang, f.Value), BriefingTexts.Number(lang, f.Previous));
            text.Append($"- {f.Label}: {value} ({T("previous").ToLowerInvariant()}: {previous})\n");
            html.Append($"""<tr><th scope="row" style="text-align:left;font-weight:normal;padding-right:1em">{E(f.Label)}</th>""");
            html.Append($"""<td style="text-align:right;padding-right:1em"><strong>{E(value)}</strong></td>""");
            html.Append($"""<td style="text-align:right">{E(previous)}</td></tr>""");
        }
        html.Append("</tbody></table>");

        if (charts.Count > 0)
        {
            html.Append($"<h2>{E(T("charts"))}</h2>");
            text.Append($"\n== {T("charts")} ==\n");
            foreach (var c in charts)
            {
                html.Append(
                    $"""<p><img src="cid:{E(c.ContentId)}" alt="{E(c.Alt)}" width="600" height="260" style="max-width:100%"></p>"""
                );
                text.Append($"{c.Alt}\n");
            }
        }

        html.Append($"<h2>{E(T("highlights"))}</h2>");
        text.Append($"\n== {T("highlights")} ==\n");
        void Section(string title, IReadOnlyList<string> items)
        {
            html.Append($"<h3>{E(title)}</h3>");
            text.Append($"\n{title}\n");
            if (items.Count == 0)
            {
                html.Append($"<p>{E(T("none"))}</p>");
                text.Append($"  {T("none")}\n");
                return;
            }
            html.Append("<ul>");
            foreach (var item in items)
            {
                html.Append($"<li>{E(item)}</li>");
                text.Append($"- {item}\n");
            }
            html.Append("</ul>");
        }
        Section(T("top"), highlights.TopIdeas.Select(i => $"{i.Title} — {i.ProjectTitle} ({T("likes", i.Likes, i.Comments)})").ToList());
        Section(
            T("decisions"),
            highlights
                .Decisions.Select(d =>
                    $"{d.Title}: {T("status." + d.Status.ToWire())}" + (d.Feedback is { Length: > 0 } fb ? $" — « {fb} »" : "")
                )
                .ToList()
        );
        Section(
            T("phases"),
            highlights
                .Phases.Select(p =>
                    $"{p.ProjectTitle} — {p.PhaseTitle}: "
                    + string.Join(
                        ", ",
                        new[]
                        {
                            p.StartsAt >= PeriodQuery.StartOf(first) ? T("starts", Instant(p.StartsAt)) : null,
                            p.EndsAt is { } end ? T("ends", Instant(end)) : null,
                        }.Where(x => x is not null)
                    )
                )
                .ToList()
        );
        Section(
            T("attention"),
            highlights.Attention.Select(a => $"{a.ProjectTitle}: {T("waiting", a.Waiting, figures.WaitingDays, a.OldestDays)}").ToList()
        );

        html.Append($"<h2>{E(T("definitions"))}</h2><dl>");
        text.Append($"\n== {T("definitions")} ==\n");
        foreach (var f in rows)
        {
            html.Append($"<dt><strong>{E(f.Label)}</strong></dt><dd>{E(f.Definition)}</dd>");
            text.Append($"- {f.Label}: {f.Definition}\n");
        }
        html.Append("</dl>");
        html.Append($"""<p><a href="{E(dashboard)}">{E(T("dashboard"))}</a></p>""");
        text.Append($"\n{T("dashboard")} : {dashboard}\n");

        var (headers, unsubscribePage) = Unsubscribe(reader.Id, lang);
        html.Append($"""<hr><p style="color:#555;font-size:90%">{E(T("footer"))}<br>""");
        html.Append($"""<a href="{E(unsubscribePage)}">{E(T("unsubscribe"))}</a></p></body></html>""");
        text.Append($"\n--\n{T("footer")}\n{T("unsubscribe")} : {unsubscribePage}\n");
        var images = charts.Select(c => new InlineImage(c.ContentId, c.ContentId.Split('@')[0] + ".png", "image/png", c.Png)).ToList();
        return new OutgoingEmail(
            "briefing",
            reader.Email,
            reader.FirstName,
            subject,
            text.ToString(),
            html.ToString(),
            headers,
            dedupKey,
            images
        );
    }

    /// <summary>A project of the official's scope was launched: its goals, phases and dates, and the link to it.</summary>
    public OutgoingEmail Launch(
        BriefingReader reader,
        Guid projectId,
        string title,
        string departmentName,
        string platformName,
        string? goals,
        IReadOnlyList<BriefingPhase> phases
    )
    {
        var lang = BriefingTexts.Language(reader.Locale);
        string T(string key, params object?[] args) => BriefingTexts.T(lang, key, args);
        string Instant(DateTimeOffset at) => BriefingTexts.Day(lang, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime));
        var link = addresses.Current.AppLink(lang, $"/projects/{projectId}");
        var intro = T("launch.intro", title, departmentName, platformName);
        var phaseLines = phases
            .Select(p => $"{p.PhaseTitle}: {Instant(p.StartsAt)}" + (p.EndsAt is { } end ? $" – {Instant(end)}" : ""))
            .ToList();
        var (headers, unsubscribePage) = Unsubscribe(reader.Id, lang);
        var text = new StringBuilder($"{T("hello", reader.FirstName)}\n\n{intro}\n");
        var html = new StringBuilder(
            $"""<!doctype html><html lang="{lang}"><body style="font-family:sans-serif;line-height:1.5;max-width:640px">"""
        );
        html.Append($"<p>{E(T("hello", reader.FirstName))}</p><p>{E(intro)}</p>");
        if (!string.IsNullOrWhiteSpace(goals))
        {
            text.Append($"\n{T("launch.goals")}\n{goals}\n");
            html.Append($"""<h2>{E(T("launch.goals"))}</h2><p style="white-space:pre-line">{E(goals)}</p>""");
        }
        if (phaseLines.Count > 0)
        {
            text.Append($"\n{T("launch.phases")}\n" + string.Concat(phaseLines.Select(l => $"- {l}\n")));
            html.Append($"<h2>{E(T("launch.phases"))}</h2><ul>" + string.Concat(phaseLines.Select(l => $"<li>{E(l)}</li>")) + "</ul>");
        }
        text.Append($"\n{T("launch.open")} : {link}\n\n--\n{T("footer")}\n{T("unsubscribe")} : {unsubscribePage}\n");
        html.Append($"""<p><a href="{E(link)}">{E(T("launch.open"))}</a></p>""");
        html.Append($"""<hr><p style="color:#555;font-size:90%">{E(T("footer"))}<br>""");
        html.Append($"""<a href="{E(unsubscribePage)}">{E(T("unsubscribe"))}</a></p></body></html>""");
        return new OutgoingEmail(
            "briefing_launch",
            reader.Email,
            reader.FirstName,
            T("launch.subject", title),
            text.ToString(),
            html.ToString(),
            headers,
            $"briefing-launch:{reader.Id}:{projectId}"
        );
    }

    /// <summary>The preview of an e-mail: its HTML with the inline images as data: URIs (no cid: outside a mail client).</summary>
    public static string InlineImages(string html, IEnumerable<InlineImage> images) =>
        images.Aggregate(html, (h, i) =>
            h.Replace($"cid:{i.ContentId}", $"data:{i.ContentType};base64,{Convert.ToBase64String(i.Content)}", StringComparison.Ordinal)
        );

    private (Dictionary<string, string> Headers, string Page) Unsubscribe(Guid userId, string language)
    {
        var o = addresses.Current;
        var token = tokens.Issue(userId, Category);
        var api = o.UnsubscribeLink(token);
        var page = o.AppLink(language, $"/unsubscribe#token={Uri.EscapeDataString(token)}");
        return (
            new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{api}>", ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" },
            page
        );
    }

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(FigureDefinitions.TimeZone);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
