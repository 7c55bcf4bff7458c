using System.Net;

namespace Participation.Api.Infrastructure.Email;

/// <summary>
/// The platform's transactional e-mails in French, Dutch and English. Every value that comes from a
/// person (names) is HTML-encoded; links carry their token in the URL fragment, never in a query string.
/// </summary>
public sealed class EmailTemplates(CityAddresses addresses)
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
            ["granted.subject"] = "Un nouveau rôle vous a été attribué",
            ["granted.body"] = "Vous êtes désormais {1} sur {0}.",
            ["revoked.subject"] = "Un de vos rôles a été retiré",
            ["revoked.body"] = "Vous n'êtes plus {1} sur {0}. Reconnectez-vous pour continuer.",
            ["role.action"] = "Ouvrir la plateforme",
            ["role.admin"] = "administrateur·rice de la plateforme",
            ["role.department_head"] = "responsable du service {0}",
            ["role.project_moderator"] = "modérateur·rice de projet",
            ["role.communication_manager"] = "responsable de la communication",
            ["role.it_manager"] = "responsable informatique",
            ["role.elected_official"] = "élu·e",
            ["role.elected_official.scoped"] = "élu·e pour le service {0}",
            ["role.no_action"] = "",
            ["invite.subject"] = "Invitation à rejoindre {0}",
            ["invite.body"] = "{2} vous invite à devenir {1} sur {0}.",
            ["invite.new"] = "Ouvrez ce lien pour créer votre compte et accepter l'invitation (valable jusqu'au {0}) :",
            ["invite.existing"] = "Ouvrez ce lien et connectez-vous avec votre compte pour accepter l'invitation (valable jusqu'au {0}) :",
            ["invite.action"] = "Accepter l'invitation",
            ["invite.message"] = "Son message :",
            ["console_invite.subject"] = "Votre accès à la console de la plateforme",
            ["console_invite.body"] = "{0} vous invite à rejoindre la console de la plateforme Participation en tant que {1}.",
            ["console_invite.how"] = "Ouvrez ce lien pour choisir votre mot de passe (valable jusqu'au {0}, une seule fois) :",
            ["console_invite.action"] = "Choisir mon mot de passe",
            ["console_role.operator"] = "opérateur·rice",
            ["console_role.support"] = "membre du support",
            ["reminder.subject"] = "Rappel : votre invitation à {0} expire bientôt",
            ["reminder.body"] = "Vous avez été invité·e à devenir {1} sur {0}. L'invitation n'a pas encore été acceptée.",
            ["org_invite.subject"] = "Rejoignez {1} sur {0}",
            ["org_invite.body"] =
                "{2} vous propose de rejoindre l'organisation {1} sur {0}. Connectez-vous avec cette adresse "
                + "e-mail (ou créez un compte avec elle) puis acceptez sur la page de l'organisation :",
            ["org_invite.action"] = "Voir l'organisation",
            ["org_verified.subject"] = "Votre organisation {1} est vérifiée",
            ["org_verified.body"] =
                "Bonne nouvelle : l'organisation {1} a été vérifiée sur {0}. Ses membres peuvent désormais participer en son nom.",
            ["org_rejected.subject"] = "Votre organisation {1} n'a pas été vérifiée",
            ["org_rejected.body"] = "L'organisation {1} n'a pas été vérifiée sur {0}. Motif : {2}",
            ["org.action"] = "Voir l'organisation",
            ["blocked.subject"] = "Votre participation sur {0} est suspendue",
            ["blocked.body"] =
                "Votre compte ne peut plus participer sur {0} jusqu'au {1} (vous pouvez toujours vous connecter et lire). Motif : {2}",
            ["blocked.action"] = "Ouvrir la plateforme",
            ["webhook_disabled.subject"] = "Webhook désactivé : {1}",
            ["webhook_disabled.body"] =
                "Le webhook {2} du client d'API {1} a été désactivé sur {0} : {3} Les événements ne lui sont plus "
                + "envoyés. Consultez son journal de livraisons, corrigez le récepteur puis réactivez-le :",
            ["webhook_disabled.failing"] = "ses livraisons échouent de manière répétée.",
            ["webhook_disabled.gone"] = "le récepteur a répondu 410 Gone (il ne veut plus de livraisons).",
            ["webhook_disabled.action"] = "Ouvrir les webhooks",
            ["retention.subject"] = "{0} : votre compte sera supprimé le {1}",
            ["retention.body"] =
                "Vous ne vous êtes plus connecté·e à {0} depuis longtemps. Sans connexion de votre part, votre compte sera "
                + "supprimé le {1} : vos contributions resteront, au nom d'un ancien participant, tout le reste sera effacé.\n\n"
                + "Vous souhaitez garder votre compte ? Connectez-vous simplement avant cette date.",
            ["retention.action"] = "Me connecter",
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
            ["granted.subject"] = "U hebt een nieuwe rol gekregen",
            ["granted.body"] = "U bent voortaan {1} op {0}.",
            ["revoked.subject"] = "Een van uw rollen werd ingetrokken",
            ["revoked.body"] = "U bent niet langer {1} op {0}. Meld u opnieuw aan om verder te gaan.",
            ["role.action"] = "Het platform openen",
            ["role.admin"] = "beheerder van het platform",
            ["role.department_head"] = "diensthoofd van {0}",
            ["role.project_moderator"] = "projectmoderator",
            ["role.communication_manager"] = "communicatieverantwoordelijke",
            ["role.it_manager"] = "IT-verantwoordelijke",
            ["role.elected_official"] = "verkozene",
            ["role.elected_official.scoped"] = "verkozene voor de dienst {0}",
            ["role.no_action"] = "",
            ["invite.subject"] = "Uitnodiging voor {0}",
            ["invite.body"] = "{2} nodigt u uit om {1} te worden op {0}.",
            ["invite.new"] = "Open deze link om uw account aan te maken en de uitnodiging te aanvaarden (geldig tot {0}):",
            ["invite.existing"] = "Open deze link en meld u aan met uw account om de uitnodiging te aanvaarden (geldig tot {0}):",
            ["invite.action"] = "De uitnodiging aanvaarden",
            ["invite.message"] = "Persoonlijk bericht:",
            ["console_invite.subject"] = "Uw toegang tot de console van het platform",
            ["console_invite.body"] = "{0} nodigt u uit voor de console van het Participation-platform als {1}.",
            ["console_invite.how"] = "Open deze link om uw wachtwoord te kiezen (geldig tot {0}, één keer):",
            ["console_invite.action"] = "Mijn wachtwoord kiezen",
            ["console_role.operator"] = "operator",
            ["console_role.support"] = "lid van de support",
            ["reminder.subject"] = "Herinnering: uw uitnodiging voor {0} verloopt binnenkort",
            ["reminder.body"] = "U werd uitgenodigd om {1} te worden op {0}. De uitnodiging werd nog niet aanvaard.",
            ["org_invite.subject"] = "Word lid van {1} op {0}",
            ["org_invite.body"] =
                "{2} nodigt u uit om lid te worden van de organisatie {1} op {0}. Meld u aan met dit e-mailadres "
                + "(of maak er een account mee aan) en aanvaard op de pagina van de organisatie:",
            ["org_invite.action"] = "De organisatie bekijken",
            ["org_verified.subject"] = "Uw organisatie {1} is geverifieerd",
            ["org_verified.body"] =
                "Goed nieuws: de organisatie {1} werd geverifieerd op {0}. Haar leden kunnen nu in haar naam deelnemen.",
            ["org_rejected.subject"] = "Uw organisatie {1} werd niet geverifieerd",
            ["org_rejected.body"] = "De organisatie {1} werd niet geverifieerd op {0}. Reden: {2}",
            ["org.action"] = "De organisatie bekijken",
            ["blocked.subject"] = "Uw deelname op {0} is opgeschort",
            ["blocked.body"] = "Uw account kan tot {1} niet meer deelnemen op {0} (u kunt nog aanmelden en lezen). Reden: {2}",
            ["blocked.action"] = "Het platform openen",
            ["webhook_disabled.subject"] = "Webhook uitgeschakeld: {1}",
            ["webhook_disabled.body"] =
                "De webhook {2} van API-client {1} werd uitgeschakeld op {0}: {3} Er worden geen gebeurtenissen meer naar "
                + "verstuurd. Bekijk het leveringslogboek, herstel de ontvanger en schakel hem opnieuw in:",
            ["webhook_disabled.failing"] = "de leveringen mislukken herhaaldelijk.",
            ["webhook_disabled.gone"] = "de ontvanger antwoordde 410 Gone (hij wil geen leveringen meer).",
            ["webhook_disabled.action"] = "De webhooks openen",
            ["retention.subject"] = "{0}: uw account wordt op {1} verwijderd",
            ["retention.body"] =
                "U hebt zich al lang niet meer aangemeld op {0}. Zonder aanmelding wordt uw account op {1} verwijderd: uw "
                + "bijdragen blijven staan als die van een oud-deelnemer, de rest wordt gewist.\n\n"
                + "Wilt u uw account behouden? Meld u gewoon aan vóór die datum.",
            ["retention.action"] = "Aanmelden",
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
            ["granted.subject"] = "You have a new role",
            ["granted.body"] = "You are now {1} on {0}.",
            ["revoked.subject"] = "One of your roles was removed",
            ["revoked.body"] = "You are no longer {1} on {0}. Log in again to continue.",
            ["role.action"] = "Open the platform",
            ["role.admin"] = "platform administrator",
            ["role.department_head"] = "head of the {0} department",
            ["role.project_moderator"] = "project moderator",
            ["role.communication_manager"] = "communication manager",
            ["role.it_manager"] = "IT manager",
            ["role.elected_official"] = "elected official",
            ["role.elected_official.scoped"] = "elected official for the {0} department",
            ["role.no_action"] = "",
            ["invite.subject"] = "Invitation to join {0}",
            ["invite.body"] = "{2} invites you to become {1} on {0}.",
            ["invite.new"] = "Open this link to create your account and accept the invitation (valid until {0}):",
            ["invite.existing"] = "Open this link and log in with your account to accept the invitation (valid until {0}):",
            ["invite.action"] = "Accept the invitation",
            ["invite.message"] = "Their message:",
            ["console_invite.subject"] = "Your access to the platform's console",
            ["console_invite.body"] = "{0} invites you to the Participation platform's console as {1}.",
            ["console_invite.how"] = "Open this link to choose your password (valid until {0}, once):",
            ["console_invite.action"] = "Choose my password",
            ["console_role.operator"] = "operator",
            ["console_role.support"] = "support staff",
            ["reminder.subject"] = "Reminder: your invitation to {0} expires soon",
            ["reminder.body"] = "You were invited to become {1} on {0}. The invitation has not been accepted yet.",
            ["org_invite.subject"] = "Join {1} on {0}",
            ["org_invite.body"] =
                "{2} invites you to join the organisation {1} on {0}. Log in with this e-mail address "
                + "(or create an account with it) and accept on the organisation's page:",
            ["org_invite.action"] = "See the organisation",
            ["org_verified.subject"] = "Your organisation {1} is verified",
            ["org_verified.body"] = "Good news: the organisation {1} was verified on {0}. Its members can now take part on its behalf.",
            ["org_rejected.subject"] = "Your organisation {1} was not verified",
            ["org_rejected.body"] = "The organisation {1} was not verified on {0}. Reason: {2}",
            ["org.action"] = "See the organisation",
            ["blocked.subject"] = "Your participation on {0} is suspended",
            ["blocked.body"] = "Your account cannot take part on {0} until {1} (you can still log in and read). Reason: {2}",
            ["blocked.action"] = "Open the platform",
            ["webhook_disabled.subject"] = "Webhook disabled: {1}",
            ["webhook_disabled.body"] =
                "The webhook {2} of the API client {1} was disabled on {0}: {3} Events are no longer sent to it. "
                + "Check its delivery log, fix the receiver, then enable it again:",
            ["webhook_disabled.failing"] = "its deliveries keep failing.",
            ["webhook_disabled.gone"] = "the receiver answered 410 Gone (it wants no more deliveries).",
            ["webhook_disabled.action"] = "Open the webhooks",
            ["retention.subject"] = "{0}: your account will be deleted on {1}",
            ["retention.body"] =
                "You have not signed in to {0} for a long time. Unless you sign in, your account will be deleted on {1}: your "
                + "contributions stay as a former participant's, everything else is erased.\n\n"
                + "Want to keep your account? Just sign in before that date.",
            ["retention.action"] = "Sign in",
        },
    };

    public OutgoingEmail ConfirmEmail(string locale, string toAddress, string firstName, string platformName, string token) =>
        Build("confirm", "account_confirm_email", locale, toAddress, firstName, platformName, Link(locale, "confirm-email", token));

    public OutgoingEmail PasswordReset(string locale, string toAddress, string firstName, string platformName, string token) =>
        Build("reset", "account_password_reset", locale, toAddress, firstName, platformName, Link(locale, "reset-password", token));

    public OutgoingEmail RoleChanged(
        string locale,
        string toAddress,
        string firstName,
        string platformName,
        string role,
        string? scopeName,
        bool granted
    )
    {
        var key = granted ? "granted" : "revoked";
        var link = addresses.Current.AppLink(locale, granted ? "/profile" : "/login");
        return Build(
            key,
            granted ? "role_granted" : "role_revoked",
            locale,
            toAddress,
            firstName,
            platformName,
            link,
            RoleLabel(locale, role, scopeName),
            "role.action",
            withIgnore: false
        );
    }

    /// <summary>The invitation (or its reminder): who invites, to which role, the personal message and the link.</summary>
    public OutgoingEmail Invitation(
        string locale,
        string toAddress,
        string? firstName,
        string platformName,
        string inviterName,
        string role,
        string? scopeName,
        string? message,
        string token,
        DateTimeOffset expiresAt,
        bool accountExists,
        bool reminder,
        string? appBaseUrl = null
    )
    {
        var t = Texts.GetValueOrDefault(locale) ?? Texts["fr"];
        string F(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, t[key], args);
        // A city being created by the operator (its domains not committed yet) is given its address.
        var link = appBaseUrl is null
            ? Link(locale, "invitation", token)
            : AppLinks.To(appBaseUrl, locale, $"/invitation#token={Uri.EscapeDataString(token)}");
        var date = expiresAt.UtcDateTime.ToString(
            locale == "nl" ? "dd-MM-yyyy" : "dd/MM/yyyy",
            System.Globalization.CultureInfo.InvariantCulture
        );
        var roleLabel = RoleLabel(locale, role, scopeName);
        var hello = firstName is { Length: > 0 } ? F("hello", firstName) : F("hello", "").Replace(" ,", ",");
        var intro = reminder ? F("reminder.body", platformName, roleLabel) : F("invite.body", platformName, roleLabel, inviterName);
        var how = F(accountExists ? "invite.existing" : "invite.new", date);
        var quoted = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        var text =
            $"{hello}\n\n{intro}\n"
            + (quoted is null ? "" : $"\n{t["invite.message"]}\n> {quoted.Replace("\n", "\n> ")}\n")
            + $"\n{how}\n{link}\n";
        var html = $"""
            <!doctype html><html lang="{locale}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{WebUtility.HtmlEncode(hello)}</p>
            <p>{WebUtility.HtmlEncode(intro)}</p>
            {(
                quoted is null
                    ? ""
                    : $"<p>{WebUtility.HtmlEncode(t["invite.message"])}</p><blockquote style=\"white-space:pre-line;border-left:3px solid "
                        + $"#ccc;margin:0;padding-left:1em\">{WebUtility.HtmlEncode(quoted)}</blockquote>"
            )}
            <p>{WebUtility.HtmlEncode(how)}</p>
            <p><a class="action" href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(t["invite.action"])}</a></p>
            </body></html>
            """;
        return new OutgoingEmail(
            reminder ? "invitation_reminder" : "invitation",
            toAddress,
            firstName,
            F(reminder ? "reminder.subject" : "invite.subject", platformName),
            text,
            html
        );
    }

    /// <summary>
    /// The invitation to the vendor's console (an operator or support person): who invites, as what, and the single-use
    /// link to the console's page where the person chooses their password, on the install's address (the console belongs
    /// to no city).
    /// </summary>
    public static OutgoingEmail OperatorInvitation(
        string locale,
        string toAddress,
        string displayName,
        string inviterName,
        string role,
        string token,
        DateTimeOffset expiresAt,
        string appBaseUrl
    )
    {
        var t = Texts.GetValueOrDefault(locale) ?? Texts["fr"];
        string F(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, t[key], args);
        var link = AppLinks.To(appBaseUrl, locale, $"/operator/invitation#token={Uri.EscapeDataString(token)}");
        var date = expiresAt.UtcDateTime.ToString(
            locale == "nl" ? "dd-MM-yyyy" : "dd/MM/yyyy",
            System.Globalization.CultureInfo.InvariantCulture
        );
        var hello = F("hello", displayName);
        var intro = F("console_invite.body", inviterName, t.GetValueOrDefault($"console_role.{role}", role));
        var how = F("console_invite.how", date);
        var text = $"{hello}\n\n{intro}\n\n{how}\n{link}\n\n{t["ignore"]}\n";
        var html = $"""
            <!doctype html><html lang="{locale}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{WebUtility.HtmlEncode(hello)}</p>
            <p>{WebUtility.HtmlEncode(intro)}</p>
            <p>{WebUtility.HtmlEncode(how)}</p>
            <p><a class="action" href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(t["console_invite.action"])}</a></p>
            <p style="color:#555">{WebUtility.HtmlEncode(t["ignore"])}</p>
            </body></html>
            """;
        return new OutgoingEmail("operator_invitation", toAddress, displayName, t["console_invite.subject"], text, html);
    }

    /// <summary>An organisation's owner asks someone to join it (sent whether or not the address has an account).</summary>
    public OutgoingEmail OrganisationInvitation(
        string locale,
        string toAddress,
        string platformName,
        string organisationName,
        string inviterName,
        Guid organisationId
    ) =>
        Simple(
            "org_invite",
            "organisation_invitation",
            locale,
            toAddress,
            null,
            platformName,
            organisationName,
            inviterName,
            $"organisations/{organisationId}"
        );

    /// <summary>The owner learns the outcome of the verification.</summary>
    public OutgoingEmail OrganisationReviewed(
        string locale,
        string toAddress,
        string firstName,
        string platformName,
        string organisationName,
        bool verified,
        string? reason,
        Guid organisationId
    ) =>
        Simple(
            verified ? "org_verified" : "org_rejected",
            verified ? "organisation_verified" : "organisation_rejected",
            locale,
            toAddress,
            firstName,
            platformName,
            organisationName,
            reason ?? "",
            $"organisations/{organisationId}",
            "org.action"
        );

    /// <summary>
    /// A resident inactive for long learns the day their account will be deleted (retention of inactive accounts), and
    /// that signing in before it keeps the account; <paramref name="dedupKey"/> makes a warning queued twice sent once.
    /// </summary>
    public OutgoingEmail AccountRetentionWarning(
        string locale,
        string toAddress,
        string firstName,
        string platformName,
        DateTimeOffset deletion,
        string dedupKey
    ) =>
        Simple(
            "retention",
            "account_retention_warning",
            locale,
            toAddress,
            firstName,
            platformName,
            Day(locale, deletion),
            "",
            "login"
        ) with
        {
            DedupKey = dedupKey,
        };

    /// <summary>A day as the reader writes it: 31/03/2026, 31-03-2026, 2026-03-31 (the API runs with invariant globalization).</summary>
    public static string Day(string locale, DateTimeOffset day) =>
        day.UtcDateTime.ToString(
            locale switch
            {
                "nl" => "dd-MM-yyyy",
                "en" => "yyyy-MM-dd",
                _ => "dd/MM/yyyy",
            },
            System.Globalization.CultureInfo.InvariantCulture
        );

    /// <summary>The person learns they are blocked from participating, until when and why.</summary>
    public OutgoingEmail Blocked(
        string locale,
        string toAddress,
        string firstName,
        string platformName,
        DateTimeOffset until,
        string reason
    )
    {
        var body = Simple(
            "blocked",
            "account_blocked",
            locale,
            toAddress,
            firstName,
            platformName,
            until.UtcDateTime.ToString(locale == "nl" ? "dd-MM-yyyy" : "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            reason,
            ""
        );
        return body with { Subject = body.Subject };
    }

    /// <summary>An IT manager (or admin) learns that a webhook was disabled, why, and where to re-enable it.</summary>
    public OutgoingEmail WebhookDisabled(
        string locale,
        string toAddress,
        string firstName,
        string platformName,
        string clientName,
        string url,
        string reason,
        string dedupKey
    )
    {
        var t = Texts.GetValueOrDefault(locale) ?? Texts["fr"];
        var why = t.GetValueOrDefault($"webhook_disabled.{reason}", t["webhook_disabled.failing"]);
        return Simple(
            "webhook_disabled",
            "webhook_disabled",
            locale,
            toAddress,
            firstName,
            platformName,
            clientName,
            url,
            "admin/webhooks",
            more: why
        ) with
        {
            DedupKey = dedupKey,
        };
    }

    private OutgoingEmail Simple(
        string key,
        string category,
        string locale,
        string to,
        string? firstName,
        string platform,
        string detail,
        string extra,
        string page,
        string? actionKey = null,
        string more = ""
    )
    {
        var t = Texts.GetValueOrDefault(locale) ?? Texts["fr"];
        string F(string k, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, t[k], args);
        var link = addresses.Current.AppLink(locale, "/" + page);
        var hello = firstName is { Length: > 0 } ? F("hello", firstName) : F("hello", "").Replace(" ,", ",");
        var body = F($"{key}.body", platform, detail, extra, more);
        var action = t[actionKey ?? $"{key}.action"];
        var text = $"{hello}\n\n{body}\n{link}\n";
        var html = $"""
            <!doctype html><html lang="{locale}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{WebUtility.HtmlEncode(hello)}</p>
            <p style="white-space:pre-line">{WebUtility.HtmlEncode(body)}</p>
            <p><a class="action" href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
            </body></html>
            """;
        return new OutgoingEmail(category, to, firstName, F($"{key}.subject", platform, detail), text, html);
    }

    /// <summary>"head of the Green spaces department", in the reader's language.</summary>
    public static string RoleLabel(string locale, string role, string? scopeName)
    {
        var t = Texts.GetValueOrDefault(locale) ?? Texts["fr"];
        var key = role == "elected_official" && scopeName is not null ? "role.elected_official.scoped" : $"role.{role}";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, t.GetValueOrDefault(key, role), scopeName ?? "");
    }

    private string Link(string locale, string page, string token) =>
        addresses.Current.AppLink(locale, $"/{page}#token={Uri.EscapeDataString(token)}");

    private static OutgoingEmail Build(
        string key,
        string category,
        string locale,
        string to,
        string firstName,
        string platform,
        string link,
        string? detail = null,
        string? actionKey = null,
        bool withIgnore = true
    )
    {
        var t = Texts.GetValueOrDefault(locale) ?? Texts["fr"];
        var hello = string.Format(System.Globalization.CultureInfo.InvariantCulture, t["hello"], firstName);
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, t[$"{key}.body"], platform, detail);
        var ignore = withIgnore ? t["ignore"] : "";
        var action = t[actionKey ?? $"{key}.action"];
        var text = $"{hello}\n\n{body}\n{link}\n\n{ignore}\n";
        var html = $"""
            <!doctype html><html lang="{locale}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{WebUtility.HtmlEncode(hello)}</p>
            <p>{WebUtility.HtmlEncode(body)}</p>
            <p><a class="action" href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
            <p style="color:#555">{WebUtility.HtmlEncode(ignore)}</p>
            </body></html>
            """;
        return new OutgoingEmail(category, to, firstName, t[$"{key}.subject"], text, html);
    }
}
