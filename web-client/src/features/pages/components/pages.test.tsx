import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PageKind, PageLanguage, type GetPageBySlugPublicPage } from '@contracts/participation-client';
import { api } from '@/api/client';
import { SiteFooter } from '@/components/layout/site-footer';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { FooterLinks } from './footer-links';
import { PageView, questionsOf } from './page-view';
import { slugify } from './slug';

vi.mock('@/api/client', () => ({ api: { listPages: vi.fn() } }));
const listPages = vi.mocked(api.listPages);

const link = (id: string, title: string, slug: string, inFooter = true) => ({
  id,
  kind: PageKind.Free,
  language: PageLanguage.Fr,
  title,
  slug,
  inFooter,
  footerOrder: 1,
});

describe('the footer', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
    listPages.mockReset();
  });

  it('links the published footer pages, and shows the legal entity and contact address', async () => {
    listPages.mockResolvedValue({
      items: [
        link('1', 'À propos', 'a-propos'),
        link('2', 'Hors pied de page', 'ailleurs', false),
        link('3', 'Accessibilité', 'accessibilite'),
      ],
    });
    render(
      <TestProviders>
        <MemoryRouter>
          <SiteFooter
            siteName="Lumière participe"
            tagline="La plateforme"
            links={<FooterLinks language="fr" label="Pages d’information" />}
            legalName="Administration communale de Lumière"
            legalAddress={'Place du Marché 1\n4000 Lumière'}
            contactEmail="participation@city.example"
            contactLabel="Contact :"
          />
        </MemoryRouter>
      </TestProviders>,
    );

    const nav = await screen.findByRole('navigation', { name: 'Pages d’information' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['À propos', 'Accessibilité']);
    expect(links[0]).toHaveAttribute('href', '/pages/a-propos');
    expect(listPages).toHaveBeenCalledWith('fr', expect.anything());
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByText('Administration communale de Lumière')).toBeInTheDocument();
    expect(within(footer).getByRole('link', { name: 'participation@city.example' })).toHaveAttribute(
      'href',
      'mailto:participation@city.example',
    );
  });
});

describe('a page', () => {
  const faq: GetPageBySlugPublicPage = {
    id: 'p',
    kind: PageKind.Faq,
    language: PageLanguage.Fr,
    title: 'Questions fréquentes',
    slug: 'questions-frequentes',
    body: '<h2>Faut-il un compte ?</h2><p>Non.</p><h2>Que devient mon idée ?</h2><p>Elle est lue.</p>',
    slugs: { fr: 'questions-frequentes', en: 'faq' },
    updatedAt: '2026-12-01T00:00:00Z',
  };

  it('lists the FAQ’s questions first, each a link to its heading', () => {
    render(
      <TestProviders>
        <PageView page={faq} contact={{}} />
      </TestProviders>,
    );
    const index = screen.getByRole('navigation', { name: 'Questions' });
    const links = within(index).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#question-1', '#question-2']);
    expect(screen.getByRole('heading', { level: 2, name: 'Que devient mon idée ?' })).toHaveAttribute('id', 'question-2');
  });

  it('ends the accessibility statement with how to report a problem: the platform’s contact address', () => {
    render(
      <TestProviders>
        <PageView
          page={{ ...faq, kind: PageKind.Accessibility, body: '<p>WCAG 2.1 AA</p>' }}
          contact={{ email: 'participation@city.example', legalName: 'Commune' }}
        />
      </TestProviders>,
    );
    const section = screen.getByRole('region', { name: 'Signaler un problème' });
    expect(within(section).getByRole('link', { name: 'participation@city.example' })).toHaveAttribute(
      'href',
      'mailto:participation@city.example',
    );
  });

  it('suggests slugs the API accepts', () => {
    expect(slugify('Vie privée & cookies !')).toBe('vie-privee-cookies');
    expect(slugify('  Ça   déménage  ')).toBe('ca-demenage');
    expect(questionsOf('<p>no heading</p>').questions).toEqual([]);
  });
});

describe('a page shown in another language than the reader’s', () => {
  it('gives its body its own language and says it is not translated, in the page’s language', async () => {
    await i18n.changeLanguage('en');
    const page: GetPageBySlugPublicPage = {
      id: 'p1',
      kind: PageKind.Free,
      language: PageLanguage.Fr,
      title: 'À propos',
      slug: 'a-propos',
      body: '<p>Une plateforme de la ville.</p>',
      slugs: { fr: 'a-propos' },
      updatedAt: '2026-01-01T00:00:00Z',
    };
    render(
      <TestProviders>
        <PageView page={page} contact={{}} />
      </TestProviders>,
    );
    expect(screen.getByText('Une plateforme de la ville.').closest('[lang]')).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('(not translated)')).toBeInTheDocument();
    await i18n.changeLanguage('fr');
  });
});
