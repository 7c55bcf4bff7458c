using System.Globalization;
using System.Net;
using System.Text;
using Participation.Api.Features.Notifications;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Digests;

/// <summary>
/// The digests' e-mails in the reader's language (fr, nl, en), HTML and text, laid out like the platform's other
/// e-mails, with a one-click unsubscribe (RFC 8058 headers and a visible link) for the digest's category. Every value
/// that comes from a person (titles, names) is HTML-encoded.
/// </summary>
public sealed class DigestEmails(CityAddresses addresses, UnsubscribeTokens tokens)
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["fr"] = new()
        {
            ["hello"] = "Bonjour {0},",
            ["date"] = "dd/MM/yyyy",
            ["moderator.subject"] = "Ce qui vous attend (semaine du {0})",
            ["moderator.intro"] = "Voici ce qui attend votre attention dans les projets que vous modérez, pour la semaine du {0} au {1}.",
            ["moderator.project"] =
                "{0} nouvelle(s) idée(s), {1} en pré-modération, {2} signalement(s) ouvert(s), {3} sans réponse, "
                + "{4} qui vous sont confiées",
            ["moderator.manager"] = "Gestionnaire d'idées",
            ["moderator.queue"] = "File de modération",
            ["moderator.new"] = "Nouvelles idées de la semaine ({0})",
            ["moderator.prescreening"] = "en attente de pré-modération",
            ["moderator.unanswered"] = "Idées sans réponse officielle, les plus anciennes d'abord ({0})",
            ["moderator.assigned"] = "Idées qui vous sont confiées, sans réponse ({0})",
            ["moderator.flags"] = "Signalements ouverts : {0}",
            ["days"] = "{0} jour(s)",
            ["summary.subject"] = "Résumé mensuel du {0} au {1} : {2}",
            ["summary.intro"] = "Voici le résumé de la participation dans votre service du {0} au {1}.",
            ["summary.figures"] = "Chiffres du mois (entre parenthèses : période précédente de même durée, depuis le {0})",
            ["summary.projects"] = "Par projet : idées, participant·es, en attente de réponse",
            ["summary.project"] = "{0} idée(s), {1} participant·e(s), {2} en attente de réponse",
            ["summary.decisions"] = "Décisions prises",
            ["summary.waiting"] = "Idées qui attendent une réponse depuis le plus longtemps ({0} au total)",
            ["summary.phases"] = "Phases qui commencent ou se terminent le mois prochain",
            ["summary.starts"] = "commence le {0}",
            ["summary.ends"] = "se termine le {0}",
            ["summary.dashboard"] = "Voir le tableau de bord du service",
            ["footer"] = "Vous recevez ce résumé en raison de votre rôle sur la plateforme.",
            ["unsubscribe"] = "Ne plus recevoir ce résumé",
            ["preferences"] = "Mes résumés",
            ["status.prescreening"] = "en attente de modération",
            ["status.proposed"] = "proposée",
            ["status.under_consideration"] = "à l'étude",
            ["status.accepted"] = "acceptée",
            ["status.rejected"] = "refusée",
            ["status.implemented"] = "réalisée",
        },
        ["nl"] = new()
        {
            ["hello"] = "Beste {0},",
            ["date"] = "dd-MM-yyyy",
            ["moderator.subject"] = "Wat op u wacht (week van {0})",
            ["moderator.intro"] = "Dit wacht op uw aandacht in de projecten die u modereert, voor de week van {0} tot {1}.",
            ["moderator.project"] =
                "{0} nieuw(e) idee(ën), {1} in voorafgaande moderatie, {2} open melding(en), {3} zonder antwoord, {4} aan u toevertrouwd",
            ["moderator.manager"] = "Ideeënbeheer",
            ["moderator.queue"] = "Moderatiewachtrij",
            ["moderator.new"] = "Nieuwe ideeën van de week ({0})",
            ["moderator.prescreening"] = "wacht op voorafgaande moderatie",
            ["moderator.unanswered"] = "Ideeën zonder officieel antwoord, de oudste eerst ({0})",
            ["moderator.assigned"] = "Ideeën die u werden toevertrouwd, zonder antwoord ({0})",
            ["moderator.flags"] = "Open meldingen: {0}",
            ["days"] = "{0} dag(en)",
            ["summary.subject"] = "Maandoverzicht van {0} tot {1}: {2}",
            ["summary.intro"] = "Dit is het overzicht van de participatie in uw dienst van {0} tot {1}.",
            ["summary.figures"] = "Cijfers van de maand (tussen haakjes: vorige periode van dezelfde lengte, vanaf {0})",
            ["summary.projects"] = "Per project: ideeën, deelnemers, wachtend op antwoord",
            ["summary.project"] = "{0} idee(ën), {1} deelnemer(s), {2} wachtend op antwoord",
            ["summary.decisions"] = "Genomen beslissingen",
            ["summary.waiting"] = "Ideeën die het langst op een antwoord wachten ({0} in totaal)",
            ["summary.phases"] = "Fasen die volgende maand beginnen of eindigen",
            ["summary.starts"] = "begint op {0}",
            ["summary.ends"] = "eindigt op {0}",
            ["summary.dashboard"] = "Het dashboard van de dienst bekijken",
            ["footer"] = "U ontvangt dit overzicht omwille van uw rol op het platform.",
            ["unsubscribe"] = "Dit overzicht niet meer ontvangen",
            ["preferences"] = "Mijn overzichten",
            ["status.prescreening"] = "wacht op moderatie",
            ["status.proposed"] = "voorgesteld",
            ["status.under_consideration"] = "in behandeling",
            ["status.accepted"] = "aanvaard",
            ["status.rejected"] = "afgewezen",
            ["status.implemented"] = "uitgevoerd",
        },
        ["en"] = new()
        {
            ["hello"] = "Hello {0},",
            ["date"] = "dd/MM/yyyy",
            ["moderator.subject"] = "Waiting for you (week of {0})",
            ["moderator.intro"] = "Here is what waits for your attention in the projects you moderate, for the week of {0} to {1}.",
            ["moderator.project"] = "{0} new idea(s), {1} awaiting pre-moderation, {2} open flag(s), {3} unanswered, {4} assigned to you",
            ["moderator.manager"] = "Ideas manager",
            ["moderator.queue"] = "Moderation queue",
            ["moderator.new"] = "New ideas of the week ({0})",
            ["moderator.prescreening"] = "awaiting pre-moderation",
            ["moderator.unanswered"] = "Ideas without an official answer, the oldest first ({0})",
            ["moderator.assigned"] = "Ideas assigned to you, unanswered ({0})",
            ["moderator.flags"] = "Open flags: {0}",
            ["days"] = "{0} day(s)",
            ["summary.subject"] = "Monthly summary {0} to {1}: {2}",
            ["summary.intro"] = "Here is the summary of participation in your department from {0} to {1}.",
            ["summary.figures"] = "The month's figures (in brackets: the previous period of the same length, from {0})",
            ["summary.projects"] = "By project: ideas, participants, waiting for an answer",
            ["summary.project"] = "{0} idea(s), {1} participant(s), {2} waiting for an answer",
            ["summary.decisions"] = "Decisions taken",
            ["summary.waiting"] = "Ideas waiting longest for an answer ({0} in all)",
            ["summary.phases"] = "Phases starting or ending next month",
            ["summary.starts"] = "starts on {0}",
            ["summary.ends"] = "ends on {0}",
            ["summary.dashboard"] = "See the department's dashboard",
            ["footer"] = "You receive this summary because of your role on the platform.",
            ["unsubscribe"] = "Stop this summary",
            ["preferences"] = "My digests",
            ["status.prescreening"] = "awaiting moderation",
            ["status.proposed"] = "proposed",
            ["status.under_consideration"] = "under consideration",
            ["status.accepted"] = "accepted",
            ["status.rejected"] = "rejected",
            ["status.implemented"] = "implemented",
        },
    };

    /// <summary>Who receives a digest.</summary>
    public sealed record Recipient(Guid UserId, string Email, string FirstName, string Locale);

    /// <summary>A text and HTML body built side by side.</summary>
    private sealed class Body
    {
        public readonly StringBuilder Text = new();
        public readonly StringBuilder Html = new();

        public void Paragraph(string text)
        {
            Text.Append(text).Append("\n\n");
            Html.Append("<p>").Append(Enc(text)).Append("</p>\n");
        }

        public void Heading(string text)
        {
            Text.Append("## ").Append(text).Append('\n');
            Html.Append("<h2 style=\"font-size:1.1em;margin:1.2em 0 .4em\">").Append(Enc(text)).Append("</h2>\n");
        }

        /// <summary>A list of items, each a label, an optional link and an optional detail.</summary>
        public void List(IEnumerable<(string Label, string? Link, string? Detail)> items)
        {
            Html.Append("<ul>\n");
            foreach (var (label, link, detail) in items)
            {
                Text.Append("- ").Append(label).Append(detail is null ? "" : $" — {detail}").Append(link is null ? "" : $"\n  {link}");
                Text.Append('\n');
                Html.Append("<li>")
                    .Append(link is null ? Enc(label) : $"<a href=\"{Enc(link)}\">{Enc(label)}</a>")
                    .Append(detail is null ? "" : $" — {Enc(detail)}")
                    .Append("</li>\n");
            }
            Html.Append("</ul>\n");
            Text.Append('\n');
        }

        public void Link(string label, string link)
        {
            Text.Append(label).Append(" : ").Append(link).Append("\n\n");
            Html.Append("<p><a href=\"").Append(Enc(link)).Append("\">").Append(Enc(label)).Append("</a></p>\n");
        }
    }

    public OutgoingEmail Moderator(Recipient to, DateOnly start, DateOnly end, ModeratorDigest d)
    {
        var (t, app) = Setup(to.Locale);
        var body = new Body();
        body.Paragraph(t.F("hello", to.FirstName));
        body.Paragraph(t.F("moderator.intro", t.Date(start), t.Date(end.AddDays(-1))));
        foreach (var p in d.Projects)
        {
            body.Heading(p.Title);
            body.Paragraph(t.F("moderator.project", p.NewIdeas, p.AwaitingModeration, p.OpenFlags, p.Unanswered, p.AssignedToYou));
            body.List([
                (t["moderator.manager"], $"{app}/admin/projects/{p.ProjectId}/ideas", null),
                (t["moderator.queue"], $"{app}/admin/projects/{p.ProjectId}/moderation", t.F("moderator.flags", p.OpenFlags)),
            ]);
        }
        string IdeaLink(DigestIdea i) => $"{app}/projects/{i.ProjectId}/ideas/{i.Id}";
        if (d.NewIdeas.Count > 0)
        {
            body.Heading(t.F("moderator.new", d.NewIdeasTotal));
            body.List(
                d.NewIdeas.Select(i =>
                    (
                        i.Title,
                        (string?)IdeaLink(i),
                        (string?)(
                            i.Status == Ideas.IdeaStatus.Prescreening ? $"{i.ProjectTitle}, {t["moderator.prescreening"]}" : i.ProjectTitle
                        )
                    )
                )
            );
        }
        if (d.Unanswered.Count > 0)
        {
            body.Heading(t.F("moderator.unanswered", d.UnansweredTotal));
            body.List(
                d.Unanswered.Select(i => (i.Title, (string?)IdeaLink(i), (string?)$"{i.ProjectTitle}, {t.F("days", i.DaysWaiting)}"))
            );
        }
        if (d.Assigned.Count > 0)
        {
            body.Heading(t.F("moderator.assigned", d.AssignedTotal));
            body.List(d.Assigned.Select(i => (i.Title, (string?)IdeaLink(i), (string?)$"{i.ProjectTitle}, {t.F("days", i.DaysWaiting)}")));
        }
        return Finish(to, DigestKind.ModeratorDigest, t.F("moderator.subject", t.Date(start)), body, start);
    }

    public OutgoingEmail Summary(Recipient to, IReadOnlyList<DepartmentSummary> summaries)
    {
        var (t, app) = Setup(to.Locale);
        string Instant(DateTimeOffset at) => t.Date(PeriodQuery(at));
        var first = summaries[0];
        var body = new Body();
        body.Paragraph(t.F("hello", to.FirstName));
        body.Paragraph(t.F("summary.intro", t.Date(first.From), t.Date(first.To)));
        foreach (var s in summaries)
        {
            body.Heading(s.Name);
            body.Paragraph(t.F("summary.figures", t.Date(s.PreviousFrom)));
            body.List(
                s.Figures.Where(f => f.Value is not null)
                    .Select(f => (f.Label, (string?)null, (string?)$"{Number(f.Value)} ({Number(f.Previous)})"))
            );
            if (s.Projects.Count > 0)
            {
                body.Paragraph(t["summary.projects"]);
                body.List(
                    s.Projects.Select(p =>
                        (
                            p.Title,
                            (string?)$"{app}/dashboard/project/{p.ProjectId}",
                            (string?)t.F("summary.project", p.Ideas, p.Participants, p.Waiting)
                        )
                    )
                );
            }
            if (s.Decisions.Count > 0)
            {
                body.Paragraph(t["summary.decisions"]);
                body.List(
                    s.Decisions.Select(d =>
                        (
                            d.Title,
                            (string?)$"{app}/projects/{d.ProjectId}/ideas/{d.IdeaId}",
                            (string?)t.GetValueOrDefault($"status.{d.Status.ToWire()}", d.Status.ToWire())
                        )
                    )
                );
            }
            if (s.Waiting.Count > 0)
            {
                body.Paragraph(t.F("summary.waiting", s.WaitingTotal));
                body.List(
                    s.Waiting.Select(w =>
                        (
                            w.Title,
                            (string?)$"{app}/projects/{w.ProjectId}/ideas/{w.Id}",
                            (string?)$"{w.ProjectTitle}, {t.F("days", w.DaysWaiting)}"
                        )
                    )
                );
            }
            if (s.NextMonthPhases.Count > 0)
            {
                body.Paragraph(t["summary.phases"]);
                body.List(
                    s.NextMonthPhases.Select(p =>
                        (
                            $"{p.ProjectTitle} : {p.PhaseTitle}",
                            (string?)null,
                            (string?)(
                                p.Starting ? t.F("summary.starts", Instant(p.StartsAt)) : t.F("summary.ends", Instant(p.EndsAt!.Value))
                            )
                        )
                    )
                );
            }
            body.Link(t["summary.dashboard"], $"{app}/dashboard/department/{s.DepartmentId}");
        }
        var names = string.Join(", ", summaries.Select(s => s.Name));
        return Finish(
            to,
            DigestKind.DepartmentSummary,
            t.F("summary.subject", t.Date(first.From), t.Date(first.To), names),
            body,
            first.From
        );
    }

    private static DateOnly PeriodQuery(DateTimeOffset at) =>
        DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Figures.FigureDefinitions.TimeZone)).DateTime
        );

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "—";

    /// <summary>The texts of one language.</summary>
    private sealed class Words(Dictionary<string, string> texts)
    {
        public string this[string key] => texts[key];

        public string F(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, texts[key], args);

        public string GetValueOrDefault(string key, string fallback) => texts.GetValueOrDefault(key, fallback);

        public string Date(DateOnly day) => day.ToString(texts["date"], CultureInfo.InvariantCulture);
    }

    private (Words T, string App) Setup(string locale) =>
        (new Words(Texts.GetValueOrDefault(locale) ?? Texts["fr"]), addresses.Current.AppRoot(locale));

    private OutgoingEmail Finish(Recipient to, DigestKind kind, string subject, Body body, DateOnly start)
    {
        var t = Texts.GetValueOrDefault(to.Locale) ?? Texts["fr"];
        var o = addresses.Current;
        var app = o.AppRoot(to.Locale);
        var token = tokens.Issue(to.UserId, DigestPeriods.Category(kind).ToWire());
        var unsubscribeApi = o.UnsubscribeLink(token);
        var unsubscribePage = $"{app}/unsubscribe#token={Uri.EscapeDataString(token)}";
        var preferences = $"{app}/admin/digests";
        var text = body.Text + $"--\n{t["footer"]}\n{t["preferences"]} : {preferences}\n{t["unsubscribe"]} : {unsubscribePage}\n";
        var html = $"""
            <!doctype html><html lang="{to.Locale}"><body style="font-family:sans-serif;line-height:1.5">
            {body.Html}<hr><p style="color:#555;font-size:90%">{Enc(t["footer"])}<br>
            <a href="{Enc(preferences)}">{Enc(t["preferences"])}</a> · <a href="{Enc(unsubscribePage)}">{Enc(t["unsubscribe"])}</a></p>
            </body></html>
            """;
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribeApi}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new OutgoingEmail(
            $"digest_{kind.ToWire()}",
            to.Email,
            to.FirstName,
            subject,
            text,
            html,
            headers,
            DedupKey(kind, to.UserId, start)
        );
    }

    /// <summary>The outbox's key of a person's digest for a period: queued once, whatever happens.</summary>
    public static string DedupKey(DigestKind kind, Guid userId, DateOnly start) =>
        $"digest:{kind.ToWire()}:{userId}:{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
