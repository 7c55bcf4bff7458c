import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { emptyTexts, ProjectTextsForm } from './project-texts-form';

describe('ProjectTextsForm', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('tags the project with topics and areas picked from the lists, not typed', async () => {
    const onSubmit = vi.fn();
    render(
      <TestProviders>
        <ProjectTextsForm
          idPrefix="project"
          initial={emptyTexts()}
          initialTags={{ topicIds: ['t2'], areaIds: [] }}
          topicOptions={[
            { value: 't1', label: 'Mobilité' },
            { value: 't2', label: 'Nature' },
          ]}
          areaOptions={[
            { value: 'a1', label: 'Gare' },
            { value: 'a2', label: 'Marolles' },
          ]}
          submitLabel="Enregistrer"
          pending={false}
          error={null}
          onResetError={() => {}}
          onSubmit={onSubmit}
        />
      </TestProviders>,
    );
    const user = userEvent.setup();
    expect(screen.queryByRole('textbox', { name: /Thèmes/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nature' })).toHaveAttribute('aria-pressed', 'true');

    await user.type(screen.getByRole('textbox', { name: /Titre/ }), 'Un parc pour tous');
    await user.click(screen.getByRole('button', { name: 'Mobilité' }));
    await user.click(screen.getByRole('button', { name: 'Nature' }));
    await user.click(screen.getByRole('button', { name: 'Marolles' }));
    expect(screen.getByRole('group', { name: 'Quartiers' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(onSubmit).toHaveBeenCalledWith(expect.anything(), { topicIds: ['t1'], areaIds: ['a2'] });
  });
});
