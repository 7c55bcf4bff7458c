using System.Globalization;
using System.Net;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Notifications;

/// <summary>
/// The e-mail for one notification, in the reader's language: what happened, the link to the idea, and a
/// one-click unsubscribe for the category (RFC 8058 headers plus a link in the text). Every value that
/// comes from a person is HTML-encoded.
/// </summary>
public sealed class NotificationEmails(CityAddresses addresses, UnsubscribeTokens tokens)
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["fr"] = new()
        {
            ["hello"] = "Bonjour {0},",
            ["idea_status_mine.subject"] = "Votre idée « {0} » : {1}",
            ["idea_status_mine.body"] = "Le statut de votre idée « {0} » est maintenant : {1}.",
            ["idea_status_mine.feedback_subject"] = "Réponse officielle à votre idée « {0} »",
            ["idea_status_followed.subject"] = "Du nouveau pour l'idée « {0} »",
            ["idea_status_followed.body"] = "Le statut de l'idée « {0} », que vous suivez, est maintenant : {1}.",
            ["feedback"] = "Réponse officielle de {0} :",
            ["comment_on_my_idea.subject"] = "{1} a commenté votre idée « {0} »",
            ["comment_on_my_idea.body"] = "{1} a commenté votre idée « {0} » :",
            ["reply_to_my_comment.subject"] = "{1} a répondu à votre commentaire",
            ["reply_to_my_comment.body"] = "{1} a répondu à votre commentaire sur l'idée « {0} » :",
            ["new_idea_to_moderate.subject"] = "Nouvelle idée dans votre projet : « {0} »",
            ["new_idea_to_moderate.body"] = "{1} a publié l'idée « {0} » dans un projet que vous modérez.",
            ["new_idea_to_moderate.prescreening"] = "Elle attend votre pré-modération avant d'être publique.",
            ["content_hidden.subject"] = "Votre contribution a été masquée",
            ["content_hidden.body"] =
                "Une de vos contributions (idée « {0} ») " + "a été masquée par l'équipe de modération. " + "Motif : {2}",
            ["mention.subject"] = "{1} vous a mentionné·e à propos de l'idée « {0} »",
            ["mention.body"] = "{1} vous a mentionné·e dans une note interne sur l'idée « {0} » :",
            ["idea_assigned.subject"] = "{1} vous a confié l'idée « {0} »",
            ["idea_assigned.body"] = "{1} vous a confié la réponse à l'idée « {0} ».",
            ["project_phase_started.subject"] = "« {0} » : une nouvelle phase commence",
            ["project_phase_started.body"] = "Dans le projet « {0} », que vous suivez, la phase « {1} » a commencé.",
            ["project_decision.subject"] = "« {0} » : une décision sur l'idée « {1} »",
            ["project_decision.body"] = "Dans le projet « {0} », que vous suivez, l'idée « {1} » est maintenant : {2}.",
            ["project_action"] = "Voir le projet",
            ["action"] = "Voir l'idée",
            ["footer"] = "Vous recevez cet e-mail selon vos préférences de notification.",
            ["unsubscribe"] = "Ne plus recevoir ce type d'e-mails",
            ["preferences"] = "Gérer mes notifications",
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
            ["idea_status_mine.subject"] = "Uw idee '{0}': {1}",
            ["idea_status_mine.body"] = "De status van uw idee '{0}' is nu: {1}.",
            ["idea_status_mine.feedback_subject"] = "Officiële reactie op uw idee '{0}'",
            ["idea_status_followed.subject"] = "Nieuws over het idee '{0}'",
            ["idea_status_followed.body"] = "De status van het idee '{0}', dat u volgt, is nu: {1}.",
            ["feedback"] = "Officiële reactie van {0}:",
            ["comment_on_my_idea.subject"] = "{1} reageerde op uw idee '{0}'",
            ["comment_on_my_idea.body"] = "{1} reageerde op uw idee '{0}':",
            ["reply_to_my_comment.subject"] = "{1} antwoordde op uw reactie",
            ["reply_to_my_comment.body"] = "{1} antwoordde op uw reactie bij het idee '{0}':",
            ["new_idea_to_moderate.subject"] = "Nieuw idee in uw project: '{0}'",
            ["new_idea_to_moderate.body"] = "{1} plaatste het idee '{0}' in een project dat u modereert.",
            ["new_idea_to_moderate.prescreening"] = "Het wacht op uw voorafgaande moderatie voor het openbaar wordt.",
            ["content_hidden.subject"] = "Uw bijdrage werd verborgen",
            ["content_hidden.body"] = "Een van uw bijdragen (idee '{0}') werd door de moderatoren verborgen. Reden: {2}",
            ["mention.subject"] = "{1} vermeldde u bij het idee '{0}'",
            ["mention.body"] = "{1} vermeldde u in een interne notitie bij het idee '{0}':",
            ["idea_assigned.subject"] = "{1} vertrouwde u het idee '{0}' toe",
            ["idea_assigned.body"] = "{1} vertrouwde u het antwoord op het idee '{0}' toe.",
            ["project_phase_started.subject"] = "'{0}': een nieuwe fase begint",
            ["project_phase_started.body"] = "In het project '{0}', dat u volgt, is de fase '{1}' begonnen.",
            ["project_decision.subject"] = "'{0}': een beslissing over het idee '{1}'",
            ["project_decision.body"] = "In het project '{0}', dat u volgt, is het idee '{1}' nu: {2}.",
            ["project_action"] = "Het project bekijken",
            ["action"] = "Het idee bekijken",
            ["footer"] = "U ontvangt deze e-mail volgens uw meldingsvoorkeuren.",
            ["unsubscribe"] = "Dit soort e-mails niet meer ontvangen",
            ["preferences"] = "Mijn meldingen beheren",
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
            ["idea_status_mine.subject"] = "Your idea \"{0}\": {1}",
            ["idea_status_mine.body"] = "The status of your idea \"{0}\" is now: {1}.",
            ["idea_status_mine.feedback_subject"] = "Official feedback on your idea \"{0}\"",
            ["idea_status_followed.subject"] = "News about the idea \"{0}\"",
            ["idea_status_followed.body"] = "The status of the idea \"{0}\", which you follow, is now: {1}.",
            ["feedback"] = "Official feedback from {0}:",
            ["comment_on_my_idea.subject"] = "{1} commented on your idea \"{0}\"",
            ["comment_on_my_idea.body"] = "{1} commented on your idea \"{0}\":",
            ["reply_to_my_comment.subject"] = "{1} replied to your comment",
            ["reply_to_my_comment.body"] = "{1} replied to your comment on the idea \"{0}\":",
            ["new_idea_to_moderate.subject"] = "New idea in your project: \"{0}\"",
            ["new_idea_to_moderate.body"] = "{1} posted the idea \"{0}\" in a project you moderate.",
            ["new_idea_to_moderate.prescreening"] = "It awaits your pre-moderation before it becomes public.",
            ["content_hidden.subject"] = "Your contribution was hidden",
            ["content_hidden.body"] = "One of your contributions (idea \"{0}\") was hidden by the moderators. Reason: {2}",
            ["mention.subject"] = "{1} mentioned you about the idea \"{0}\"",
            ["mention.body"] = "{1} mentioned you in an internal note on the idea \"{0}\":",
            ["idea_assigned.subject"] = "{1} assigned the idea \"{0}\" to you",
            ["idea_assigned.body"] = "{1} made you responsible for answering the idea \"{0}\".",
            ["project_phase_started.subject"] = "\"{0}\": a new phase begins",
            ["project_phase_started.body"] = "In the project \"{0}\", which you follow, the phase \"{1}\" has begun.",
            ["project_decision.subject"] = "\"{0}\": a decision on the idea \"{1}\"",
            ["project_decision.body"] = "In the project \"{0}\", which you follow, the idea \"{1}\" is now: {2}.",
            ["project_action"] = "See the project",
            ["action"] = "See the idea",
            ["footer"] = "You receive this e-mail according to your notification preferences.",
            ["unsubscribe"] = "Stop these e-mails",
            ["preferences"] = "Manage my notifications",
            ["status.prescreening"] = "awaiting moderation",
            ["status.proposed"] = "proposed",
            ["status.under_consideration"] = "under consideration",
            ["status.accepted"] = "accepted",
            ["status.rejected"] = "rejected",
            ["status.implemented"] = "implemented",
        },
    };

    public sealed record Item(
        long Id,
        Guid UserId,
        string Category,
        IReadOnlyDictionary<string, string?> Data,
        Guid? ProjectId,
        Guid? IdeaId,
        string Email,
        string FirstName,
        string Locale,
        string? IdeaTitle,
        string? ProjectSlug = null,
        string? IdeaSlug = null,
        IReadOnlyDictionary<string, string>? ProjectTitle = null
    );

    /// <summary>A localized text in the reader's language, else French, else any.</summary>
    private static string InLanguage(IReadOnlyDictionary<string, string>? text, string locale) =>
        text is null ? ""
        : text.GetValueOrDefault(locale) is { Length: > 0 } own ? own
        : text.GetValueOrDefault("fr") ?? text.Values.FirstOrDefault() ?? "";

    public OutgoingEmail Render(Item n)
    {
        var t = Texts.GetValueOrDefault(n.Locale) ?? Texts["fr"];
        string F(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, t[key], args);
        string? D(string key) => n.Data.GetValueOrDefault(key);
        var o = addresses.Current;
        var app = o.AppRoot(n.Locale);
        var link =
            n.ProjectSlug is { } p && n.IdeaSlug is { } i ? $"{app}/projects/{p}/ideas/{i}"
            : n.ProjectSlug is { } project ? $"{app}/projects/{project}"
            : $"{app}/notifications";
        var action = n.IdeaSlug is null && n.ProjectSlug is not null ? t["project_action"] : t["action"];
        var token = tokens.Issue(n.UserId, n.Category);
        var unsubscribeApi = o.UnsubscribeLink(token);
        var unsubscribePage = $"{app}/unsubscribe#token={Uri.EscapeDataString(token)}";
        var preferences = $"{app}/notifications/settings";

        var idea = n.IdeaTitle ?? D("ideaTitle") ?? "";
        var actor = D("actorName") ?? "";
        var status = D("status") is { } s ? t.GetValueOrDefault($"status.{s}", s) : "";
        var statusChanged = D("status") is not null && D("status") != D("previousStatus");
        string subject,
            intro;
        switch (n.Category.ToEnum<NotificationCategory>())
        {
            case NotificationCategory.IdeaStatusMine:
                subject = statusChanged ? F("idea_status_mine.subject", idea, status) : F("idea_status_mine.feedback_subject", idea);
                intro = statusChanged ? F("idea_status_mine.body", idea, status) : "";
                break;
            case NotificationCategory.IdeaStatusFollowed:
                subject = F("idea_status_followed.subject", idea);
                intro = statusChanged ? F("idea_status_followed.body", idea, status) : "";
                break;
            case NotificationCategory.NewIdeaToModerate:
                subject = F("new_idea_to_moderate.subject", idea);
                intro =
                    F("new_idea_to_moderate.body", idea, actor)
                    + (D("status") == Features.Ideas.IdeaStatus.Prescreening.ToWire() ? " " + t["new_idea_to_moderate.prescreening"] : "");
                break;
            case NotificationCategory.ProjectUpdatesFollowed:
                var projectTitle = InLanguage(n.ProjectTitle, n.Locale);
                if (D("kind") == "phase_started")
                {
                    var phase = D($"phaseTitle.{n.Locale}") is { Length: > 0 } own ? own : D("phaseTitle.fr") ?? "";
                    subject = F("project_phase_started.subject", projectTitle);
                    intro = F("project_phase_started.body", projectTitle, phase);
                }
                else
                {
                    subject = F("project_decision.subject", projectTitle, idea);
                    intro = F("project_decision.body", projectTitle, idea, status);
                }
                break;
            default:
                subject = F($"{n.Category}.subject", idea, actor);
                intro = F($"{n.Category}.body", idea, actor, D("reason") ?? "");
                break;
        }
        var quoteLabel = D("feedback") is { Length: > 0 } ? F("feedback", D("signedAs") ?? "") : null;
        var quote = D("feedback") is { Length: > 0 } f ? f : D("excerpt");

        var hello = F("hello", n.FirstName);
        var text =
            $"{hello}\n\n{intro}\n"
            + (quoteLabel is null ? "" : $"\n{quoteLabel}")
            + (string.IsNullOrEmpty(quote) ? "" : $"\n> {quote.Replace("\n", "\n> ")}\n")
            + $"\n{action} : {link}\n\n--\n{t["footer"]}\n{t["preferences"]} : "
            + $"{preferences}\n{t["unsubscribe"]} : {unsubscribePage}\n";
        var html = $"""
            <!doctype html><html lang="{n.Locale}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{Enc(hello)}</p>
            {(intro.Length == 0 ? "" : $"<p>{Enc(intro)}</p>")}
            {(quoteLabel is null ? "" : $"<p>{Enc(quoteLabel)}</p>")}
            {(
                string.IsNullOrEmpty(quote)
                    ? ""
                    : $"<blockquote style=\"white-space:pre-line;border-left:3px solid "
                        + $"#ccc;margin:0;padding-left:1em\">{Enc(quote)}</blockquote>"
            )}
            <p><a href="{Enc(link)}">{Enc(action)}</a></p>
            <hr><p style="color:#555;font-size:90%">{Enc(t["footer"])}<br>
            <a href="{Enc(preferences)}">{Enc(t["preferences"])}</a> · <a href="{Enc(unsubscribePage)}">{Enc(t["unsubscribe"])}</a></p>
            </body></html>
            """;
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribeApi}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new OutgoingEmail($"notification_{n.Category}", n.Email, n.FirstName, subject, text, html, headers, $"notification:{n.Id}");
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
