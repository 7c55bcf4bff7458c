-- Pages written by staff (admins, communication managers): about, privacy policy, terms of use, accessibility statement,
-- frequently asked questions and free pages. Per language: a title, a slug and a sanitised rich-text body. A draft is seen by
-- staff only; a published page is public, and listed in the footer when asked (in footer_order).
-- version: optimistic concurrency (a save names the version it read; a stale one is refused).
CREATE TABLE pages (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('about', 'privacy', 'terms', 'accessibility', 'faq', 'free')),
    status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    in_footer     boolean NOT NULL DEFAULT false,
    footer_order  integer NOT NULL DEFAULT 0 CHECK (footer_order BETWEEN 0 AND 999),
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
-- The standard pages exist once each; free pages as many as staff write.
CREATE UNIQUE INDEX pages_standard_kind ON pages (kind) WHERE kind <> 'free';
CREATE INDEX pages_footer ON pages (footer_order, id) WHERE status = 'published' AND in_footer;

CREATE TABLE page_texts (
    page_id   uuid NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    language  text NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
    title     text NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
    slug      text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    body      text NOT NULL,
    PRIMARY KEY (page_id, language)
);

-- Every slug a page ever had (its current ones and those it had before): a slug belongs to one page forever, so a shared
-- link keeps finding its page after a rename (the web app then shows the current slug). The languages of one page may share
-- a slug; two pages never do (so a slug alone, in any language, names one page).
CREATE TABLE page_slugs (
    slug     text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    page_id  uuid NOT NULL REFERENCES pages (id) ON DELETE CASCADE
);
CREATE INDEX page_slugs_page ON page_slugs (page_id);

-- The standard pages with their default texts, published and in the footer (idempotent: a kind that exists is left as it
-- is). A function, so that a reset test database gets them back exactly as a new platform does.
CREATE FUNCTION seed_standard_pages() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    p record;
    page uuid;
BEGIN
    FOR p IN
        SELECT * FROM (VALUES
        ('about', 1,
         'À propos', 'a-propos',
         '<p>Cette plateforme permet aux habitantes et habitants de participer aux projets de la commune : proposer des '
         || 'idées, les commenter et les soutenir, répondre aux enquêtes, voter et suivre les décisions.</p>'
         || '<h2>Comment participer ?</h2><ul><li>Consultez les projets en cours et leurs phases.</li>'
         || '<li>Créez un compte pour proposer une idée, réagir ou voter.</li>'
         || '<li>Suivez les réponses officielles de la commune à chaque idée.</li></ul>'
         || '<h2>Qui sommes-nous ?</h2><p>La plateforme est gérée par l’administration communale. Ses coordonnées figurent '
         || 'en bas de chaque page.</p>',
         'Over ons', 'over-ons',
         '<p>Via dit platform nemen inwoners deel aan de projecten van de gemeente: ideeën voorstellen, erop reageren en ze '
         || 'steunen, enquêtes beantwoorden, stemmen en de beslissingen volgen.</p>'
         || '<h2>Hoe doet u mee?</h2><ul><li>Bekijk de lopende projecten en hun fasen.</li>'
         || '<li>Maak een account aan om een idee voor te stellen, te reageren of te stemmen.</li>'
         || '<li>Volg de officiële antwoorden van de gemeente op elk idee.</li></ul>'
         || '<h2>Wie zijn wij?</h2><p>Het platform wordt beheerd door het gemeentebestuur. De contactgegevens staan onderaan '
         || 'elke pagina.</p>',
         'About', 'about',
         '<p>This platform lets residents take part in the municipality’s projects: propose ideas, comment on and support '
         || 'them, answer surveys, vote and follow the decisions.</p>'
         || '<h2>How to take part</h2><ul><li>Browse the current projects and their phases.</li>'
         || '<li>Create an account to propose an idea, react or vote.</li>'
         || '<li>Follow the municipality’s official answer to each idea.</li></ul>'
         || '<h2>Who we are</h2><p>The platform is run by the municipal administration. Its contact details are at the bottom '
         || 'of every page.</p>'),
        ('faq', 2,
         'Questions fréquentes', 'questions-frequentes',
         '<h2>Faut-il un compte pour participer ?</h2><p>Non pour consulter les projets et, quand la phase le permet, '
         || 'répondre aux enquêtes. Oui pour proposer une idée, commenter, réagir ou voter.</p>'
         || '<h2>Que devient mon idée ?</h2><p>Elle est lue par l’équipe du projet, qui y répond publiquement et indique son '
         || 'statut (à l’étude, retenue, réalisée ou non retenue, avec la raison).</p>'
         || '<h2>Puis-je modifier ou retirer mon idée ?</h2><p>Oui, depuis la page de l’idée, tant que la phase est ouverte.'
         || '</p><h2>Quelles données me concernant sont publiques ?</h2><p>Votre nom et vos contributions. Votre adresse '
         || 'e-mail ne l’est jamais. Voir la politique de confidentialité.</p>',
         'Veelgestelde vragen', 'veelgestelde-vragen',
         '<h2>Heb ik een account nodig om mee te doen?</h2><p>Niet om de projecten te bekijken en, als de fase het toelaat, '
         || 'enquêtes te beantwoorden. Wel om een idee voor te stellen, te reageren of te stemmen.</p>'
         || '<h2>Wat gebeurt er met mijn idee?</h2><p>Het projectteam leest het, antwoordt publiek en vermeldt de status '
         || '(in behandeling, weerhouden, uitgevoerd of niet weerhouden, met de reden).</p>'
         || '<h2>Kan ik mijn idee wijzigen of intrekken?</h2><p>Ja, via de pagina van het idee, zolang de fase open is.</p>'
         || '<h2>Welke gegevens over mij zijn openbaar?</h2><p>Uw naam en uw bijdragen. Uw e-mailadres nooit. Zie het '
         || 'privacybeleid.</p>',
         'Frequently asked questions', 'faq',
         '<h2>Do I need an account to take part?</h2><p>Not to browse the projects and, where the phase allows it, answer '
         || 'surveys. Yes to propose an idea, comment, react or vote.</p>'
         || '<h2>What happens to my idea?</h2><p>The project’s team reads it, answers publicly and shows its status (under '
         || 'review, accepted, done or not accepted, with the reason).</p>'
         || '<h2>Can I edit or withdraw my idea?</h2><p>Yes, from the idea’s page, while the phase is open.</p>'
         || '<h2>Which of my data are public?</h2><p>Your name and your contributions. Never your e-mail address. See the '
         || 'privacy policy.</p>'),
        ('accessibility', 3,
         'Déclaration d’accessibilité', 'accessibilite',
         '<p>L’administration communale s’engage à rendre cette plateforme accessible, conformément à la directive (UE) '
         || '2016/2102 relative à l’accessibilité des sites internet et des applications mobiles des organismes du secteur '
         || 'public.</p><h2>Objectif de conformité</h2><p>La cible est le niveau AA des règles WCAG 2.1, reprises par la norme '
         || 'européenne EN 301 549.</p><h2>État de conformité</h2><p>Cette plateforme est <strong>partiellement conforme</strong> '
         || 'au niveau AA des WCAG 2.1 : chaque page est vérifiée automatiquement et les parcours sont utilisables au seul '
         || 'clavier ; un audit complet reste à mener. Les non-conformités connues sont listées ici dès qu’elles sont '
         || 'identifiées.</p><h2>Signaler un problème</h2><p>Si vous rencontrez un obstacle d’accessibilité, écrivez-nous à '
         || 'l’adresse de contact indiquée ci-dessous : nous vous répondrons et vous fournirons l’information sous une forme '
         || 'accessible.</p><h2>Procédure de recours</h2><p>Si notre réponse ne vous satisfait pas, vous pouvez vous adresser '
         || 'au médiateur compétent pour votre région, qui assure le suivi de cette déclaration.</p>',
         'Toegankelijkheidsverklaring', 'toegankelijkheid',
         '<p>Het gemeentebestuur verbindt zich ertoe dit platform toegankelijk te maken, overeenkomstig richtlijn (EU) '
         || '2016/2102 inzake de toegankelijkheid van websites en mobiele applicaties van overheidsinstanties.</p>'
         || '<h2>Conformiteitsdoel</h2><p>Het doel is niveau AA van de WCAG 2.1-richtlijnen, overgenomen in de Europese norm '
         || 'EN 301 549.</p><h2>Nalevingsstatus</h2><p>Dit platform is <strong>gedeeltelijk conform</strong> met niveau AA van '
         || 'WCAG 2.1: elke pagina wordt automatisch gecontroleerd en alles is met het toetsenbord alleen te gebruiken; een '
         || 'volledige audit moet nog gebeuren. Bekende tekortkomingen worden hier vermeld zodra ze vastgesteld zijn.</p>'
         || '<h2>Een probleem melden</h2><p>Stuit u op een toegankelijkheidsprobleem, schrijf ons dan op het contactadres '
         || 'hieronder: wij antwoorden u en bezorgen u de informatie in een toegankelijke vorm.</p>'
         || '<h2>Handhavingsprocedure</h2><p>Bent u niet tevreden met ons antwoord, dan kunt u zich wenden tot de bevoegde '
         || 'ombudsdienst van uw gewest, die deze verklaring opvolgt.</p>',
         'Accessibility statement', 'accessibility',
         '<p>The municipal administration is committed to making this platform accessible, in accordance with Directive (EU) '
         || '2016/2102 on the accessibility of the websites and mobile applications of public sector bodies.</p>'
         || '<h2>Conformance target</h2><p>The target is level AA of the WCAG 2.1 guidelines, as taken up by the European '
         || 'standard EN 301 549.</p><h2>Compliance status</h2><p>This platform is <strong>partially compliant</strong> with '
         || 'WCAG 2.1 level AA: every page is checked automatically and everything can be used with the keyboard alone; a full '
         || 'audit is still to be carried out. Known issues are listed here as soon as they are found.</p>'
         || '<h2>Report a problem</h2><p>If you meet an accessibility barrier, write to us at the contact address below: we '
         || 'will answer and provide the information in an accessible form.</p>'
         || '<h2>Enforcement procedure</h2><p>If our answer does not satisfy you, you may turn to the ombudsman of your region, '
         || 'who follows up this statement.</p>'),
        ('privacy', 4,
         'Politique de confidentialité', 'vie-privee',
         '<p>L’administration communale est responsable du traitement des données personnelles de cette plateforme, '
         || 'conformément au règlement général sur la protection des données (RGPD).</p>'
         || '<h2>Données traitées</h2><ul><li>Votre compte : nom, adresse e-mail, langue.</li>'
         || '<li>Vos contributions : idées, commentaires, réactions, votes et réponses aux enquêtes.</li></ul>'
         || '<h2>Finalités</h2><p>Permettre votre participation, vous informer du suivi de vos contributions et établir des '
         || 'statistiques anonymes. Vos données ne sont ni vendues ni utilisées à des fins publicitaires.</p>'
         || '<h2>Vos droits</h2><p>Vous pouvez consulter, corriger ou faire effacer vos données et vous opposer à leur '
         || 'traitement en écrivant à l’adresse de contact indiquée en bas de page.</p>',
         'Privacybeleid', 'privacybeleid',
         '<p>Het gemeentebestuur is verantwoordelijk voor de verwerking van de persoonsgegevens van dit platform, '
         || 'overeenkomstig de algemene verordening gegevensbescherming (AVG).</p>'
         || '<h2>Verwerkte gegevens</h2><ul><li>Uw account: naam, e-mailadres, taal.</li>'
         || '<li>Uw bijdragen: ideeën, reacties, steunbetuigingen, stemmen en antwoorden op enquêtes.</li></ul>'
         || '<h2>Doeleinden</h2><p>Uw deelname mogelijk maken, u informeren over de opvolging van uw bijdragen en anonieme '
         || 'statistieken opstellen. Uw gegevens worden niet verkocht en niet voor reclame gebruikt.</p>'
         || '<h2>Uw rechten</h2><p>U kunt uw gegevens inzien, verbeteren of laten wissen en u tegen de verwerking verzetten '
         || 'door te schrijven naar het contactadres onderaan de pagina.</p>',
         'Privacy policy', 'privacy',
         '<p>The municipal administration is the controller of the personal data processed by this platform, in accordance '
         || 'with the General Data Protection Regulation (GDPR).</p>'
         || '<h2>Data processed</h2><ul><li>Your account: name, e-mail address, language.</li>'
         || '<li>Your contributions: ideas, comments, reactions, votes and survey answers.</li></ul>'
         || '<h2>Purposes</h2><p>Enabling your participation, informing you of the follow-up of your contributions and '
         || 'producing anonymous statistics. Your data are neither sold nor used for advertising.</p>'
         || '<h2>Your rights</h2><p>You may access, correct or have your data erased and object to their processing by writing '
         || 'to the contact address at the bottom of the page.</p>'),
        ('terms', 5,
         'Conditions d’utilisation', 'conditions-utilisation',
         '<p>En utilisant cette plateforme, vous acceptez les règles suivantes.</p>'
         || '<h2>Respect</h2><p>Les contributions restent courtoises et en rapport avec le projet. Les propos injurieux, '
         || 'discriminatoires, diffamatoires ou publicitaires sont masqués par la modération.</p>'
         || '<h2>Vos contributions</h2><p>Vous restez l’auteur de vos contributions et autorisez la commune à les publier et '
         || 'à les utiliser pour ses projets.</p><h2>Comptes</h2><p>Un compte par personne. La commune peut bloquer un compte '
         || 'qui ne respecte pas ces règles.</p>',
         'Gebruiksvoorwaarden', 'gebruiksvoorwaarden',
         '<p>Door dit platform te gebruiken, aanvaardt u de volgende regels.</p>'
         || '<h2>Respect</h2><p>Bijdragen blijven hoffelijk en gaan over het project. Beledigende, discriminerende, lasterlijke '
         || 'of reclameboodschappen worden door de moderatie verborgen.</p>'
         || '<h2>Uw bijdragen</h2><p>U blijft de auteur van uw bijdragen en staat de gemeente toe ze te publiceren en voor haar '
         || 'projecten te gebruiken.</p><h2>Accounts</h2><p>Eén account per persoon. De gemeente kan een account blokkeren dat '
         || 'deze regels niet naleeft.</p>',
         'Terms of use', 'terms',
         '<p>By using this platform, you accept the following rules.</p>'
         || '<h2>Respect</h2><p>Contributions stay courteous and on topic. Insulting, discriminating, defamatory or advertising '
         || 'messages are hidden by moderation.</p>'
         || '<h2>Your contributions</h2><p>You remain the author of your contributions and allow the municipality to publish '
         || 'them and use them for its projects.</p><h2>Accounts</h2><p>One account per person. The municipality may block an '
         || 'account that does not follow these rules.</p>')
        ) AS v (kind, ord, fr_title, fr_slug, fr_body, nl_title, nl_slug, nl_body, en_title, en_slug, en_body)
    LOOP
        CONTINUE WHEN EXISTS (SELECT 1 FROM pages WHERE kind = p.kind);
        CONTINUE WHEN EXISTS (SELECT 1 FROM page_slugs WHERE slug IN (p.fr_slug, p.nl_slug, p.en_slug));
        page := gen_random_uuid();
        INSERT INTO pages (id, kind, status, in_footer, footer_order, published_at)
        VALUES (page, p.kind, 'published', true, p.ord, now());
        INSERT INTO page_texts (page_id, language, title, slug, body)
        VALUES (page, 'fr', p.fr_title, p.fr_slug, p.fr_body),
               (page, 'nl', p.nl_title, p.nl_slug, p.nl_body),
               (page, 'en', p.en_title, p.en_slug, p.en_body);
        INSERT INTO page_slugs (slug, page_id) VALUES (p.fr_slug, page), (p.nl_slug, page), (p.en_slug, page);
    END LOOP;
END
$$;

SELECT seed_standard_pages();
