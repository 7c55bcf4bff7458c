import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Editor } from '@tiptap/core';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { RichTextEditor } from './rich-text-editor';

vi.mock('@/api/client', () => ({
  api: { uploadImage: vi.fn() },
}));

const uploadImage = vi.mocked(api.uploadImage);
const KEY = '0123456789abcdef0123456789abcdef';

function Field({ initial, onChange, errors }: { initial: string; onChange: (html: string) => void; errors?: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <RichTextEditor
        id="description"
        label="Description"
        hint="Intertitres, listes et liens."
        errors={errors}
        value={value}
        lang="fr"
        onChange={(html) => {
          setValue(html);
          onChange(html);
        }}
      />
      <button type="button" onClick={() => setValue('<p>Remplacé</p>')}>
        Remplacer
      </button>
    </>
  );
}

function renderField(initial = '', errors?: string[]) {
  const onChange = vi.fn();
  render(
    <TestProviders>
      <Field initial={initial} onChange={onChange} errors={errors} />
    </TestProviders>,
  );
  const textbox = screen.getByRole('textbox', { name: 'Description' });
  const editor = (textbox as HTMLElement & { editor: Editor }).editor;
  return { user: userEvent.setup(), onChange, textbox, editor };
}

/** Selects the text of the first paragraph (ProseMirror positions: 1 is its start). */
function selectText(editor: Editor, length: number) {
  act(() => {
    editor.commands.focus();
    editor.commands.setTextSelection({ from: 1, to: 1 + length });
  });
}

describe('RichTextEditor', () => {
  beforeEach(async () => {
    uploadImage.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('is a textbox named by its label and described by its hint and errors, with a toolbar of one tab stop', async () => {
    const { user, textbox } = renderField('<p>Bonjour</p>', ['Trop long.']);

    expect(textbox).toHaveAttribute('aria-multiline', 'true');
    expect(textbox).toHaveAttribute('contenteditable', 'true');
    expect(textbox).toHaveAttribute('lang', 'fr');
    expect(textbox).toHaveAttribute('aria-invalid', 'true');
    expect(textbox).toHaveAccessibleDescription(/Intertitres, listes et liens\. Trop long\./);
    const toolbar = screen.getByRole('toolbar', { name: 'Mise en forme : Description' });
    const buttons = within(toolbar).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Gras',
      'Italique',
      'Intertitre',
      'Sous-intertitre',
      'Liste à puces',
      'Liste numérotée',
      'Citation',
      'Lien',
      'Image',
      'Annuler la modification',
      'Rétablir la modification',
    ]);
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    expect(within(toolbar).getByRole('button', { name: 'Gras' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(toolbar).getByRole('button', { name: 'Annuler la modification' })).toHaveAttribute('aria-disabled', 'true');

    act(() => buttons[0].focus());
    await user.keyboard('{ArrowRight}');
    expect(buttons[1]).toHaveFocus();
    expect(buttons[1].tabIndex).toBe(0);
    expect(buttons[0].tabIndex).toBe(-1);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(buttons[10]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(buttons[0]).toHaveFocus();
    await user.keyboard('{End}');
    expect(buttons[10]).toHaveFocus();
  });

  it('formats the selection from the toolbar, shows the state with aria-pressed and emits the HTML', async () => {
    const { user, onChange, editor } = renderField('<p>Bonjour</p>');
    const toolbar = screen.getByRole('toolbar');

    selectText(editor, 7);
    await user.click(within(toolbar).getByRole('button', { name: 'Gras' }));
    expect(onChange).toHaveBeenLastCalledWith('<p><strong>Bonjour</strong></p>');
    expect(within(toolbar).getByRole('button', { name: 'Gras' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(toolbar).getByRole('button', { name: 'Intertitre' }));
    expect(onChange).toHaveBeenLastCalledWith('<h2><strong>Bonjour</strong></h2>');
    expect(within(toolbar).getByRole('button', { name: 'Intertitre' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(toolbar).getByRole('button', { name: 'Liste à puces' }));
    expect(onChange).toHaveBeenLastCalledWith('<ul><li><p><strong>Bonjour</strong></p></li></ul>');

    // Undo takes back the last changes (quick successive changes are one step of the history).
    await user.click(within(toolbar).getByRole('button', { name: 'Annuler la modification' }));
    expect(onChange.mock.lastCall?.[0]).not.toContain('<ul>');
    expect(within(toolbar).getByRole('button', { name: 'Rétablir la modification' })).not.toHaveAttribute('aria-disabled');
  });

  it('keeps only what the server allows, and takes a value set from outside without echoing it', async () => {
    const { user, onChange, editor, textbox } = renderField(
      '<h1>Titre</h1><p>a <code>b</code> <a href="javascript:alert(1)">c</a></p>' +
        '<img src="https://tracker.example/x.png" alt="x"><img src="/api/v1/media/' +
        KEY +
        '.png" alt="Plan"><pre>code</pre>',
    );

    const html = editor.getHTML();
    expect(html).not.toMatch(/<h1|<code|<pre|javascript:|tracker\.example/);
    expect(html).toContain(`<img src="/api/v1/media/${KEY}.png" alt="Plan">`);

    await user.click(screen.getByRole('button', { name: 'Remplacer' }));
    expect(textbox).toHaveTextContent('Remplacé');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('adds a link through its dialog, refusing anything but http(s) and mailto', async () => {
    const { user, onChange, editor } = renderField('<p>Le parc</p>');

    selectText(editor, 7);
    await user.click(screen.getByRole('button', { name: 'Lien' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lien' });
    const url = within(dialog).getByLabelText('Adresse du lien');
    await user.type(url, 'javascript:alert(1)');
    await user.click(within(dialog).getByRole('button', { name: 'Appliquer le lien' }));
    expect(url).toHaveAccessibleDescription(/Indiquez une adresse commençant par https:\/\//);
    expect(onChange).not.toHaveBeenCalled();

    await user.clear(url);
    await user.type(url, 'https://ville.example/parc');
    await user.click(within(dialog).getByRole('button', { name: 'Appliquer le lien' }));
    expect(onChange).toHaveBeenLastCalledWith(
      '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://ville.example/parc">Le parc</a></p>',
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('uploads an image and inserts it with its alt text, which is required unless the image is decorative', async () => {
    uploadImage.mockResolvedValue({ key: `${KEY}.png`, url: `/api/v1/media/${KEY}.png`, contentType: 'image/png', width: 4, height: 2 });
    const { user, onChange } = renderField('<p>Le parc</p>');

    await user.click(screen.getByRole('button', { name: 'Image' }));
    const dialog = await screen.findByRole('dialog', { name: 'Insérer une image' });
    const file = new File([new Uint8Array(8)], 'plan.png', { type: 'image/png' });
    await user.upload(within(dialog).getByLabelText('Image (PNG, JPEG ou WebP, 5 Mo au plus)'), file);
    await user.click(within(dialog).getByRole('button', { name: 'Insérer l’image' }));
    expect(within(dialog).getByLabelText('Texte alternatif')).toHaveAccessibleDescription(/Décrivez l’image/);
    expect(uploadImage).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('Texte alternatif'), 'Plan du parc');
    await user.click(within(dialog).getByRole('button', { name: 'Insérer l’image' }));
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(expect.stringContaining(`<img src="/api/v1/media/${KEY}.png" alt="Plan du parc">`)),
    );
    expect(uploadImage).toHaveBeenCalledWith({ data: file, fileName: 'plan.png' });
  });

  it('inserts a decorative image with an empty alt text', async () => {
    uploadImage.mockResolvedValue({ key: `${KEY}.png`, url: `/api/v1/media/${KEY}.png`, contentType: 'image/png', width: 4, height: 2 });
    const { user, onChange } = renderField('');

    await user.click(screen.getByRole('button', { name: 'Image' }));
    const dialog = await screen.findByRole('dialog', { name: 'Insérer une image' });
    await user.upload(within(dialog).getByLabelText(/Image \(PNG/), new File([new Uint8Array(8)], 'motif.png', { type: 'image/png' }));
    await user.click(within(dialog).getByLabelText(/Image décorative/));
    await user.click(within(dialog).getByRole('button', { name: 'Insérer l’image' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(`<img src="/api/v1/media/${KEY}.png" alt="">`));
  });
});
