import { createContext, useContext, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
// Types only: the kinds are compared with their values (TypeScript checks them against the enums), since importing
// the enums would bring the generated client into the home page's first load (src/api/first-load.ts).
import type { HomeEvent, HomePageView, HomeProject, HomeResult, HomeSection } from '@contracts/participation-client';
import { NotTranslatedNote, TextInLanguage } from '@/components/ui/localized-text';
import { formatDate, formatDateTime, formatFigure } from '@/lib/format';

/** The language the home page's content is in (the reader's, else the default one), and whether to add the note. */
const ContentLanguage = createContext<{ language: string; note: boolean }>({ language: 'fr', note: false });

/** A text of the home page's content (the layout's words, the projects' and events' titles...): in another language than
 * the page's, it carries its `lang` (and, on the home page itself, the « non traduit » note). */
function Content({ text }: { text: string }) {
  const { language, note } = useContext(ContentLanguage);
  return <TextInLanguage text={text} language={language} note={note} />;
}

export interface HomeViewProps {
  home: HomePageView;
  /**
   * 1: the page's h1 is the banner's title, drawn by the route (sections are h2); 2: a preview inside another page (the
   * banner's title and the sections are h3).
   */
  level?: 1 | 2;
}

/** A link to a path of this app, or to another site (an https address) in the same tab. */
function CallToAction({ label, link }: { label: ReactNode; link: string }) {
  return link.startsWith('/') ? (
    <Link className="button button--primary" to={link}>
      {label}
    </Link>
  ) : (
    <a className="button button--primary" href={link}>
      {label}
    </a>
  );
}

/**
 * The home page as its layout says: the banner (image with its alternative text, text, call to action), the pinned
 * projects, then the visible sections in order, each with its heading (the editor's, else the standard one).
 */
export function HomeView({ home, level = 1 }: HomeViewProps) {
  const { t, i18n } = useTranslation();
  const H = level === 1 ? 'h2' : 'h3';
  const { banner } = home;
  // Shown in another language than the page's (no home page in the reader's): each text says so, on the home page itself (a
  // preview in the editor shows a draft in its own language: its texts only carry their `lang`).
  const other = home.language !== i18n.language;
  const note = other && level === 1;
  return (
    <ContentLanguage.Provider value={{ language: home.language, note }}>
      <div className="home">
        <div className={home.imageUrl ? 'home-banner home-banner--image' : 'home-banner'}>
          {home.imageUrl ? <img className="home-banner__image" src={home.imageUrl} alt={banner.imageAlt ?? ''} /> : null}
          <div className="home-banner__body">
            {level === 2 ? (
              <h3 className="home-banner__title">
                <Content text={banner.title} />
              </h3>
            ) : null}
            {banner.text && note ? <NotTranslatedNote /> : null}
            {banner.text ? (
              <div className="rich-text" lang={other ? home.language : undefined} dangerouslySetInnerHTML={{ __html: banner.text }} />
            ) : null}
            {banner.ctaLabel && banner.ctaLink ? (
              <p className="cta__actions">
                <CallToAction label={<Content text={banner.ctaLabel} />} link={banner.ctaLink} />
              </p>
            ) : null}
          </div>
        </div>
        {home.pinnedProjects.length > 0 ? (
          <HomeBlock heading={t('homePage.sections.pinned')} level={H}>
            <ProjectList projects={home.pinnedProjects} />
          </HomeBlock>
        ) : null}
        {home.sections.map((section) => (
          <SectionView key={section.kind} section={section} home={home} level={H} />
        ))}
      </div>
    </ContentLanguage.Provider>
  );
}

function HomeBlock({ heading, level: H, children }: { heading: ReactNode; level: 'h2' | 'h3'; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel home-section" aria-labelledby={id}>
      <H id={id}>{heading}</H>
      {children}
    </section>
  );
}

function SectionView({ section, home, level }: { section: HomeSection; home: HomePageView; level: 'h2' | 'h3' }) {
  const { t, i18n } = useTranslation();
  const heading = section.heading ? <Content text={section.heading} /> : t(`homePage.sections.${section.kind}`);
  const empty = <p className="muted">{t('homePage.empty')}</p>;
  switch (section.kind) {
    case 'open_projects':
    case 'closing_soon': {
      const projects = section.kind === 'open_projects' ? home.openProjects : home.closingSoon;
      return (
        <HomeBlock heading={heading} level={level}>
          {projects.length === 0 ? (
            <p className="muted">{section.kind === 'open_projects' ? t('home.projects.emptyTitle') : t('homePage.closingSoonEmpty')}</p>
          ) : (
            <ProjectList projects={projects} />
          )}
          <p className="section-link">
            <Link to="/projects">{t('home.projects.all')}</Link>
          </p>
        </HomeBlock>
      );
    }
    case 'upcoming_events':
      return (
        <HomeBlock heading={heading} level={level}>
          {home.upcomingEvents.length === 0 ? empty : <EventList events={home.upcomingEvents} />}
          <p className="section-link">
            <Link to="/events">{t('calendarEvents.all')}</Link>
          </p>
        </HomeBlock>
      );
    case 'results_and_decisions':
      return (
        <HomeBlock heading={heading} level={level}>
          {home.resultsAndDecisions.length === 0 ? empty : <ResultList results={home.resultsAndDecisions} />}
        </HomeBlock>
      );
    case 'figures':
      return (
        <HomeBlock heading={heading} level={level}>
          <p className="muted">{t('homePage.figuresPeriod')}</p>
          <dl className="home-figures">
            {home.figures.map((figure) => (
              <div key={figure.key} className="home-figures__item">
                <dt>
                  <Content text={figure.label} />
                </dt>
                <dd>{figure.value === undefined || figure.value === null ? '–' : formatFigure(figure.value, i18n.language)}</dd>
              </div>
            ))}
          </dl>
        </HomeBlock>
      );
    default:
      return null;
  }
}

function ProjectList({ projects }: { projects: HomeProject[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="card-list card-list--grid">
      {projects.map((project) => (
        <li key={project.id} className="card">
          {project.imageUrl ? <img className="card__image" src={project.imageUrl} alt="" /> : null}
          <p className="card__title">
            <Link to={`/projects/${project.id}`}>
              <Content text={project.title} />
            </Link>
          </p>
          {project.summary ? (
            <p>
              <Content text={project.summary} />
            </p>
          ) : null}
          {project.phaseEndsAt ? (
            <p className="muted">{t('homePage.closesOn', { date: formatDate(project.phaseEndsAt, i18n.language) })}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function EventList({ events }: { events: HomeEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="card-list">
      {events.map((event) => (
        <li key={event.id} className="card">
          <p className="card__title">
            <Link to={`/events/${event.id}`}>
              <Content text={event.title} />
            </Link>
          </p>
          <p>
            {formatDateTime(event.startsAt, i18n.language)}
            {event.placeName ? ` · ${event.placeName}` : event.online ? ` · ${t('homePage.online')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ResultList({ results }: { results: HomeResult[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="card-list">
      {results.map((result) => (
        <li key={`${result.kind}-${result.id}`} className="card">
          <p className="card__title">
            <Link
              to={result.kind === 'project_finished' ? `/projects/${result.projectId}` : `/projects/${result.projectId}/ideas/${result.id}`}
            >
              <Content text={result.title} />
            </Link>
          </p>
          <p className="muted">
            {t(`homePage.results.${result.kind}`)}
            {result.kind === 'project_finished' ? null : (
              <>
                {' · '}
                <Content text={result.projectTitle} />
              </>
            )}{' '}
            · {formatDate(result.at, i18n.language)}
          </p>
        </li>
      ))}
    </ul>
  );
}
