import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SiteHeader } from './site-header';

function renderHeader() {
  const header = (
    <SiteHeader
      siteName="Participation"
      homeLabel="Accueil"
      navLabel="Navigation principale"
      menuLabel="Menu"
      items={[
        { to: '/', label: 'Accueil' },
        { to: '/projects', label: 'Projets', end: false },
      ]}
      languageSwitcher={<span />}
    />
  );
  // One header for both pages (a layout route), as in the app: it stays mounted across visits.
  const router = createMemoryRouter([{ path: '/', element: header, children: [{ index: true }, { path: 'projects' }] }], {
    initialEntries: ['/'],
  });
  render(<RouterProvider router={router} />);
}

describe('SiteHeader', () => {
  it('folds the sections behind « Menu »: opened by the button, closed by Escape and after a visit', async () => {
    renderHeader();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    const menu = within(nav).getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    const list = document.getElementById(menu.getAttribute('aria-controls')!)!;
    expect(list).toContainElement(within(nav).getByRole('link', { name: 'Projets' }));

    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(menu);
    await userEvent.click(within(nav).getByRole('link', { name: 'Projets' }));
    expect(await screen.findByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('link', { name: 'Projets' })).toHaveAttribute('aria-current', 'page');
  });
});
