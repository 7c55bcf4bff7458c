import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { activeFilters, FiltersPanel } from './filters-panel';

describe('FiltersPanel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('folds the fields behind a « Filtres » disclosure that tells how many are set', async () => {
    const { container } = render(
      <FiltersPanel label="Filtrer les idées" active={2}>
        <label>
          Rechercher <input type="search" />
        </label>
      </FiltersPanel>,
    );
    // The search landmark (jsdom does not know the <search> element's role).
    const landmark = container.querySelector('search')!;
    expect(landmark).toHaveAttribute('aria-label', 'Filtrer les idées');
    const toggle = screen.getByRole('button', { name: 'Filtres (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const fields = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(fields).toContainElement(screen.getByLabelText('Rechercher'));
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(landmark).toHaveClass('filters-panel--open');
  });

  it('counts the filters set, not the sort nor the empty ones', () => {
    expect(activeFilters({ search: 'banc', status: '', topic: 't-1', sort: 'newest' })).toBe(2);
    expect(activeFilters({ sort: 'trending', bounds: null, search: '' }, ['sort', 'bounds'])).toBe(0);
  });
});
