import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { LocalizedHtml, LocalizedInSentence, LocalizedText, TextInLanguage, pickLocalized } from './localized-text';

afterEach(async () => {
  await i18n.changeLanguage('fr');
});

describe('a multilingual text', () => {
  it('picks the page’s language, else French, else any', () => {
    expect(pickLocalized({ fr: 'Parc', nl: 'Park' }, 'nl')).toEqual({ text: 'Park', language: 'nl' });
    expect(pickLocalized({ fr: 'Parc', nl: '' }, 'nl')).toEqual({ text: 'Parc', language: 'fr' });
    expect(pickLocalized({ en: 'Park' }, 'nl')).toEqual({ text: 'Park', language: 'en' });
    expect(pickLocalized({}, 'nl')).toBeNull();
  });

  it('shows a translated text as it is, without a note', async () => {
    await i18n.changeLanguage('nl');
    render(
      <TestProviders>
        <h1>
          <LocalizedText value={{ fr: 'Parc Léopold', nl: 'Leopoldpark' }} />
        </h1>
      </TestProviders>,
    );
    expect(screen.getByRole('heading', { name: 'Leopoldpark' })).toBeInTheDocument();
    expect(screen.queryByText(/niet vertaald/)).not.toBeInTheDocument();
  });

  it('marks a fallback with its own language and a « not translated » note in the page’s language', async () => {
    await i18n.changeLanguage('nl');
    render(
      <TestProviders>
        <h1>
          <LocalizedText value={{ fr: 'Parc Léopold' }} />
        </h1>
      </TestProviders>,
    );
    expect(screen.getByRole('heading', { name: 'Parc Léopold (niet vertaald)' })).toBeInTheDocument();
    expect(screen.getByText('Parc Léopold')).toHaveAttribute('lang', 'fr');
    // The note is in the page's language (<html lang="nl">), outside the fallback's lang.
    expect(screen.getByText(/niet vertaald/).closest('[lang]')).toBe(document.documentElement);
    expect(document.documentElement).toHaveAttribute('lang', 'nl');
  });

  it('marks a rich-text fallback the same way', async () => {
    await i18n.changeLanguage('en');
    const { container } = render(
      <TestProviders>
        <LocalizedHtml className="rich-text" value={{ fr: '<p>Des arbres</p>', nl: '' }} />
      </TestProviders>,
    );
    expect(screen.getByText(/not translated/)).toBeInTheDocument();
    expect(container.querySelector('.rich-text')).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('Des arbres')).toBeInTheDocument();
  });

  it('marks a text inside a translated sentence (a survey question’s legend), the sentence staying in the page’s language', async () => {
    await i18n.changeLanguage('nl');
    render(
      <TestProviders>
        <fieldset>
          <legend>
            <LocalizedInSentence
              sentence={(slot) => i18n.t('surveys.answer.labelRequired', { number: 2, title: slot })}
              value={{ fr: 'Votre quartier' }}
            />
          </legend>
        </fieldset>
      </TestProviders>,
    );
    expect(screen.getByRole('group', { name: '2. Votre quartier (niet vertaald) (verplicht)' })).toBeInTheDocument();
    expect(screen.getByText('Votre quartier')).toHaveAttribute('lang', 'fr');
  });

  it('marks a text the API picked in another language (a page, the home page) the same way', async () => {
    await i18n.changeLanguage('en');
    render(
      <TestProviders>
        <h1>
          <TextInLanguage text="À propos" language="fr" />
        </h1>
        <p>
          <TextInLanguage text="About" language="en" />
        </p>
      </TestProviders>,
    );
    expect(screen.getByRole('heading', { name: 'À propos (not translated)' })).toBeInTheDocument();
    expect(screen.getByText('À propos')).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('About')).not.toHaveAttribute('lang');
  });
});
