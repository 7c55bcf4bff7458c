import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubmitIdeaRequest } from '@contracts/participation-client';
import { i18n } from '@/lib/i18n';
import { MAP, renderWithApp } from '@/test/idea-fixtures';
import { IdeaForm, type IdeaFormProps } from './idea-form';

function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

const TOPICS = [
  { value: 't-1', label: 'Mobilité' },
  { value: 't-2', label: 'Nature' },
  { value: 't-3', label: 'Culture' },
];
const AREAS = [{ value: 'a-1', label: 'Gare' }];

function renderForm(props: Partial<IdeaFormProps> = {}) {
  const onSubmit = vi.fn<(request: SubmitIdeaRequest) => void>();
  const result = renderWithApp(
    <IdeaForm
      mapRequired={false}
      map={MAP}
      submitLabel="Publier mon idée"
      pending={false}
      error={null}
      onResetError={() => {}}
      onSubmit={onSubmit}
      {...props}
    />,
    '/projects/p-1/ideas/new',
  );
  return { ...result, onSubmit };
}

// The form holds a Leaflet map: give the machine time.
describe('IdeaForm', { timeout: 20_000 }, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('sends the text as escaped paragraphs, the chosen topics and area and the location typed', async () => {
    const { user, onSubmit } = renderForm({ mapRequired: true, topicOptions: TOPICS, areaOptions: AREAS });
    // Pasted: typing long texts one key at a time is slow in jsdom.
    await user.click(screen.getByLabelText('Titre'));
    await user.paste('  Un banc place du Jeu de Balle ');
    await user.click(screen.getByLabelText('Description'));
    await user.paste('Pour s’asseoir.\nÀ l’ombre.\n\nAvec <b>dossier</b> & accoudoirs.');
    await user.click(screen.getByRole('button', { name: 'Culture' }));
    await user.click(screen.getByRole('button', { name: 'Mobilité' }));
    await user.selectOptions(screen.getByLabelText('Quartier (facultatif)'), 'Gare');
    await user.type(screen.getByLabelText('Latitude'), '50.8466');
    await user.type(screen.getByLabelText('Longitude'), '4.3528');
    await user.click(screen.getByLabelText('Adresse ou lieu (facultatif)'));
    await user.paste('Place du Jeu de Balle');
    await user.click(screen.getByRole('button', { name: 'Publier mon idée' }));
    expect(onSubmit).toHaveBeenCalledWith(
      {
        title: 'Un banc place du Jeu de Balle',
        body: '<p>Pour s’asseoir.<br>À l’ombre.</p><p>Avec &lt;b&gt;dossier&lt;/b&gt; &amp; accoudoirs.</p>',
        topicIds: ['t-3', 't-1'],
        areaId: 'a-1',
        latitude: 50.8466,
        longitude: 4.3528,
        locationLabel: 'Place du Jeu de Balle',
        organisationId: undefined,
      },
      [],
    );
  });

  it('asks for a location when the phase maps ideas, and checks the title before sending', async () => {
    const { user, onSubmit } = renderForm({ mapRequired: true });
    expect(screen.getByRole('group', { name: 'Emplacement de l’idée' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Titre'), 'Un');
    await user.type(screen.getByLabelText('Description'), 'Texte');
    await user.click(screen.getByRole('button', { name: 'Publier mon idée' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Titre')).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionOf(screen.getByLabelText('Titre'))).toContain('Le titre doit compter entre 3 et 120 caractères.');
    expect(descriptionOf(screen.getByLabelText('Latitude'))).toContain('Cette phase demande un emplacement sur la carte.');
    expect(screen.getByRole('alert')).toHaveTextContent('Certains champs ne sont pas valides.');
  });

  it('leaves the location optional otherwise', async () => {
    const { user, onSubmit } = renderForm();
    expect(screen.getByRole('group', { name: 'Emplacement de l’idée (facultatif)' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Adresse ou lieu (facultatif)')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Titre'), 'Un potager partagé');
    await user.type(screen.getByLabelText('Description'), 'Au parc.');
    await user.click(screen.getByRole('button', { name: 'Publier mon idée' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ latitude: undefined, longitude: undefined, locationLabel: undefined, topicIds: [], areaId: undefined }),
      [],
    );
  });

  it('shows the API’s field errors beside their fields, a topic’s included', () => {
    renderForm({
      topicOptions: TOPICS,
      error: {
        status: 400,
        title: 'One or more fields are invalid.',
        errors: {
          title: ['Titre déjà utilisé.'],
          'topicIds[1]': ['Choisissez des thèmes proposés par la liste.'],
          latitude: ['Hors de la commune.'],
        },
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Certains champs ne sont pas valides.');
    expect(screen.getByRole('link', { name: 'Titre' })).toHaveAttribute('href', '#idea-title');
    expect(screen.getByLabelText('Titre')).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionOf(screen.getByLabelText('Titre'))).toContain('Titre déjà utilisé.');
    expect(screen.getByRole('group', { name: 'Thèmes (facultatif)' })).toHaveAccessibleDescription(
      /Choisissez des thèmes proposés par la liste\./,
    );
    expect(screen.getByRole('group', { name: 'Emplacement de l’idée (facultatif)' })).toHaveAccessibleDescription(/Hors de la commune\./);
  });

  it('toggles topic chips with the keyboard, pressed ones announced, none beyond ten', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ value: `t-${i}`, label: `Thème ${i}` }));
    const { user, onSubmit } = renderForm({ topicOptions: many });
    await user.type(screen.getByLabelText('Titre'), 'Un potager partagé');
    await user.type(screen.getByLabelText('Description'), 'Au parc.');
    screen.getByRole('button', { name: 'Thème 0' }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Thème 0' })).toHaveAttribute('aria-pressed', 'true');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Thème 1' })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Thème 1' })).toHaveAttribute('aria-pressed', 'false');
    for (let i = 1; i < 10; i++) await user.click(screen.getByRole('button', { name: `Thème ${i}` }));
    expect(screen.getByRole('button', { name: 'Thème 10' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Publier mon idée' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ topicIds: many.slice(0, 10).map((t) => t.value) }), []);
  });

  it('says why the API refused to take the idea', () => {
    renderForm({ error: { status: 403, title: 'Refused', action: 'post_idea', reason: 'limit_reached' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Vous avez atteint la limite prévue pour cette phase.');
  });

  it('posts for one of the user’s verified organisations when chosen', async () => {
    const { user, onSubmit } = renderForm({ organisations: [{ id: 'o-1', name: 'Comité des Marolles' }] });
    await user.type(screen.getByLabelText('Titre'), 'Un potager partagé');
    await user.type(screen.getByLabelText('Description'), 'Au parc.');
    expect(screen.getByLabelText('Publier en tant que')).toHaveValue('');
    await user.selectOptions(screen.getByLabelText('Publier en tant que'), 'Comité des Marolles');
    await user.click(screen.getByRole('button', { name: 'Publier mon idée' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ organisationId: 'o-1' }), []);
  });
});
