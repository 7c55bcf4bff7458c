import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { networkLinks, ShareButtons, shareUrl } from './share-buttons';

const url = 'https://participation.example/share/projects/p-1?lang=fr';

function renderButtons() {
  return render(
    <TestProviders>
      <ShareButtons url={url} title="Parc du centre & kiosque" />
    </TestProviders>,
  );
}

describe('ShareButtons', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('builds the share page address in the reader’s language', () => {
    expect(shareUrl('/projects/parc/ideas/des-bancs', 'nl', 'https://city.example')).toBe(
      'https://city.example/share/projects/parc/ideas/des-bancs?lang=nl',
    );
  });

  it('copies the link and says so in a live region', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderButtons();
    const region = screen.getByRole('region', { name: 'Partager' });
    expect(within(region).getByRole('status')).toBeEmptyDOMElement();

    await user.click(within(region).getByRole('button', { name: 'Copier le lien' }));

    expect(writeText).toHaveBeenCalledWith(url);
    expect(await within(region).findByRole('status')).toHaveTextContent('Lien copié dans le presse-papiers.');
  });

  it('tells how to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    renderButtons();
    await user.click(screen.getByRole('button', { name: 'Copier le lien' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Le lien n’a pas pu être copié');
  });

  it('offers e-mail and the networks’ share pages, each a named link opening a new tab', () => {
    renderButtons();
    const mail = screen.getByRole('link', { name: 'Envoyer par e-mail' });
    expect(mail).toHaveAttribute(
      'href',
      `mailto:?subject=${encodeURIComponent('Parc du centre & kiosque')}&body=${encodeURIComponent(`Parc du centre & kiosque\n${url}`)}`,
    );
    const facebook = screen.getByRole('link', { name: 'Partager sur Facebook (nouvel onglet)' });
    expect(facebook).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
    expect(facebook).toHaveAttribute('target', '_blank');
    expect(facebook).toHaveAttribute('rel', 'noopener noreferrer');
    for (const name of ['Partager sur X (nouvel onglet)', 'Partager sur LinkedIn (nouvel onglet)', 'Partager sur WhatsApp (nouvel onglet)'])
      expect(screen.getByRole('link', { name })).toBeInTheDocument();
    expect(networkLinks(url, 'a&b').find((l) => l.key === 'x')?.href).toBe(
      `https://twitter.com/intent/tweet?url=${encodeURIComponent(url)}&text=a%26b`,
    );
  });

  it('offers the device’s share sheet only where the browser has one', async () => {
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: 'Partager…' })).not.toBeInTheDocument();
    const share = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    renderButtons();
    await user.click(screen.getByRole('button', { name: 'Partager…' }));
    expect(share).toHaveBeenCalledWith({ title: 'Parc du centre & kiosque', url });
    Reflect.deleteProperty(navigator, 'share');
  });
});
