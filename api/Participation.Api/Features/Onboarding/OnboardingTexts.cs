using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Onboarding;

/// <summary>
/// The onboarding's words in French, Dutch and English, taken from the source text (seed/roles-in-a-participation-platform
/// .fr.txt): each staff role's tasks, typical workload and "good to know" (§2–§7), the checklists' items, and a project's
/// setup reminders (its closing "what to remember"). The vendor the source text names is "the platform's supplier" here.
/// </summary>
public static class OnboardingTexts
{
    internal static readonly Dictionary<string, (string Fr, string Nl, string En)> Texts = new()
    {
        // §3 — the platform's main administrator
        ["role.admin.title"] = (
            "Administrateur principal de la plateforme",
            "Hoofdbeheerder van het platform",
            "Main platform administrator"
        ),
        ["role.admin.tasks"] = (
            "Déterminer la stratégie, la configuration initiale avec le fournisseur de la plateforme, le ou les responsable(s) "
                + "politique(s), inviter les chefs de département et les modérateurs de projet sur la plateforme "
                + "(via « Invitations »).",
            "De strategie bepalen, de eerste configuratie met de leverancier van het platform, de politiek verantwoordelijke(n), "
                + "de diensthoofden en de projectmoderatoren uitnodigen op het platform (via ‘Uitnodigingen’).",
            "Decide the strategy, the initial configuration with the platform's supplier, the political lead(s), and invite the "
                + "department heads and project moderators to the platform (through 'Invitations')."
        ),
        ["role.admin.workload"] = (
            "1 heure par semaine (un peu plus au démarrage, moins une fois la plateforme en vie).",
            "1 uur per week (iets meer bij de start, minder zodra het platform loopt).",
            "1 hour a week (a little more at the start, less once the platform is up and running)."
        ),
        ["role.admin.good_to_know"] = (
            "En tant qu'administrateur principal, vous n'avez pas à gérer toutes les pages de projet de la plateforme. Vous pouvez "
                + "déléguer tout en gardant la vue d'ensemble, avec l'aide du fournisseur si nécessaire.",
            "Als hoofdbeheerder hoeft u niet alle projectpagina's op het platform zelf te beheren. U kunt delegeren en toch het "
                + "overzicht bewaren, zo nodig met de hulp van de leverancier.",
            "As the main administrator, you do not have to run every project page on the platform yourself. You can delegate "
                + "while keeping the overview, with the supplier's help if needed."
        ),
        // §2 — elected officials
        ["role.elected_official.title"] = ("Élu·e", "Verkozene", "Elected official"),
        ["role.elected_official.tasks"] = (
            "Donner à la plateforme le soutien politique nécessaire (pas seulement financier, mais aussi en communication et en "
                + "moral), vous familiariser avec elle et faire le lien entre la politique et la plateforme en ligne.",
            "Het platform de nodige politieke steun geven (niet alleen financieel, maar ook in communicatie en moreel), er "
                + "vertrouwd mee raken en de brug slaan tussen het beleid en het online platform.",
            "Give the platform the political support it needs (not only financial, but also in communication and morale), get "
                + "to know it, and link policy to the online platform."
        ),
        ["role.elected_official.workload"] = (
            "Limitée : lire la mise à jour (évaluation intermédiaire, retours) envoyée par e-mail au lancement puis, par exemple, "
                + "tous les 3 mois.",
            "Beperkt: de update (tussentijdse evaluatie, feedback) lezen die bij de lancering en daarna bijvoorbeeld om de 3 "
                + "maanden per e-mail komt.",
            "Light: read the update (interim evaluation, feedback) e-mailed at launch and then, for example, every 3 months."
        ),
        ["role.elected_official.good_to_know"] = (
            "Un maire ou un directeur général ne peut pas toujours être activement impliqué dans la mise en œuvre concrète de la "
                + "plateforme, mais il est très important de s'y familiariser. Peut-être existe-t-il une charte de la participation "
                + "citoyenne, ou la majorité a-t-elle déjà exprimé une opinion sur son importance ?",
            "Een burgemeester of algemeen directeur kan niet altijd actief betrokken zijn bij de concrete uitvoering van het "
                + "platform, maar het is heel belangrijk er vertrouwd mee te raken. Misschien bestaat er een charter voor "
                + "burgerparticipatie, of heeft de meerderheid zich al uitgesproken over het belang ervan?",
            "A mayor or chief executive cannot always be actively involved in running the platform, but it is very important to "
                + "get to know it. Perhaps there is a citizen participation charter, or the majority has already said how much "
                + "citizen participation matters?"
        ),
        // §4 — communication
        ["role.communication_manager.title"] = (
            "Responsable de la communication",
            "Communicatieverantwoordelijke",
            "Communication manager"
        ),
        ["role.communication_manager.tasks"] = (
            "Donner une place à la plateforme sur le site de la commune, demander des articles et des commentaires aux "
                + "administrateurs ou aux modérateurs de projet, inscrire la plateforme dans le calendrier de contenu de la "
                + "communication communale.",
            "Het platform een plaats geven op de website van de gemeente, artikels en commentaar vragen aan de beheerders of de "
                + "projectmoderatoren, het platform opnemen in de contentkalender van de gemeentelijke communicatie.",
            "Give the platform a place on the municipality's website, ask administrators or project moderators for articles and "
                + "comments, and put the platform in the municipal communication's content calendar."
        ),
        ["role.communication_manager.workload"] = (
            "Une demi-heure par semaine (une heure par semaine au départ, pour définir la stratégie d'engagement).",
            "Een half uur per week (een uur per week bij de start, om de engagementstrategie te bepalen).",
            "Half an hour a week (an hour a week at the start, to set the engagement strategy)."
        ),
        ["role.communication_manager.good_to_know"] = (
            "La plateforme n'est pas un canal de communication de plus à entretenir : elle renforce d'abord la communication "
                + "existante. Un article sur le site et une page sur la plateforme ne sont pas nécessaires tous les deux. La "
                + "plateforme offre toutes les possibilités pour communiquer une campagne ou un événement et impliquer les gens.",
            "Het platform is niet nog een communicatiekanaal om te onderhouden: het versterkt in de eerste plaats de bestaande "
                + "communicatie. Een artikel op de website én een pagina op het platform zijn niet allebei nodig. Het platform "
                + "biedt alle mogelijkheden om een campagne of evenement te communiceren en mensen te betrekken.",
            "The platform is not one more communication channel to maintain: first of all it strengthens the existing "
                + "communication. An article on the website and a page on the platform are not both needed. The platform offers "
                + "every way to communicate a campaign or an event and get people involved."
        ),
        // §5 — IT department (or webmaster)
        ["role.it_manager.title"] = (
            "Service informatique (ou gestionnaire du site web)",
            "IT-dienst (of websitebeheerder)",
            "IT department (or webmaster)"
        ),
        ["role.it_manager.tasks"] = (
            "Connecter la plateforme à la page d'accueil de votre organisation (nom de domaine, widget ou bouton sur le site de la "
                + "commune), avec l'aide de l'équipe technique du fournisseur.",
            "Het platform koppelen aan de startpagina van uw organisatie (domeinnaam, widget of knop op de website van de "
                + "gemeente), met de hulp van het technische team van de leverancier.",
            "Connect the platform to your organisation's home page (domain name, a widget or a button on the municipality's "
                + "website), with the help of the supplier's technical team."
        ),
        ["role.it_manager.workload"] = (
            "Intervention ponctuelle, au lancement de la plateforme.",
            "Eenmalige tussenkomst, bij de start van het platform.",
            "A one-off intervention, when the platform is launched."
        ),
        ["role.it_manager.good_to_know"] = (
            "Toutes les organisations n'ont pas un service informatique à part entière : parfois, cette intervention est faite "
                + "par le responsable de la communication qui gère le site web.",
            "Niet elke organisatie heeft een volwaardige IT-dienst: soms gebeurt deze tussenkomst door de "
                + "communicatieverantwoordelijke die de website beheert.",
            "Not every organisation has a full IT department: sometimes this is done by the communication manager who runs the "
                + "website."
        ),
        // §6 — department heads
        ["role.department_head.title"] = ("Chef de département", "Diensthoofd", "Department head"),
        ["role.department_head.tasks"] = (
            "Créer un login sur la plateforme, gérer les modérateurs de projet, s'assurer que la plateforme est à l'ordre du jour.",
            "Een login aanmaken op het platform, de projectmoderatoren beheren, ervoor zorgen dat het platform op de agenda staat.",
            "Create a login on the platform, manage the project moderators, make sure the platform stays on the agenda."
        ),
        ["role.department_head.workload"] = (
            "Minimale, obligation d'information.",
            "Minimaal, informatieplicht.",
            "Minimal: a duty to stay informed."
        ),
        ["role.department_head.good_to_know"] = (
            "Les questions propres à votre politique peuvent être vérifiées immédiatement avec vous, sans passer par "
                + "l'administrateur. Un modérateur de projet vous rend compte : vous vérifiez si les résultats peuvent être "
                + "intégrés dans les cycles politiques et budgétaires existants.",
            "Beleidsspecifieke vragen kunnen meteen met u worden afgestemd, zonder via de beheerder te gaan. Een projectmoderator "
                + "rapporteert aan u: u gaat na of de resultaten in de bestaande beleids- en begrotingscycli passen.",
            "Policy-specific questions can be checked with you straight away, without going through the administrator. A project "
                + "moderator reports to you: you check whether the results fit into the existing policy and budget cycles."
        ),
        // §7 — project moderators
        ["role.project_moderator.title"] = ("Modérateur de projet", "Projectmoderator", "Project moderator"),
        ["role.project_moderator.tasks"] = (
            "Concevoir la page du projet, impliquer le public cible, faire parvenir le résultat des contributions au décideur.",
            "De projectpagina ontwerpen, het doelpubliek betrekken, het resultaat van de bijdragen bij de beslisser krijgen.",
            "Design the project page, involve the target audience, get the results of the contributions to the decision maker."
        ),
        ["role.project_moderator.workload"] = (
            "Selon la phase du projet et le degré de participation, entre 0 et 2 heures par semaine.",
            "Afhankelijk van de fase en de mate van participatie, tussen 0 en 2 uur per week.",
            "Depending on the project's phase and the degree of participation, between 0 and 2 hours a week."
        ),
        ["role.project_moderator.good_to_know"] = (
            "Votre page de projet peut recueillir des contributions permanentes, organiser une consultation temporaire (sondage, "
                + "plan spatial, scénarios, réactions ou votes) ou simplement informer le public cible (un nouveau plan, des "
                + "propositions).",
            "Uw projectpagina kan doorlopend bijdragen verzamelen, een tijdelijke consultatie organiseren (enquête, ruimtelijk plan, "
                + "scenario's, reacties of stemmen) of gewoon het doelpubliek informeren (een nieuw plan, voorstellen).",
            "Your project page can collect contributions all the time, run a temporary consultation (a survey, a spatial plan, "
                + "scenarios, reactions or votes) or simply inform the target audience (a new plan, proposals)."
        ),

        // The checklists' items
        ["step.platform_configured"] = (
            "Configurer la plateforme (nom, langues, couleurs, logo)",
            "Het platform instellen (naam, talen, kleuren, logo)",
            "Configure the platform (name, languages, colours, logo)"
        ),
        ["step.department_created"] = ("Créer un premier service", "Een eerste dienst aanmaken", "Create a first department"),
        ["step.department_head_invited"] = (
            "Inviter un chef de département (via « Invitations »)",
            "Een diensthoofd uitnodigen (via ‘Uitnodigingen’)",
            "Invite a department head (through 'Invitations')"
        ),
        ["step.department_head_joined"] = (
            "Un chef de département a accepté son invitation",
            "Een diensthoofd heeft de uitnodiging aanvaard",
            "A department head accepted their invitation"
        ),
        ["step.moderator_joined"] = (
            "Un modérateur de projet a accepté son invitation",
            "Een projectmoderator heeft de uitnodiging aanvaard",
            "A project moderator accepted their invitation"
        ),
        ["step.elected_official_added"] = (
            "Associer un ou plusieurs responsables politiques (rôle d'élu)",
            "Een of meer politiek verantwoordelijken betrekken (rol van verkozene)",
            "Bring in one or more political leads (elected official role)"
        ),
        ["step.home_page_edited"] = (
            "Donner sa place à la plateforme : personnaliser la page d'accueil",
            "Het platform zijn plaats geven: de startpagina aanpassen",
            "Give the platform its place: customise the home page"
        ),
        ["step.page_published"] = ("Publier une page d'information", "Een informatiepagina publiceren", "Publish an information page"),
        ["step.event_announced"] = ("Annoncer un événement", "Een evenement aankondigen", "Announce an event"),
        ["step.campaign_scheduled"] = (
            "Programmer ou envoyer une campagne e-mail",
            "Een e-mailcampagne plannen of versturen",
            "Schedule or send an e-mail campaign"
        ),
        ["step.content_calendar_subscribed"] = (
            "Inscrire la plateforme dans votre calendrier de contenu (abonnement au calendrier)",
            "Het platform opnemen in uw contentkalender (abonnement op de kalender)",
            "Put the platform in your content calendar (calendar subscription)"
        ),
        ["step.widget_created"] = (
            "Créer un widget pour le site de la commune",
            "Een widget maken voor de website van de gemeente",
            "Create a widget for the municipality's website"
        ),
        ["step.api_client_created"] = ("Créer un client API", "Een API-client aanmaken", "Create an API client"),
        ["step.webhook_subscribed"] = ("Abonner un webhook", "Een webhook inschrijven", "Subscribe a webhook"),
        ["step.department_moderator_assigned"] = (
            "Un modérateur gère un projet de votre service",
            "Een moderator beheert een project van uw dienst",
            "A moderator runs a project of your department"
        ),
        ["step.department_project_published"] = (
            "Un projet de votre service est publié",
            "Een project van uw dienst is gepubliceerd",
            "A project of your department is published"
        ),
        ["step.project_page_designed"] = (
            "Concevoir la page du projet (description et image)",
            "De projectpagina ontwerpen (beschrijving en afbeelding)",
            "Design the project page (description and image)"
        ),
        ["step.target_audience_described"] = ("Décrire le public cible", "Het doelpubliek beschrijven", "Describe the target audience"),
        ["step.phases_planned"] = (
            "Fixer le calendrier du projet (ses phases)",
            "De planning van het project vastleggen (de fasen)",
            "Set the project's timeline (its phases)"
        ),
        ["step.idea_answered"] = (
            "Répondre à une idée (statut ou réponse officielle)",
            "Op een idee antwoorden (status of officieel antwoord)",
            "Answer an idea (status or official feedback)"
        ),
        ["step.report_composed"] = (
            "Composer le rapport de résultats pour le décideur",
            "Het resultatenrapport voor de beslisser opstellen",
            "Compose the results report for the decision maker"
        ),
        ["step.briefing_received"] = (
            "Recevoir la mise à jour par e-mail sur la plateforme",
            "De update over het platform per e-mail ontvangen",
            "Receive the platform's update by e-mail"
        ),

        // A project's setup checklist (the source text's closing reminders)
        ["setup.decision_process"] = (
            "Dans quel processus de prise de décision ce projet s'inscrit-il ? Quels besoins a-t-il l'intention de combler ?",
            "In welk besluitvormingsproces past dit project? In welke behoeften wil het voorzien?",
            "Which decision-making process does this project feed? Which needs does it mean to meet?"
        ),
        ["setup.key_dates"] = (
            "Notez les rendez-vous importants à l'avance (le calendrier des phases)",
            "Noteer de belangrijke data op voorhand (de planning van de fasen)",
            "Write down the key dates in advance (the timeline of phases)"
        ),
        ["setup.public_goals"] = (
            "Déterminez vos objectifs (et partagez-les !)",
            "Bepaal uw doelstellingen (en deel ze!)",
            "Set your goals (and share them!)"
        ),
        ["setup.stakeholders"] = (
            "Déterminez qui sont les parties prenantes au départ et limitez leurs tâches",
            "Bepaal bij de start wie de betrokkenen zijn en beperk hun taken",
            "Decide who the stakeholders are at the start, and limit their tasks"
        ),
    };

    /// <summary>The text in the request's language.</summary>
    public static string Get(string key) =>
        Texts.TryGetValue(key, out var t)
            ? RequestLanguage.Current switch
            {
                "nl" => t.Nl,
                "en" => t.En,
                _ => t.Fr,
            }
            : throw new KeyNotFoundException($"No onboarding text '{key}'.");

    public static string Role(Role role, string part) => Get($"role.{role.ToWire()}.{part}");

    public static string Step(OnboardingStep step) => Get($"step.{step.ToWire()}");

    public static string Setup(ProjectSetupStep step) => Get($"setup.{step.ToWire()}");
}
