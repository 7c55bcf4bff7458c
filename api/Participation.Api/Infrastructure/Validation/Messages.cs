namespace Participation.Api.Infrastructure.Validation;

/// <summary>
/// The language of the current request (from Accept-Language: fr, nl or en; French by default), so
/// validation messages reach people in their language. Set once per request by <see cref="UseRequestLanguage"/>.
/// </summary>
public static class RequestLanguage
{
    private static readonly AsyncLocal<string?> Value = new();
    private static readonly AsyncLocal<string?> AskedValue = new();

    public static string Current => Value.Value ?? "fr";

    /// <summary>The language the request asked for, or null when it named none of ours (no Accept-Language): links built
    /// for such a reader carry no language, and the web app negotiates it (as the change feed's links do).</summary>
    public static string? Asked => AskedValue.Value;

    public static void Set(string language) => Value.Value = language;

    public static string Negotiate(string? acceptLanguage) => NegotiateOrNull(acceptLanguage) ?? "fr";

    private static string? NegotiateOrNull(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
            return null;
        var ranked = acceptLanguage
            .Split(',')
            .Select(
                (part, index) =>
                {
                    var pieces = part.Split(';');
                    var tag = pieces[0].Trim().ToLowerInvariant();
                    var q =
                        pieces.Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("q=", StringComparison.Ordinal)) is { } qs
                        && double.TryParse(
                            qs[2..],
                            System.Globalization.NumberStyles.Float,
                            System.Globalization.CultureInfo.InvariantCulture,
                            out var parsed
                        )
                            ? parsed
                            : 1.0;
                    return (Lang: tag.Split('-')[0], Q: q, Index: index);
                }
            )
            .Where(x => TextRules.Locales.Contains(x.Lang) && x.Q > 0)
            .OrderByDescending(x => x.Q)
            .ThenBy(x => x.Index);
        return ranked.Select(x => x.Lang).FirstOrDefault();
    }

    public static WebApplication UseRequestLanguage(this WebApplication app)
    {
        Messages.UseForFluentValidation();
        app.Use(
            (http, next) =>
            {
                var asked = NegotiateOrNull(http.Request.Headers.AcceptLanguage);
                AskedValue.Value = asked;
                Set(asked ?? "fr");
                return next(http);
            }
        );
        return app;
    }
}

/// <summary>Validation messages in French, Dutch and English.</summary>
public static class Messages
{
    private static readonly Dictionary<string, (string Fr, string Nl, string En)> Texts = new()
    {
        ["required"] = ("Ce champ est obligatoire.", "Dit veld is verplicht.", "This field is required."),
        ["name_length"] = ("Entre 1 et 100 caractères.", "Tussen 1 en 100 tekens.", "Between 1 and 100 characters."),
        ["single_line"] = (
            "Les caractères de contrôle et d'inversion du sens du texte ne sont pas acceptés.",
            "Controle- en tekstrichtingstekens zijn niet toegestaan.",
            "Control and text-direction characters are not allowed."
        ),
        ["email_length"] = ("254 caractères au maximum.", "Maximaal 254 tekens.", "At most 254 characters."),
        ["email_invalid"] = (
            "Cette adresse e-mail n'est pas valide.",
            "Dit e-mailadres is niet geldig.",
            "This is not a valid e-mail address."
        ),
        ["password_length"] = ("Entre 12 et 128 caractères.", "Tussen 12 en 128 tekens.", "Between 12 and 128 characters."),
        ["locale"] = ("Choisissez fr, nl ou en.", "Kies fr, nl of en.", "One of: fr, nl, en."),
        ["french_required"] = ("Le texte en français est obligatoire.", "De Franse tekst is verplicht.", "The French text is required."),
        ["locale_keys"] = ("Langues acceptées : fr, nl, en.", "Toegestane talen: fr, nl, en.", "Languages allowed: fr, nl, en."),
        ["department_name_taken"] = (
            "Un service porte déjà ce nom.",
            "Er bestaat al een dienst met deze naam.",
            "A department with this name already exists."
        ),
        ["department_not_empty"] = (
            "Ce service a encore des responsables ou des projets : retirez-les d'abord.",
            "Deze dienst heeft nog verantwoordelijken of projecten: verwijder die eerst.",
            "This department still has heads or projects: remove them first."
        ),
        ["department_pending_invitations"] = (
            "Ce service a encore {0} invitation(s) en attente : révoquez-les d'abord.",
            "Deze dienst heeft nog {0} openstaande uitnodiging(en): trek die eerst in.",
            "This department still has {0} pending invitations: revoke them first."
        ),
        ["invitation_other_address"] = (
            "Cette invitation est destinée à une autre adresse e-mail : déconnectez-vous puis rouvrez le lien.",
            "Deze uitnodiging is voor een ander e-mailadres: meld u af en open de link opnieuw.",
            "This invitation is for another e-mail address: log out and open the link again."
        ),
        ["invitation_log_in"] = (
            "Un compte existe déjà pour cette adresse : connectez-vous pour accepter l'invitation.",
            "Er bestaat al een account voor dit adres: meld u aan om de uitnodiging te aanvaarden.",
            "An account already exists for this address: log in to accept the invitation."
        ),
        ["organisation_name_taken"] = (
            "Une organisation porte déjà ce nom.",
            "Er bestaat al een organisatie met deze naam.",
            "An organisation with this name already exists."
        ),
        ["one_of_widget_selections"] = ("Choisissez current ou chosen.", "Kies current of chosen.", "One of: current, chosen."),
        ["one_of_widget_layouts"] = ("Choisissez list ou cards.", "Kies list of cards.", "One of: list, cards."),
        ["widget_colour"] = ("Une couleur au format #rrggbb.", "Een kleur in de vorm #rrggbb.", "A colour written #rrggbb."),
        ["widget_contrast_text"] = (
            "Le texte n'est pas assez lisible sur ce fond (contraste {0}:1) : il faut au moins 4,5:1.",
            "De tekst is niet leesbaar genoeg op deze achtergrond (contrast {0}:1): minstens 4,5:1 is nodig.",
            "The text is not readable enough on this background (contrast {0}:1): at least 4.5:1 is needed."
        ),
        ["widget_contrast_accent"] = (
            "La couleur d'accent (liens, bouton) n'est pas assez contrastée sur ce fond ({0}:1) : il faut au moins 4,5:1.",
            "De accentkleur (links, knop) heeft te weinig contrast met deze achtergrond ({0}:1): minstens 4,5:1 is nodig.",
            "The accent colour (links, button) has too little contrast with this background ({0}:1): at least 4.5:1 is needed."
        ),
        ["platform_contrast_primary"] = (
            "La couleur principale (liens, en-tête) n'est pas assez contrastée sur les fonds clairs ({0}:1) : il faut au moins 4,5:1.",
            "De hoofdkleur (links, kop) heeft te weinig contrast met lichte achtergronden ({0}:1): minstens 4,5:1 is nodig.",
            "The primary colour (links, header) has too little contrast with light backgrounds ({0}:1): at least 4.5:1 is needed."
        ),
        ["platform_contrast_text"] = (
            "Le texte n'est pas assez lisible sur la couleur principale (contraste {0}:1) : il faut au moins 4,5:1.",
            "De tekst is niet leesbaar genoeg op de hoofdkleur (contrast {0}:1): minstens 4,5:1 is nodig.",
            "The text is not readable enough on the primary colour (contrast {0}:1): at least 4.5:1 is needed."
        ),
        ["platform_languages"] = (
            "Choisissez au moins une langue parmi fr, nl et en, chacune une seule fois.",
            "Kies minstens één taal uit fr, nl en en, elk één keer.",
            "Choose at least one language among fr, nl and en, each once."
        ),
        ["platform_default_language"] = (
            "La langue par défaut doit être une des langues activées.",
            "De standaardtaal moet een van de ingeschakelde talen zijn.",
            "The default language must be one of the enabled languages."
        ),
        ["platform_map_position"] = (
            "Indiquez la latitude, la longitude et le zoom, ou aucun des trois.",
            "Geef de breedtegraad, de lengtegraad en het zoomniveau op, of geen van drieën.",
            "Give the latitude, the longitude and the zoom, or none of them."
        ),
        ["platform_tile_url"] = (
            "Une adresse https avec {z}, {x} et {y}, par exemple https://tile.openstreetmap.org/{z}/{x}/{y}.png.",
            "Een https-adres met {z}, {x} en {y}, bijvoorbeeld https://tile.openstreetmap.org/{z}/{x}/{y}.png.",
            "An https address with {z}, {x} and {y}, for example https://tile.openstreetmap.org/{z}/{x}/{y}.png."
        ),
        ["platform_tile_attribution"] = (
            "Indiquez la mention des droits du fond de carte.",
            "Vermeld de bronvermelding van de kaartachtergrond.",
            "Give the map tiles' attribution."
        ),
        ["platform_settings_stale"] = (
            "Les paramètres ont été modifiés entre-temps : rechargez-les avant d'enregistrer.",
            "De instellingen werden intussen gewijzigd: laad ze opnieuw voor u opslaat.",
            "The settings were changed meanwhile: reload them before saving."
        ),
        ["page_stale"] = (
            "La page a été modifiée entre-temps : rechargez-la avant d'enregistrer.",
            "De pagina werd intussen gewijzigd: laad ze opnieuw voor u opslaat.",
            "The page was changed meanwhile: reload it before saving."
        ),
        ["home_page_stale"] = (
            "La page d'accueil a été modifiée entre-temps : rechargez-la avant d'enregistrer.",
            "De startpagina werd intussen gewijzigd: laad ze opnieuw voor u opslaat.",
            "The home page was changed meanwhile: reload it before saving."
        ),
        ["home_page_language"] = (
            "Cette langue n'est pas activée sur la plateforme.",
            "Deze taal is niet geactiveerd op het platform.",
            "This language is not enabled on the platform."
        ),
        ["home_image_alt"] = (
            "Décrivez l'image pour les personnes qui ne la voient pas (texte alternatif).",
            "Beschrijf de afbeelding voor wie ze niet ziet (alternatieve tekst).",
            "Describe the image for people who cannot see it (alternative text)."
        ),
        ["home_image_unknown"] = (
            "Cette image n'existe pas : téléversez-la d'abord.",
            "Deze afbeelding bestaat niet: laad ze eerst op.",
            "This image does not exist: upload it first."
        ),
        ["home_link"] = (
            "Indiquez un chemin du site (commençant par /) ou une adresse https://.",
            "Geef een pad op de site (beginnend met /) of een https://-adres op.",
            "Give a path on the site (starting with /) or an https:// address."
        ),
        ["home_cta_pair"] = (
            "Un appel à l'action a un libellé et un lien : remplissez les deux ou aucun.",
            "Een oproep tot actie heeft een label en een link: vul beide in of geen van beide.",
            "A call to action has a label and a link: fill in both or neither."
        ),
        ["home_pinned_unknown"] = (
            "Épinglez uniquement des projets publiés.",
            "Zet alleen gepubliceerde projecten vast.",
            "Pin published projects only."
        ),
        ["home_pinned_too_many"] = (
            "Six projets épinglés au plus, chacun une seule fois.",
            "Hoogstens zes vastgezette projecten, elk één keer.",
            "At most six pinned projects, each once."
        ),
        ["home_sections"] = (
            "Chaque type de section apparaît une seule fois.",
            "Elk type sectie komt één keer voor.",
            "Each kind of section appears once."
        ),
        ["page_slug"] = (
            "80 caractères au plus : lettres minuscules sans accents, chiffres et traits d'union (par exemple a-propos).",
            "Hoogstens 80 tekens: kleine letters zonder accenten, cijfers en koppeltekens (bijvoorbeeld over-ons).",
            "At most 80 characters: lowercase letters without accents, digits and hyphens (for example about-us)."
        ),
        ["page_slug_taken"] = (
            "Cette adresse est déjà celle d'une autre page (ou l'a été) : choisissez-en une autre.",
            "Dit adres is (of was) al dat van een andere pagina: kies een ander.",
            "This address is (or was) another page's: choose another one."
        ),
        ["project_slug"] = (
            "100 caractères au plus : lettres minuscules sans accents, chiffres et traits d'union (par exemple renovation-de-la-place).",
            "Hoogstens 100 tekens: kleine letters zonder accenten, cijfers en koppeltekens (bijvoorbeeld heraanleg-van-het-plein).",
            "At most 100 characters: lowercase letters without accents, digits and hyphens (for example square-renovation)."
        ),
        ["project_slug_taken"] = (
            "Cette adresse est déjà celle d'un autre projet (ou l'a été) : choisissez-en une autre.",
            "Dit adres is (of was) al dat van een ander project: kies een ander.",
            "This address is (or was) another project's: choose another one."
        ),
        ["page_text_required"] = (
            "Écrivez la page dans au moins une langue.",
            "Schrijf de pagina in minstens één taal.",
            "Write the page in at least one language."
        ),
        ["page_kind_exists"] = (
            "Cette page existe déjà : modifiez-la plutôt que d'en créer une autre.",
            "Deze pagina bestaat al: wijzig ze in plaats van een nieuwe te maken.",
            "This page exists already: edit it rather than create another one."
        ),
        ["page_standard_delete"] = (
            "Les pages standard ne peuvent pas être supprimées : repassez-la en brouillon.",
            "Standaardpagina's kunnen niet verwijderd worden: zet ze terug als concept.",
            "Standard pages cannot be deleted: take it back to draft instead."
        ),
        ["platform_logo_type"] = (
            "Seules les images PNG, JPEG ou WebP sont acceptées (pas de SVG : il peut contenir des scripts).",
            "Alleen PNG-, JPEG- of WebP-afbeeldingen worden aanvaard (geen SVG: het kan scripts bevatten).",
            "Only PNG, JPEG or WebP images are accepted (no SVG: it can carry scripts)."
        ),
        ["platform_favicon_type"] = (
            "Seules les icônes PNG ou ICO sont acceptées.",
            "Alleen PNG- of ICO-pictogrammen worden aanvaard.",
            "Only PNG or ICO icons are accepted."
        ),
        ["widget_origin"] = (
            "« {0} » n'est pas une origine : indiquez https://site.exemple, sans chemin (http seulement pour localhost).",
            "'{0}' is geen origin: geef https://site.voorbeeld op, zonder pad (http alleen voor localhost).",
            "'{0}' is not an origin: give https://site.example, without a path (http only for localhost)."
        ),
        ["widget_origins_max"] = ("{0} origines au maximum.", "Maximaal {0} origins.", "At most {0} origins."),
        ["widget_projects_chosen"] = ("Choisissez de 1 à {0} projets.", "Kies 1 tot {0} projecten.", "Choose 1 to {0} projects."),
        ["widget_projects_current"] = (
            "Les projets en cours sont choisis automatiquement : n'en indiquez pas.",
            "De lopende projecten worden automatisch gekozen: geef er geen op.",
            "Current projects are picked automatically: give none."
        ),
        ["widget_project_unknown"] = ("Projet inconnu : {0}.", "Onbekend project: {0}.", "Unknown project: {0}."),
        ["event_end_after_start"] = (
            "La fin doit être après le début.",
            "Het einde moet na het begin liggen.",
            "The end must be after the start."
        ),
        ["event_too_long"] = (
            "Un événement dure au plus 31 jours.",
            "Een evenement duurt hoogstens 31 dagen.",
            "An event lasts 31 days at most."
        ),
        ["event_date_range"] = (
            "Choisissez une date entre 2000 et 2100.",
            "Kies een datum tussen 2000 en 2100.",
            "Choose a date between 2000 and 2100."
        ),
        ["event_point"] = (
            "Indiquez la latitude et la longitude, ou aucune des deux.",
            "Geef de breedte- en de lengtegraad op, of geen van beide.",
            "Give both latitude and longitude, or neither."
        ),
        ["event_online_url"] = (
            "Indiquez une adresse web complète et sécurisée (https://...).",
            "Geef een volledig en beveiligd webadres op (https://...).",
            "Enter a full, secure web address (https://...)."
        ),
        ["event_capacity_below_registered"] = (
            "Plus de personnes sont déjà inscrites que cette capacité.",
            "Er zijn al meer mensen ingeschreven dan deze capaciteit.",
            "More people are already registered than this capacity."
        ),
        ["content_calendar_window"] = (
            "Choisissez une période de {0} jours au plus.",
            "Kies een periode van hoogstens {0} dagen.",
            "Choose a window of at most {0} days."
        ),
        ["content_calendar_kinds"] = (
            "Types inconnus : phase_start, phase_end, event, campaign_scheduled, campaign_sent, briefing_planned, briefing_sent.",
            "Onbekende soorten: phase_start, phase_end, event, campaign_scheduled, campaign_sent, briefing_planned, briefing_sent.",
            "One of: phase_start, phase_end, event, campaign_scheduled, campaign_sent, briefing_planned, briefing_sent."
        ),
        ["one_of_event_periods"] = ("Choisissez upcoming ou past.", "Kies upcoming of past.", "One of: upcoming, past."),
        ["website_invalid"] = (
            "Indiquez une adresse web complète (https://...).",
            "Geef een volledig webadres op (https://...).",
            "Enter a full web address (https://...)."
        ),
        ["phase_overlap"] = (
            "Cette phase chevauche une autre phase du projet.",
            "Deze fase overlapt met een andere fase van het project.",
            "This phase overlaps another phase of the project."
        ),
        ["phase_end_after_start"] = (
            "La fin doit suivre le début.",
            "Het einde moet na het begin komen.",
            "The end must come after the start."
        ),
        ["setting_not_for_method"] = (
            "Ce réglage ne s'applique pas à ce type de phase.",
            "Deze instelling geldt niet voor dit soort fase.",
            "This setting does not apply to this kind of phase."
        ),
        ["budget_required"] = (
            "Une phase de budget participatif a besoin d'un budget positif.",
            "Een fase met participatief budget heeft een positief budget nodig.",
            "A budgeting phase needs a positive budget."
        ),
        ["audience"] = (
            "Choisissez : tout le monde, inscrits, e-mail confirmé ou équipe.",
            "Kies: iedereen, geregistreerd, bevestigd e-mailadres of team.",
            "One of: everyone, registered, confirmed_email, staff."
        ),
        ["between_1_1000"] = ("Entre 1 et 1000.", "Tussen 1 en 1000.", "Between 1 and 1000."),
        ["minimum_spend"] = (
            "Le montant minimum doit être positif et ne pas dépasser le budget.",
            "Het minimumbedrag moet positief zijn en mag het budget niet overschrijden.",
            "The minimum spend must be positive and within the budget."
        ),
        ["budget_below_baskets"] = (
            "Des paniers dépassent déjà ce budget : il ne peut pas être réduit autant.",
            "Sommige mandjes overschrijden dit budget al: het kan niet zoveel verlaagd worden.",
            "Some baskets already exceed this budget: it cannot be lowered that far."
        ),
        ["cost_invalid"] = (
            "Le coût doit être positif ou nul (deux décimales au plus).",
            "De kostprijs moet positief of nul zijn (hoogstens twee decimalen).",
            "The cost must be zero or positive (at most two decimals)."
        ),
        ["cost_locked"] = (
            "Cette idée est déjà dans des paniers : son coût ne peut plus changer.",
            "Dit idee zit al in mandjes: de kostprijs kan niet meer veranderen.",
            "This idea is already in baskets: its cost can no longer change."
        ),
        ["cost_missing"] = (
            "Cette idée n'a pas encore de coût : elle ne peut pas être ajoutée au panier.",
            "Dit idee heeft nog geen kostprijs: het kan niet in het mandje.",
            "This idea has no cost yet: it cannot be added to a basket."
        ),
        ["cost_above_budget"] = (
            "Cette idée coûte plus que le budget total.",
            "Dit idee kost meer dan het volledige budget.",
            "This idea costs more than the whole budget."
        ),
        ["over_budget"] = (
            "Votre panier dépasserait le budget : retirez d'abord une idée.",
            "Uw mandje zou het budget overschrijden: verwijder eerst een idee.",
            "Your basket would go over the budget: remove an idea first."
        ),
        ["basket_submitted"] = (
            "Votre panier est envoyé : rouvrez-le pour le modifier.",
            "Uw mandje is ingediend: heropen het om het te wijzigen.",
            "Your basket is submitted: reopen it to change it."
        ),
        ["basket_not_submitted"] = (
            "Votre panier n'est pas encore envoyé.",
            "Uw mandje is nog niet ingediend.",
            "Your basket is not submitted yet."
        ),
        ["basket_minimum_spend"] = (
            "Dépensez au moins {0} avant d'envoyer votre panier.",
            "Besteed minstens {0} voor u uw mandje indient.",
            "Spend at least {0} before submitting your basket."
        ),
        ["basket_minimum_ideas"] = (
            "Choisissez au moins {0} idées avant d'envoyer votre panier.",
            "Kies minstens {0} ideeën voor u uw mandje indient.",
            "Choose at least {0} ideas before submitting your basket."
        ),
        ["basket_empty"] = ("Votre panier est vide.", "Uw mandje is leeg.", "Your basket is empty."),
        ["not_votable"] = (
            "On ne peut pas voter pour cette idée.",
            "Op dit idee kan niet gestemd worden.",
            "This idea cannot be voted on."
        ),
        ["poll_without_questions"] = (
            "Ce sondage n'a pas encore de question.",
            "Deze peiling heeft nog geen vragen.",
            "This poll has no questions yet."
        ),
        ["method_has_questionnaire"] = (
            "Cette phase a un questionnaire : sa méthode ne peut plus changer. Créez une autre phase.",
            "Deze fase heeft een vragenlijst: de methode kan niet meer veranderen. Maak een andere fase aan.",
            "This phase has a questionnaire: its method can no longer change. Add another phase instead."
        ),
        ["results_not_published"] = (
            "Les résultats seront publiés à la fin de la phase.",
            "De resultaten worden aan het einde van de fase bekendgemaakt.",
            "The results will be published at the end of the phase."
        ),
        ["survey_results_not_published"] = (
            "Les résultats de cette enquête ne sont pas encore publiés.",
            "De resultaten van deze bevraging zijn nog niet bekendgemaakt.",
            "The results of this survey are not published yet."
        ),
        ["idempotency_mismatch"] = (
            "Cette clé d'idempotence a déjà servi pour une autre requête.",
            "Deze idempotentiesleutel werd al voor een ander verzoek gebruikt.",
            "This idempotency key was already used for a different request."
        ),
        ["idempotency_in_progress"] = (
            "Une requête avec cette clé d'idempotence est en cours : réessayez dans un instant.",
            "Een verzoek met deze idempotentiesleutel is bezig: probeer zo dadelijk opnieuw.",
            "A request with this idempotency key is in progress: retry in a moment."
        ),
        ["between_1_100000"] = ("Entre 1 et 100000.", "Tussen 1 en 100000.", "Between 1 and 100000."),
        ["reason.not_signed_in"] = ("Connectez-vous pour participer.", "Meld u aan om deel te nemen.", "Log in to take part."),
        ["reason.email_not_confirmed"] = (
            "Confirmez d'abord votre adresse e-mail.",
            "Bevestig eerst uw e-mailadres.",
            "Confirm your e-mail address first."
        ),
        ["reason.not_permitted"] = (
            "Cette action est réservée à d'autres participants dans cette phase.",
            "Deze actie is in deze fase voorbehouden aan andere deelnemers.",
            "This action is reserved for other participants in this phase."
        ),
        ["reason.phase_not_active"] = (
            "Cette action n'est pas ouverte dans la phase en cours.",
            "Deze actie is niet open in de huidige fase.",
            "This action is not open in the current phase."
        ),
        ["reason.project_archived"] = ("Ce projet est archivé.", "Dit project is gearchiveerd.", "This project is archived."),
        ["reason.limit_reached"] = (
            "Vous avez atteint la limite de cette phase.",
            "U hebt de limiet van deze fase bereikt.",
            "You have reached this phase's limit."
        ),
        ["reason.already_responded"] = ("Vous avez déjà répondu.", "U hebt al geantwoord.", "You have already responded."),
        ["reason.blocked"] = ("Votre participation est suspendue.", "Uw deelname is opgeschort.", "Your participation is suspended."),
        ["idea_title_length"] = ("Entre 3 et 120 caractères.", "Tussen 3 en 120 tekens.", "Between 3 and 120 characters."),
        ["topics_count"] = ("10 thèmes au maximum.", "Maximaal 10 thema's.", "At most 10 topics."),
        ["topic_length"] = ("Un thème compte 1 à 40 caractères.", "Een thema telt 1 tot 40 tekens.", "A topic has 1 to 40 characters."),
        ["latitude_range"] = (
            "La latitude est comprise entre -90 et 90.",
            "De breedtegraad ligt tussen -90 en 90.",
            "Latitude is between -90 and 90."
        ),
        ["longitude_range"] = (
            "La longitude est comprise entre -180 et 180.",
            "De lengtegraad ligt tussen -180 en 180.",
            "Longitude is between -180 and 180."
        ),
        ["address_query_length"] = ("Entre 3 et 200 caractères.", "Tussen 3 en 200 tekens.", "Between 3 and 200 characters."),
        ["location_required"] = (
            "Cette phase demande un emplacement sur la carte.",
            "Deze fase vraagt een locatie op de kaart.",
            "This phase asks for a location on the map."
        ),
        ["location_pair"] = (
            "Donnez la latitude et la longitude, ou aucune des deux.",
            "Geef breedte- en lengtegraad, of geen van beide.",
            "Give both latitude and longitude, or neither."
        ),
        ["not_organisation_member"] = (
            "Vous ne pouvez publier qu'au nom d'une organisation vérifiée dont vous êtes membre.",
            "U kunt alleen publiceren namens een geverifieerde organisatie waarvan u lid bent.",
            "You can only post on behalf of a verified organisation you belong to."
        ),
        ["idea_locked"] = (
            "La ville examine déjà cette idée : elle ne peut plus être modifiée ni retirée.",
            "De stad bekijkt dit idee al: het kan niet meer gewijzigd of ingetrokken worden.",
            "The city is already reviewing this idea: it can no longer be edited or withdrawn."
        ),
        ["idea_withdrawn"] = (
            "Cette idée a été retirée par son auteur.",
            "Dit idee werd door de auteur ingetrokken.",
            "This idea was withdrawn by its author."
        ),
        ["idea_status"] = (
            "Statuts possibles : proposed, under_consideration, accepted, rejected, implemented.",
            "Mogelijke statussen: proposed, under_consideration, accepted, rejected, implemented.",
            "One of: proposed, under_consideration, accepted, rejected, implemented."
        ),
        ["nothing_to_change"] = (
            "Changez le statut ou rédigez une réponse officielle.",
            "Wijzig de status of schrijf een officiële reactie.",
            "Change the status or write official feedback."
        ),
        ["awaiting_prescreening"] = (
            "Cette idée attend la pré-modération : approuvez-la ou refusez-la d'abord.",
            "Dit idee wacht op voorafgaande moderatie: keur het eerst goed of af.",
            "This idea awaits pre-moderation: approve or reject it first."
        ),
        ["idea_status_any"] = (
            "Statuts possibles : prescreening, proposed, under_consideration, accepted, rejected, implemented.",
            "Mogelijke statussen: prescreening, proposed, under_consideration, accepted, rejected, implemented.",
            "One of: prescreening, proposed, under_consideration, accepted, rejected, implemented."
        ),
        ["one_of_managed_idea_sorts"] = (
            "Choisissez newest, oldest, most_supported, most_commented ou waiting_longest.",
            "Kies newest, oldest, most_supported, most_commented of waiting_longest.",
            "One of: newest, oldest, most_supported, most_commented, waiting_longest."
        ),
        ["waiting_days"] = (
            "Un nombre de jours d'attente ne va qu'avec les idées en attente de réponse.",
            "Een aantal wachtdagen gaat alleen samen met ideeën die op een antwoord wachten.",
            "A number of waiting days only goes with ideas waiting for an answer."
        ),
        ["assignee_filter"] = (
            "L'identifiant d'une personne, none (personne) ou me (moi).",
            "De id van een persoon, none (niemand) of me (ikzelf).",
            "A person's id, none (nobody) or me."
        ),
        ["assignee_not_staff"] = (
            "Choisissez quelqu'un de l'équipe du projet : ses modérateurs, les chefs de son département ou un administrateur.",
            "Kies iemand van het projectteam: de moderatoren, de hoofden van de afdeling of een beheerder.",
            "Choose someone of the project's staff: its moderators, its department's heads or an admin."
        ),
        ["idea_ids_count"] = ("Choisissez de 1 à {0} idées.", "Kies 1 tot {0} ideeën.", "Choose 1 to {0} ideas."),
        ["idea_ids_distinct"] = ("Chaque idée une seule fois.", "Elk idee maar één keer.", "Each idea only once."),
        ["feedback_template_unknown"] = (
            "Ce modèle de réponse n'existe pas dans ce projet.",
            "Dit antwoordsjabloon bestaat niet in dit project.",
            "This feedback template does not exist in this project."
        ),
        ["feedback_template_title_length"] = ("Entre 1 et 120 caractères.", "Tussen 1 en 120 tekens.", "Between 1 and 120 characters."),
        ["feedback_template_title_taken"] = (
            "Ce projet a déjà un modèle de réponse portant ce titre.",
            "Dit project heeft al een antwoordsjabloon met deze titel.",
            "This project already has a feedback template with this title."
        ),
        ["feedback_template_limit"] = (
            "Un projet garde au plus {0} modèles de réponse.",
            "Een project bewaart hoogstens {0} antwoordsjablonen.",
            "A project keeps at most {0} feedback templates."
        ),
        ["not_awaiting_prescreening"] = (
            "Cette idée n'attend pas de pré-modération.",
            "Dit idee wacht niet op voorafgaande moderatie.",
            "This idea is not awaiting pre-moderation."
        ),
        ["reply_depth"] = (
            "On ne peut répondre qu'à un commentaire principal de la même idée.",
            "U kunt alleen reageren op een hoofdreactie bij hetzelfde idee.",
            "You can only reply to a top-level comment on the same idea."
        ),
        ["comment_hidden"] = (
            "Ce commentaire est masqué par la modération : il ne peut plus être modifié.",
            "Deze reactie werd door de moderatie verborgen: ze kan niet meer gewijzigd worden.",
            "This comment was hidden by the moderators: it can no longer be changed."
        ),
        ["comment_deleted"] = ("Ce commentaire a été supprimé.", "Deze reactie werd verwijderd.", "This comment was deleted."),
        ["dislikes_off"] = (
            "Cette phase n'accepte que les « j'aime ».",
            "Deze fase aanvaardt alleen 'vind ik leuk'.",
            "This phase only accepts likes."
        ),
        ["reaction_kind"] = ("Choisissez like ou dislike.", "Kies like of dislike.", "One of: like, dislike."),
        ["mention_not_staff"] = (
            "Seule l'équipe du projet peut être mentionnée.",
            "Alleen het projectteam kan vermeld worden.",
            "Only the project's staff can be mentioned."
        ),
        ["already_flagged"] = (
            "Vous avez déjà signalé ce contenu.",
            "U hebt deze inhoud al gemeld.",
            "You have already reported this content."
        ),
        ["flag_reason"] = (
            "Choisissez spam, inappropriate ou other.",
            "Kies spam, inappropriate of other.",
            "One of: spam, inappropriate, other."
        ),
        ["flag_details_required"] = ("Expliquez le problème.", "Leg het probleem uit.", "Explain the problem."),
        ["not_hidden"] = ("Ce contenu n'est pas masqué.", "Deze inhoud is niet verborgen.", "This content is not hidden."),
        ["notification_channel"] = ("Choisissez email, in_app ou off.", "Kies email, in_app of off.", "One of: email, in_app, off."),
        ["notification_category"] = (
            "Catégorie de notification inconnue.",
            "Onbekende meldingscategorie.",
            "Unknown notification category."
        ),
        ["currency"] = (
            "Un code de devise de trois lettres, par exemple EUR.",
            "Een munteenheidscode van drie letters, bijvoorbeeld EUR.",
            "A three-letter currency code, such as EUR."
        ),
        ["campaign_segment_kind"] = (
            "Choisissez à qui envoyer la campagne.",
            "Kies naar wie de campagne gaat.",
            "Choose who receives the campaign."
        ),
        ["campaign_segment_project"] = ("Choisissez un projet.", "Kies een project.", "Choose a project."),
        ["campaign_segment_roles"] = ("Choisissez au moins un rôle.", "Kies minstens één rol.", "Choose at least one role."),
        ["campaign_segment_area"] = ("Choisissez un quartier.", "Kies een wijk.", "Choose an area."),
        ["campaign_project_unknown"] = ("Ce projet n'existe pas.", "Dit project bestaat niet.", "This project does not exist."),
        ["campaign_not_draft"] = (
            "Seul un brouillon peut être modifié ou envoyé.",
            "Alleen een concept kan worden gewijzigd of verstuurd.",
            "Only a draft can be edited or sent."
        ),
        ["campaign_not_scheduled"] = (
            "Seule une campagne programmée peut être annulée.",
            "Alleen een geplande campagne kan worden geannuleerd.",
            "Only a scheduled campaign can be cancelled."
        ),
        ["campaign_schedule_range"] = (
            "Choisissez un moment entre maintenant et dans un an.",
            "Kies een tijdstip tussen nu en over een jaar.",
            "Choose a time between now and a year from now."
        ),
        ["too_long"] = ("Ce texte est trop long.", "Deze tekst is te lang.", "This text is too long."),
        ["database_unavailable"] = (
            "Le service est momentanément indisponible. Réessayez dans quelques instants.",
            "De dienst is tijdelijk niet beschikbaar. Probeer het over enkele ogenblikken opnieuw.",
            "The service is briefly unavailable. Try again in a moment."
        ),
        ["storage_full"] = (
            "L'espace de stockage des fichiers est plein : le fichier n'a pas été enregistré. Réessayez plus tard.",
            "De opslagruimte voor bestanden is vol: het bestand is niet opgeslagen. Probeer het later opnieuw.",
            "The file store is full: the file was not saved. Try again later."
        ),
        ["email_taken"] = (
            "Un compte existe déjà pour cette adresse : connectez-vous ou réinitialisez votre mot de passe.",
            "Er bestaat al een account voor dit adres: meld u aan of stel uw wachtwoord opnieuw in.",
            "An account already exists for this e-mail address: log in or reset your password."
        ),
        ["retention_months"] = (
            "Entre {0} et {1} mois, ou rien pour ne jamais supprimer les comptes inactifs.",
            "Tussen {0} en {1} maanden, of niets om inactieve accounts nooit te verwijderen.",
            "Between {0} and {1} months, or none to never delete inactive accounts."
        ),
        ["current_password_wrong"] = (
            "Le mot de passe actuel est incorrect.",
            "Het huidige wachtwoord is onjuist.",
            "The current password is wrong."
        ),
        ["password_unchanged"] = (
            "Choisissez un mot de passe différent de l’actuel.",
            "Kies een ander wachtwoord dan het huidige.",
            "Choose a password other than the current one."
        ),
        ["question_type"] = (
            "Types possibles : single_choice, multiple_choice, short_text, long_text, linear_scale, number, ranking, map_point.",
            "Mogelijke types: single_choice, multiple_choice, short_text, long_text, linear_scale, number, ranking, map_point.",
            "One of: single_choice, multiple_choice, short_text, long_text, linear_scale, number, ranking, map_point."
        ),
        ["poll_question_type"] = (
            "Un sondage ne propose que des questions à choix unique ou multiple.",
            "Een peiling heeft alleen vragen met één of meer keuzes.",
            "A poll only has single or multiple choice questions."
        ),
        ["poll_shape"] = (
            "Un sondage compte une seule section de 1 à 5 questions.",
            "Een peiling heeft één sectie met 1 tot 5 vragen.",
            "A poll has one section of 1 to 5 questions."
        ),
        ["survey_sections_count"] = ("Entre 1 et 20 sections.", "Tussen 1 en 20 secties.", "Between 1 and 20 sections."),
        ["survey_questions_count"] = ("200 questions au plus.", "Maximaal 200 vragen.", "At most 200 questions."),
        ["options_count"] = ("Entre 2 et 50 choix.", "Tussen 2 en 50 keuzes.", "Between 2 and 50 choices."),
        ["options_not_for_type"] = (
            "Ce type de question n'a pas de choix.",
            "Dit soort vraag heeft geen keuzes.",
            "This kind of question has no choices."
        ),
        ["setting_not_for_type"] = (
            "Ce réglage ne s'applique pas à ce type de question.",
            "Deze instelling geldt niet voor dit soort vraag.",
            "This setting does not apply to this kind of question."
        ),
        ["selections_range"] = (
            "Entre 1 et le nombre de choix, le minimum ne dépassant pas le maximum.",
            "Tussen 1 en het aantal keuzes, het minimum niet boven het maximum.",
            "Between 1 and the number of choices, the minimum not above the maximum."
        ),
        ["between_1_10000"] = ("Entre 1 et 10000.", "Tussen 1 en 10000.", "Between 1 and 10000."),
        ["scale_points"] = ("Une échelle compte de 2 à 11 points.", "Een schaal telt 2 tot 11 punten.", "A scale has 2 to 11 points."),
        ["number_range"] = (
            "Le minimum doit être inférieur au maximum (12 chiffres avant la virgule et 6 après, au plus).",
            "Het minimum moet kleiner zijn dan het maximum (hoogstens 12 cijfers voor en 6 na de komma).",
            "The minimum must be below the maximum (at most 12 digits before the decimal point and 6 after)."
        ),
        ["survey_unknown_id"] = (
            "Cet élément n'appartient pas à ce questionnaire : retirez son identifiant pour le créer.",
            "Dit element hoort niet bij deze vragenlijst: laat de id weg om het aan te maken.",
            "This item does not belong to this questionnaire: leave its id out to create it."
        ),
        ["survey_duplicate_id"] = (
            "Cet identifiant apparaît plusieurs fois.",
            "Deze id komt meer dan eens voor.",
            "This id appears more than once."
        ),
        ["survey_stale"] = (
            "Quelqu'un a enregistré ce questionnaire entre-temps : rechargez-le avant de le modifier.",
            "Iemand heeft deze vragenlijst intussen opgeslagen: laad ze opnieuw voor u ze wijzigt.",
            "Someone saved this questionnaire in between: reload it before changing it."
        ),
        ["onboarding_role"] = (
            "Choisissez un rôle du personnel : admin, department_head, project_moderator, communication_manager, it_manager ou "
                + "elected_official.",
            "Kies een personeelsrol: admin, department_head, project_moderator, communication_manager, it_manager of "
                + "elected_official.",
            "One of the staff roles: admin, department_head, project_moderator, communication_manager, it_manager, elected_official."
        ),
        ["project_setup_stale"] = (
            "Quelqu'un a enregistré cette liste de démarrage entre-temps : rechargez-la avant de la modifier.",
            "Iemand heeft deze startlijst intussen opgeslagen: laad ze opnieuw voor u ze wijzigt.",
            "Someone saved this setup checklist in between: reload it before changing it."
        ),
        ["report_stale"] = (
            "Quelqu'un a enregistré ce rapport entre-temps : rechargez-le avant de le modifier.",
            "Iemand heeft dit rapport intussen opgeslagen: laad het opnieuw voor u het wijzigt.",
            "Someone saved this report in between: reload it before changing it."
        ),
        ["report_sections"] = (
            "Choisissez des sections connues, chacune une seule fois.",
            "Kies bekende onderdelen, elk één keer.",
            "Choose known sections, each once."
        ),
        ["report_phases"] = (
            "Choisissez des phases de ce projet, chacune une seule fois (100 au plus).",
            "Kies fasen van dit project, elk één keer (hoogstens 100).",
            "Choose phases of this project, each once (100 at most)."
        ),
        ["report_too_long"] = ("Ce texte est trop long.", "Deze tekst is te lang.", "This text is too long."),
        ["report_recipients_count"] = (
            "Choisissez de 1 à {0} destinataires, chacun une seule fois.",
            "Kies 1 tot {0} ontvangers, elk één keer.",
            "Choose 1 to {0} recipients, each once."
        ),
        ["report_recipient"] = (
            "Le rapport ne peut être envoyé qu'aux responsables du service et aux élu·e·s concerné·e·s.",
            "Het rapport kan alleen naar de diensthoofden en de betrokken verkozenen worden gestuurd.",
            "The report can only be sent to the department's heads and the officials concerned."
        ),
        ["survey_locked"] = (
            "Des réponses ont déjà été envoyées : seule la formulation peut encore changer (titres, aides, "
                + "choix et libellés d'échelle). La question « {0} » ne peut plus être ajoutée, supprimée, "
                + "déplacée, changer de type, de caractère obligatoire, de réglages ou de choix.",
            "Er zijn al antwoorden ingediend: alleen de formulering kan nog veranderen (titels, hulpteksten, "
                + "keuzes en schaallabels). De vraag '{0}' kan niet meer toegevoegd, verwijderd of verplaatst "
                + "worden, en type, verplicht, instellingen of keuzes kunnen niet meer veranderen.",
            "Responses were already submitted: only the wording may change now (titles, help texts, choice and scale labels). Question "
                + "\"{0}\" can no longer be added, removed or moved, nor change its type, required flag, settings or choices."
        ),
        ["survey_locked_sections"] = (
            "Des réponses ont déjà été envoyées : seule la formulation peut encore changer. Les "
                + "sections ne peuvent plus être ajoutées, supprimées ni déplacées.",
            "Er zijn al antwoorden ingediend: alleen de formulering kan nog veranderen. "
                + "Secties kunnen niet meer toegevoegd, verwijderd of verplaatst worden.",
            "Responses were already submitted: only the wording may change now. Sections can no longer be added, removed or moved."
        ),
        ["answer_unknown_question"] = (
            "Cette question n'existe pas dans ce questionnaire.",
            "Deze vraag bestaat niet in deze vragenlijst.",
            "This question is not part of this questionnaire."
        ),
        ["answer_duplicate"] = ("Une seule réponse par question.", "Eén antwoord per vraag.", "One answer per question."),
        ["answer_value_type"] = (
            "Cette réponse ne correspond pas au type de la question.",
            "Dit antwoord past niet bij het soort vraag.",
            "This answer does not fit the kind of question."
        ),
        ["answer_one_choice"] = ("Choisissez une seule réponse.", "Kies één antwoord.", "Choose one answer."),
        ["answer_selections"] = (
            "Choisissez entre {0} et {1} réponses.",
            "Kies tussen {0} en {1} antwoorden.",
            "Choose between {0} and {1} answers."
        ),
        ["answer_unknown_option"] = (
            "Ce choix n'existe pas pour cette question.",
            "Deze keuze bestaat niet voor deze vraag.",
            "This choice is not offered by this question."
        ),
        ["answer_duplicate_option"] = (
            "Un même choix ne peut apparaître qu'une fois.",
            "Eenzelfde keuze mag maar één keer voorkomen.",
            "A choice may appear only once."
        ),
        ["answer_other_not_allowed"] = (
            "Cette question n'accepte pas de réponse libre « autre ».",
            "Deze vraag aanvaardt geen vrij antwoord 'andere'.",
            "This question does not accept an \"other\" answer."
        ),
        ["answer_too_long"] = ("{0} caractères au maximum.", "Maximaal {0} tekens.", "At most {0} characters."),
        ["answer_scale"] = ("Un nombre entier de 1 à {0}.", "Een geheel getal van 1 tot {0}.", "A whole number from 1 to {0}."),
        ["answer_number_range"] = (
            "Ce nombre sort des limites de la question.",
            "Dit getal valt buiten de grenzen van de vraag.",
            "This number is outside the question's limits."
        ),
        ["answer_integer"] = ("Un nombre entier.", "Een geheel getal.", "A whole number."),
        ["answer_ranking"] = (
            "Classez tous les choix, chacun une fois.",
            "Rangschik alle keuzes, elk één keer.",
            "Rank every choice, each once."
        ),
        ["answer_point"] = (
            "Donnez la latitude (-90 à 90) et la longitude (-180 à 180) d'un point.",
            "Geef de breedtegraad (-90 tot 90) en de lengtegraad (-180 tot 180) van een punt.",
            "Give a point's latitude (-90 to 90) and longitude (-180 to 180)."
        ),
        ["body_required"] = (
            "Le corps de la requête (JSON) est obligatoire.",
            "De body van het verzoek (JSON) is verplicht.",
            "A JSON request body is required."
        ),
        ["invalid_json"] = (
            "Le corps de la requête n'est pas du JSON valide.",
            "De body van het verzoek is geen geldige JSON.",
            "The request body is not valid JSON."
        ),
        ["invalid_value"] = (
            "Cette valeur n'a pas le format attendu.",
            "Deze waarde heeft niet het verwachte formaat.",
            "This value does not have the expected format."
        ),
        ["unknown_field"] = ("Ce champ n'existe pas.", "Dit veld bestaat niet.", "This field does not exist."),
        ["nul_character"] = (
            "Le caractère NUL (U+0000) n'est pas accepté.",
            "Het NUL-teken (U+0000) is niet toegestaan.",
            "The NUL character (U+0000) is not allowed."
        ),
        ["idempotency_key"] = (
            "Une seule valeur de 1 à 200 caractères imprimables.",
            "Eén waarde van 1 tot 200 afdrukbare tekens.",
            "One value of 1 to 200 printable characters."
        ),
        ["topics_rule"] = (
            "10 thèmes au maximum, de 1 à 40 caractères chacun.",
            "Maximaal 10 thema's van 1 tot 40 tekens.",
            "At most 10 topics of 1 to 40 characters."
        ),
        ["one_of_published_archived"] = (
            "Choisissez published ou archived.",
            "Kies published of archived.",
            "One of: published, archived."
        ),
        ["unknown_method"] = ("Méthode de participation inconnue.", "Onbekende participatiemethode.", "Unknown participation method."),
        ["one_of_project_sorts"] = ("Choisissez newest ou ending_soon.", "Kies newest of ending_soon.", "One of: newest, ending_soon."),
        ["one_of_project_statuses"] = (
            "Choisissez draft, published ou archived.",
            "Kies draft, published of archived.",
            "One of: draft, published, archived."
        ),
        ["one_of_methods"] = (
            "Choisissez information, ideation, voting, budgeting, survey ou poll.",
            "Kies information, ideation, voting, budgeting, survey of poll.",
            "One of: information, ideation, voting, budgeting, survey, poll."
        ),
        ["implausible_date"] = ("Cette date n'est pas plausible.", "Deze datum is niet aannemelijk.", "Not a plausible date."),
        ["attach_image"] = ("Joignez une image.", "Voeg een afbeelding toe.", "Attach an image."),
        ["image_not_recognised"] = (
            "Seules les images PNG, JPEG ou WebP sont acceptées.",
            "Alleen PNG-, JPEG- of WebP-afbeeldingen worden aanvaard.",
            "Only PNG, JPEG or WebP images are accepted."
        ),
        ["file_empty"] = ("Le fichier est vide.", "Het bestand is leeg.", "The file is empty."),
        ["attach_file"] = ("Joignez un fichier.", "Voeg een bestand toe.", "Attach a file."),
        ["attachment_too_large"] = ("Le fichier dépasse {0} Mo.", "Het bestand is groter dan {0} MB.", "The file is larger than {0} MB."),
        ["attachment_type_mismatch"] = (
            "Le contenu du fichier ne correspond pas à son type.",
            "De inhoud van het bestand komt niet overeen met het type.",
            "The file's content does not match its type."
        ),
        ["attachment_not_recognised"] = (
            "Seules les photos PNG, JPEG ou WebP et les documents PDF sont acceptés.",
            "Alleen PNG-, JPEG- of WebP-foto's en PDF-documenten worden aanvaard.",
            "Only PNG, JPEG or WebP photos and PDF documents are accepted."
        ),
        ["attachment_image_invalid"] = (
            "Cette image est illisible, incomplète ou trop grande (40 mégapixels au plus).",
            "Deze afbeelding is onleesbaar, onvolledig of te groot (hoogstens 40 megapixels).",
            "This image is unreadable, incomplete or too large (at most 40 megapixels)."
        ),
        ["attachment_pdf_invalid"] = (
            "Ce PDF est illisible, chiffré ou contient des scripts.",
            "Deze pdf is onleesbaar, versleuteld of bevat scripts.",
            "This PDF is unreadable, encrypted or contains scripts."
        ),
        ["attachment_not_image"] = (
            "Seule une image a un texte alternatif.",
            "Alleen een afbeelding heeft een alternatieve tekst.",
            "Only an image has an alternative text."
        ),
        ["attachments_full"] = (
            "Une idée a au plus {0} pièces jointes.",
            "Een idee heeft hoogstens {0} bijlagen.",
            "An idea has at most {0} attachments."
        ),
        ["alt_required"] = (
            "Décrivez l'image pour les personnes qui ne la voient pas.",
            "Beschrijf de afbeelding voor wie ze niet ziet.",
            "Describe the image for those who cannot see it."
        ),
        ["attachment_order"] = (
            "Indiquez chaque pièce jointe de l'idée une seule fois.",
            "Geef elke bijlage van het idee één keer.",
            "Give each of the idea's attachments once."
        ),
        ["image_too_large"] = ("L'image dépasse 5 Mo.", "De afbeelding is groter dan 5 MB.", "The image is larger than 5 MB."),
        ["audit_action"] = (
            "Une action comme project.created, ou un préfixe comme project.",
            "Een actie zoals project.created, of een voorvoegsel zoals project.",
            "An action such as project.created, or a prefix such as project."
        ),
        ["audit_target_type"] = ("Un type de cible comme project.", "Een doeltype zoals project.", "A target type such as project."),
        ["audit_event_types"] = (
            "Des types d'événement du catalogue, comme project.created (au plus 60).",
            "Gebeurtenistypes uit de catalogus, zoals project.created (hoogstens 60).",
            "Event types from the catalogue, such as project.created (at most 60)."
        ),
        ["audit_period"] = (
            "La fin de la période doit suivre son début.",
            "Het einde van de periode moet na het begin komen.",
            "The end of the period must come after its start."
        ),
        ["attach_csv"] = ("Joignez un fichier CSV.", "Voeg een CSV-bestand toe.", "Attach a CSV file."),
        ["platform_image_too_large"] = (
            "L'image dépasse {0} Ko.",
            "De afbeelding is groter dan {0} KB.",
            "The image is larger than {0} KB."
        ),
        ["csv_too_large"] = ("Le fichier dépasse 512 Ko.", "Het bestand is groter dan 512 KB.", "The file is larger than 512 KB."),
        ["invite_someone"] = ("Invitez au moins une personne.", "Nodig minstens één persoon uit.", "Invite at least one person."),
        ["unknown_role"] = ("Rôle inconnu.", "Onbekende rol.", "Unknown role."),
        ["unknown_scope"] = (
            "Ce service ou ce projet n'existe pas.",
            "Deze dienst of dit project bestaat niet.",
            "No such department or project."
        ),
        ["role_scope"] = (
            "Ce rôle ne peut pas avoir cette portée.",
            "Deze rol kan dit bereik niet hebben.",
            "This role cannot have this scope."
        ),
        ["role_scope_id"] = (
            "Un rôle de plateforme n'a pas d'identifiant de portée ; un rôle de service ou de projet en a besoin.",
            "Een platformrol heeft geen bereik-id; een dienst- of projectrol heeft er een nodig.",
            "A platform role has no scope id; a department or project role needs one."
        ),
        ["at_most_2000"] = ("2 000 caractères au maximum.", "Maximaal 2.000 tekens.", "At most 2,000 characters."),
        ["control_characters"] = (
            "Les caractères de contrôle ne sont pas acceptés.",
            "Controletekens zijn niet toegestaan.",
            "Control characters are not allowed."
        ),
        ["one_of_invitation_statuses"] = (
            "Choisissez pending, accepted, expired ou revoked.",
            "Kies pending, accepted, expired of revoked.",
            "One of: pending, accepted, expired, revoked."
        ),
        ["one_per_category"] = ("Une seule entrée par catégorie.", "Eén item per categorie.", "One entry per category."),
        ["at_most_100_ids"] = ("100 identifiants au maximum.", "Maximaal 100 id's.", "At most 100 ids."),
        ["one_of_approve_reject"] = ("Choisissez approve ou reject.", "Kies approve of reject.", "One of: approve, reject."),
        ["at_most_20_mentions"] = ("20 mentions au maximum.", "Maximaal 20 vermeldingen.", "At most 20 mentions."),
        ["between_2_100_chars"] = ("Entre 2 et 100 caractères.", "Tussen 2 en 100 tekens.", "Between 2 and 100 characters."),
        ["future_date"] = ("Une date dans le futur.", "Een datum in de toekomst.", "A date in the future."),
        ["block_self"] = ("Vous ne pouvez pas vous bloquer vous-même.", "U kunt uzelf niet blokkeren.", "You cannot block yourself."),
        ["one_of_contribution_kinds"] = (
            "Choisissez idea, comment, vote, basket, survey_response, event_registration, idea_follow ou project_follow.",
            "Kies idea, comment, vote, basket, survey_response, event_registration, idea_follow of project_follow.",
            "One of: idea, comment, vote, basket, survey_response, event_registration, idea_follow, project_follow."
        ),
        ["one_of_comment_sorts"] = (
            "Choisissez oldest, newest ou most_liked.",
            "Kies oldest, newest of most_liked.",
            "One of: oldest, newest, most_liked."
        ),
        ["comment_not_likeable"] = (
            "Ce commentaire n'est plus visible : il ne peut pas être aimé.",
            "Deze reactie is niet meer zichtbaar en kan niet leuk gevonden worden.",
            "This comment is no longer visible: it cannot be liked."
        ),
        ["terms_version_outdated"] = (
            "Les conditions d'utilisation ont changé : relisez la version actuelle avant de l'accepter.",
            "De gebruiksvoorwaarden zijn gewijzigd: lees de huidige versie voor u ze aanvaardt.",
            "The terms of use have changed: read the current version before accepting it."
        ),
        ["terms_version_exists"] = (
            "Cette version des conditions d'utilisation existe déjà : donnez un nouveau numéro.",
            "Deze versie van de gebruiksvoorwaarden bestaat al: geef een nieuw nummer.",
            "This version of the terms of use already exists: give a new number."
        ),
        ["project_not_followable"] = (
            "Ce projet est archivé : il n'y a plus rien à suivre.",
            "Dit project is gearchiveerd: er valt niets meer te volgen.",
            "This project is archived: there is nothing more to follow."
        ),
        ["comment_own_like"] = (
            "Vous ne pouvez pas aimer votre propre commentaire.",
            "U kunt uw eigen reactie niet leuk vinden.",
            "You cannot like your own comment."
        ),
        ["one_of_idea_sorts"] = (
            "Choisissez trending, popular, newest, most_commented ou random.",
            "Kies trending, popular, newest, most_commented of random.",
            "One of: trending, popular, newest, most_commented, random."
        ),
        ["box_together"] = (
            "Donnez south, west, north et east ensemble.",
            "Geef south, west, north en east samen.",
            "Give south, west, north and east together."
        ),
        ["box_north"] = (
            "North ne peut pas être inférieur à south.",
            "North mag niet kleiner zijn dan south.",
            "North must not be below south."
        ),
        ["box_east"] = (
            "East ne peut pas être à l'ouest de west.",
            "East mag niet ten westen van west liggen.",
            "East must not be west of west."
        ),
        ["between_2_120_chars"] = ("Entre 2 et 120 caractères.", "Tussen 2 en 120 tekens.", "Between 2 and 120 characters."),
        ["one_of_verify_reject"] = ("Choisissez verify ou reject.", "Kies verify of reject.", "One of: verify, reject."),
        ["one_of_organisation_statuses"] = (
            "Choisissez verified, pending ou rejected.",
            "Kies verified, pending of rejected.",
            "One of: verified, pending, rejected."
        ),
        ["respondent_token"] = (
            "Pour répondre sans compte, le navigateur envoie un jeton X-Respondent-Token de 16 à 200 caractères.",
            "Om zonder account te antwoorden stuurt de browser een X-Respondent-Token van 16 tot 200 tekens.",
            "To answer without an account, the browser sends an X-Respondent-Token of 16 to 200 characters."
        ),
        ["api_client_name_taken"] = (
            "Un client d'API actif porte déjà ce nom.",
            "Er bestaat al een actieve API-client met deze naam.",
            "An active API client already has this name."
        ),
        ["api_client_scopes"] = (
            "Choisissez au moins une permission parmi celles proposées.",
            "Kies minstens één van de aangeboden rechten.",
            "Choose at least one of the scopes offered."
        ),
        ["api_client_rate_limit"] = (
            "Entre 1 et 100 000 requêtes par minute.",
            "Tussen 1 en 100.000 verzoeken per minuut.",
            "Between 1 and 100,000 requests per minute."
        ),
        ["api_client_overlap"] = (
            "Entre 0 et 168 heures (7 jours).",
            "Tussen 0 en 168 uur (7 dagen).",
            "Between 0 and 168 hours (7 days)."
        ),
        ["period_order"] = (
            "Le début doit précéder la fin.",
            "Het begin moet voor het einde liggen.",
            "The start must come before the end."
        ),
        ["period_too_long"] = ("Deux ans au plus.", "Hoogstens twee jaar.", "Two years at most."),
        ["period_range"] = ("Une date entre 2000 et 2100.", "Een datum tussen 2000 en 2100.", "A date between 2000 and 2100."),
        ["waiting_days"] = ("Entre 1 et 365 jours.", "Tussen 1 en 365 dagen.", "Between 1 and 365 days."),
        ["scope_id_required"] = (
            "Choisissez le service, le projet ou la phase.",
            "Kies de dienst, het project of de fase.",
            "Choose the department, project or phase."
        ),
        ["scope_id_forbidden"] = ("La plateforme n'a pas d'identifiant.", "Het platform heeft geen id.", "The platform takes no id."),
        ["briefing_frequency"] = (
            "Choisissez monthly, quarterly, half_yearly ou off.",
            "Kies monthly, quarterly, half_yearly of off.",
            "One of: monthly, quarterly, half_yearly, off."
        ),
        ["briefing_send_day"] = ("Un jour entre 1 et 28.", "Een dag tussen 1 en 28.", "A day between 1 and 28."),
        ["briefing_send_hour"] = ("Une heure entre 0 et 23.", "Een uur tussen 0 en 23.", "An hour between 0 and 23."),
        ["briefing_status"] = (
            "Choisissez sent, skipped_empty, opted_out ou pending.",
            "Kies sent, skipped_empty, opted_out of pending.",
            "One of: sent, skipped_empty, opted_out, pending."
        ),
        ["briefing_sent_today"] = (
            "Le briefing de cet·te élu·e a déjà été envoyé aujourd'hui.",
            "De briefing van deze verkozene werd vandaag al verstuurd.",
            "This official's briefing was already sent today."
        ),
        ["change_feed_limit"] = ("Entre 1 et 500.", "Tussen 1 en 500.", "Between 1 and 500."),
        ["change_feed_types"] = (
            "Types acceptés : project, idea, comment (séparés par des virgules).",
            "Toegestane types: project, idea, comment (gescheiden door komma's).",
            "Types allowed: project, idea, comment (comma-separated)."
        ),
        ["api_client_revoked"] = (
            "Ce client d'API est révoqué : il ne peut plus être modifié.",
            "Deze API-client is ingetrokken: hij kan niet meer gewijzigd worden.",
            "This API client is revoked: it can no longer be changed."
        ),
        ["webhook_url"] = (
            "Une adresse web complète (https://…), sans identifiants ni fragment, de 2 000 caractères au plus.",
            "Een volledig webadres (https://…), zonder aanmeldgegevens of fragment, van hoogstens 2.000 tekens.",
            "A full web address (https://…), without credentials or fragment, of at most 2,000 characters."
        ),
        ["webhook_url_https"] = (
            "L'adresse doit commencer par https:// (les livraisons sont chiffrées).",
            "Het adres moet met https:// beginnen (leveringen worden versleuteld).",
            "The address must start with https:// (deliveries are encrypted)."
        ),
        ["webhook_url_private"] = (
            "Cette adresse mène à un réseau interne, local ou réservé (loopback, privé, lien local, métadonnées) : "
                + "seules les adresses publiques sont acceptées.",
            "Dit adres leidt naar een intern, lokaal of gereserveerd netwerk (loopback, privé, link-local, metadata): "
                + "enkel publieke adressen zijn toegestaan.",
            "This address leads to an internal, local or reserved network (loopback, private, link-local, metadata): "
                + "only public addresses are accepted."
        ),
        ["webhook_url_unresolved"] = (
            "Ce nom d'hôte est introuvable (DNS).",
            "Deze hostnaam werd niet gevonden (DNS).",
            "This host name cannot be found (DNS)."
        ),
        ["webhook_event_types"] = (
            "Choisissez de 1 à 100 types d'événements parmi : {0}.",
            "Kies 1 tot 100 gebeurtenistypes uit: {0}.",
            "Choose 1 to 100 event types among: {0}."
        ),
        ["webhook_event_types_scope"] = (
            "Le client d'API n'a pas la permission de lire ces événements : {0}.",
            "De API-client heeft niet het recht om deze gebeurtenissen te lezen: {0}.",
            "The API client may not read these events: {0}."
        ),
        ["webhook_client_required"] = (
            "Choisissez le client d'API auquel appartient ce webhook.",
            "Kies de API-client waartoe deze webhook behoort.",
            "Choose the API client this webhook belongs to."
        ),
        ["webhook_client_unknown"] = (
            "Ce client d'API n'existe pas ou est révoqué.",
            "Deze API-client bestaat niet of is ingetrokken.",
            "This API client does not exist or is revoked."
        ),
        ["webhook_limit"] = (
            "Ce client d'API a déjà {0} webhooks, le maximum.",
            "Deze API-client heeft al {0} webhooks, het maximum.",
            "This API client already has {0} webhooks, the maximum."
        ),
        ["webhook_disabled"] = (
            "Ce webhook est désactivé : réactivez-le d'abord.",
            "Deze webhook is uitgeschakeld: schakel hem eerst opnieuw in.",
            "This webhook is disabled: enable it first."
        ),
        ["webhook_delivery_pending"] = (
            "Cette livraison est encore en cours : elle sera retentée automatiquement.",
            "Deze levering loopt nog: ze wordt automatisch opnieuw geprobeerd.",
            "This delivery is still in progress: it will be retried automatically."
        ),
        ["export_kind"] = (
            "Exports possibles : ideas, comments, reactions, votes, baskets, survey_responses, participants.",
            "Mogelijke exports: ideas, comments, reactions, votes, baskets, survey_responses, participants.",
            "Exports available: ideas, comments, reactions, votes, baskets, survey_responses, participants."
        ),
        ["export_format"] = ("Formats possibles : csv, xlsx.", "Mogelijke formaten: csv, xlsx.", "Formats available: csv, xlsx."),
        ["export_scope_type"] = (
            "Portées possibles : platform, department, project.",
            "Mogelijke bereiken: platform, department, project.",
            "Scopes available: platform, department, project."
        ),
        ["export_scope_id"] = (
            "Un export de la plateforme n'a pas d'identifiant de portée ; celui d'un service ou d'un projet en a besoin.",
            "Een export van het platform heeft geen bereik-id; die van een dienst of project heeft er een nodig.",
            "A platform export has no scope id; a department or project export needs one."
        ),
        ["export_limit"] = (
            "Vous avez déjà {0} exports en préparation : attendez qu'ils soient prêts.",
            "U hebt al {0} exports in voorbereiding: wacht tot ze klaar zijn.",
            "You already have {0} exports being prepared: wait until they are ready."
        ),
        ["export_not_ready"] = (
            "Ce fichier n'est pas prêt : l'export est en attente, en cours ou a échoué.",
            "Dit bestand is niet klaar: de export wacht, loopt nog of is mislukt.",
            "This file is not ready: the export is queued, running or failed."
        ),
        ["webhook_delivery_status"] = (
            "Statuts acceptés : pending, delivered, failed.",
            "Toegestane statussen: pending, delivered, failed.",
            "Statuses allowed: pending, delivered, failed."
        ),
        // Topics and areas (admins' lists that projects and ideas are tagged from).
        ["topic_name_taken"] = (
            "Un autre thème porte déjà ce nom dans une des langues.",
            "Een ander thema draagt die naam al in een van de talen.",
            "Another topic already has this name in one of the languages."
        ),
        ["area_name_taken"] = (
            "Un autre quartier porte déjà ce nom dans une des langues.",
            "Een andere wijk draagt die naam al in een van de talen.",
            "Another area already has this name in one of the languages."
        ),
        ["list_item_stale"] = (
            "Cet élément a été modifié entre-temps : rechargez-le avant d'enregistrer.",
            "Dit item werd intussen gewijzigd: laad het opnieuw voor u opslaat.",
            "This item was changed meanwhile: reload it before saving."
        ),
        // A person's own data (GDPR).
        ["account_deletion_staff"] = (
            "Un compte de l'équipe est fermé par un administrateur : demandez-lui de retirer vos rôles d'abord.",
            "Een account van het personeel wordt door een beheerder gesloten: vraag eerst uw rollen in te trekken.",
            "A staff account is closed by an admin: ask one to remove your roles first."
        ),
        ["personal_export_pending"] = (
            "Un export de vos données est déjà en préparation : vous recevrez un e-mail quand il sera prêt.",
            "Een export van uw gegevens wordt al voorbereid: u krijgt een e-mail zodra hij klaar is.",
            "An export of your data is already being prepared: you will get an e-mail when it is ready."
        ),
        ["unknown_topic"] = (
            "Choisissez des thèmes proposés par la liste (un thème inconnu ou archivé : {0}).",
            "Kies thema's uit de lijst (een onbekend of gearchiveerd thema: {0}).",
            "Pick topics from the list (an unknown or archived topic: {0})."
        ),
        ["unknown_area"] = (
            "Choisissez un quartier de la liste (inconnu ou archivé : {0}).",
            "Kies een wijk uit de lijst (onbekend of gearchiveerd: {0}).",
            "Pick an area from the list (unknown or archived: {0})."
        ),
        ["sort_order_range"] = ("Entre 0 et 10000.", "Tussen 0 en 10000.", "Between 0 and 10000."),
        ["areas_count"] = ("20 quartiers au maximum.", "Maximaal 20 wijken.", "At most 20 areas."),
        ["geometry_invalid"] = (
            "Un polygone GeoJSON (Polygon ou MultiPolygon) en WGS84 est attendu : {0}",
            "Een GeoJSON-veelhoek (Polygon of MultiPolygon) in WGS84 wordt verwacht: {0}",
            "A GeoJSON polygon (Polygon or MultiPolygon) in WGS84 is expected: {0}"
        ),
        ["support_hours"] = (
            "Entre 1 et 168 heures (une semaine).",
            "Tussen 1 en 168 uur (een week).",
            "Between 1 and 168 hours (a week)."
        ),
        ["support_contact"] = (
            "Choisissez « email » ou « phone » ; un numéro de téléphone est demandé pour être rappelé·e.",
            "Kies « email » of « phone »; voor een terugbelverzoek is een telefoonnummer nodig.",
            "Choose « email » or « phone »; a phone number is needed to be called back."
        ),
    };

    /// <summary>
    /// FluentValidation's built-in messages ("'South' must be between -90 and 90") come in the request's language
    /// too, and the rules that mean "required" say it in our words, so a form reads the same whichever rule caught it.
    /// </summary>
    public static void UseForFluentValidation()
    {
        if (FluentValidation.ValidatorOptions.Global.LanguageManager is RequestLanguageManager)
            return;
        var languages = new RequestLanguageManager();
        var required = Texts["required"];
        foreach (var rule in new[] { "NotEmptyValidator", "NotNullValidator" })
        {
            languages.AddTranslation("fr", rule, required.Fr);
            languages.AddTranslation("nl", rule, required.Nl);
            languages.AddTranslation("en", rule, required.En);
        }
        FluentValidation.ValidatorOptions.Global.LanguageManager = languages;
    }

    /// <summary>
    /// Picks FluentValidation's translations by <see cref="RequestLanguage"/>: the API runs in invariant globalization
    /// mode, where no "fr" culture can be set as the UI culture, so the language is handed over by name.
    /// </summary>
    private sealed class RequestLanguageManager : FluentValidation.Resources.LanguageManager
    {
        private static readonly Dictionary<string, System.Globalization.CultureInfo> Cultures = TextRules.Locales.ToDictionary(
            l => l,
            l => (System.Globalization.CultureInfo)new NamedCulture(l)
        );

        public override string GetString(string key, System.Globalization.CultureInfo? culture = null) =>
            base.GetString(key, culture ?? Cultures.GetValueOrDefault(RequestLanguage.Current, Cultures["fr"]));

        private sealed class NamedCulture(string name) : System.Globalization.CultureInfo("")
        {
            public override string Name => name;
            public override System.Globalization.CultureInfo Parent => InvariantCulture;
        }
    }

    public static string Get(string key, params object[] args)
    {
        var t = Texts[key];
        var text = RequestLanguage.Current switch
        {
            "nl" => t.Nl,
            "en" => t.En,
            _ => t.Fr,
        };
        return args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);
    }
}
