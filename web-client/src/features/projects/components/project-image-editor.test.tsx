import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { ProjectImageEditor } from './project-image-editor';

vi.mock('@/api/client', () => ({
  api: { setProjectImage: vi.fn() },
}));

const setProjectImage = vi.mocked(api.setProjectImage);

function renderEditor(imageUrl?: string) {
  render(
    <TestProviders>
      <ProjectImageEditor projectId="p-1" imageUrl={imageUrl} />
    </TestProviders>,
  );
  return userEvent.setup();
}

function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const png = (bytes = 68) => new File([new Uint8Array(bytes)], 'parc.png', { type: 'image/png' });

describe('ProjectImageEditor', () => {
  beforeEach(async () => {
    setProjectImage.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('says which files are accepted and refuses an image over 5 MB beside the field, without calling the API', async () => {
    const user = renderEditor();
    const input = screen.getByLabelText('Fichier image');
    expect(input).toHaveAttribute('accept', 'image/png,image/jpeg,image/webp');
    expect(input).toHaveAccessibleDescription(/PNG, JPEG ou WebP, 5 Mo au plus/);
    expect(screen.getByText(/Pas encore d’image/)).toBeInTheDocument();

    await user.upload(input, png(5 * 1024 * 1024 + 1));
    await user.click(screen.getByRole('button', { name: 'Envoyer l’image' }));

    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(input)).toBe('L’image dépasse 5 Mo.');
    expect(screen.getByRole('alert')).toHaveTextContent('Certains champs ne sont pas valides.');
    expect(setProjectImage).not.toHaveBeenCalled();
  });

  it('shows the API’s refusal of the file beside the field', async () => {
    setProjectImage.mockRejectedValue({
      status: 400,
      title: 'One or more validation errors occurred.',
      errors: { file: ['Only PNG, JPEG or WebP images are accepted.'] },
    });
    const user = renderEditor();
    const input = screen.getByLabelText('Fichier image');
    await user.upload(input, png());
    await user.click(screen.getByRole('button', { name: 'Envoyer l’image' }));

    expect(await screen.findByText('Only PNG, JPEG or WebP images are accepted.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(errorOf(input)).toBe('Only PNG, JPEG or WebP images are accepted.');
    expect(screen.getByRole('link', { name: 'Fichier image' })).toHaveAttribute('href', '#project-image-file');
    expect(setProjectImage).toHaveBeenCalledWith('p-1', expect.objectContaining({ fileName: 'parc.png' }));
  });

  it('says a 413 (too large for the server) beside the field too', async () => {
    setProjectImage.mockRejectedValue({ status: 413, title: 'Content Too Large' });
    const user = renderEditor();
    const input = screen.getByLabelText('Fichier image');
    await user.upload(input, png());
    await user.click(screen.getByRole('button', { name: 'Envoyer l’image' }));
    await vi.waitFor(() => expect(errorOf(input)).toBe('L’image dépasse 5 Mo.'));
  });

  it('uploads the file and previews the new image', async () => {
    setProjectImage.mockResolvedValue({ imageUrl: '/api/v1/projects/p-1/image?v=new' });
    const user = renderEditor('/api/v1/projects/p-1/image?v=old');
    expect(screen.getByRole('img', { name: 'Image d’en-tête actuelle du projet' })).toHaveAttribute(
      'src',
      '/api/v1/projects/p-1/image?v=old',
    );
    await user.upload(screen.getByLabelText('Fichier image'), png());
    await user.click(screen.getByRole('button', { name: 'Remplacer l’image' }));

    expect(await screen.findByText('L’image d’en-tête a été enregistrée.')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Image d’en-tête actuelle du projet' })).toHaveAttribute(
      'src',
      '/api/v1/projects/p-1/image?v=new',
    );
    expect(screen.getByLabelText('Fichier image')).not.toHaveAttribute('aria-invalid');
  });
});
