import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { GetAttachmentLimitsResponse } from '@contracts/participation-client';
import type { PendingAttachment } from '../api/attachments';
import { altFieldId, AttachmentsField, pendingErrors } from './attachments-field';

const limits: GetAttachmentLimitsResponse = {
  maxPerIdea: 2,
  maxImageBytes: 1024,
  maxPdfBytes: 2048,
  maxAltLength: 300,
  imageTypes: ['image/png', 'image/jpeg', 'image/webp'],
  documentTypes: ['application/pdf'],
};

function Harness({ onPending }: { onPending?: (p: PendingAttachment[]) => void }) {
  const [pending, setPending] = useState<PendingAttachment[]>([]);
  const errors = pendingErrors(pending, limits, 'Décrivez la photo.');
  return (
    <AttachmentsField
      limits={limits}
      pending={pending}
      onChange={(next) => {
        setPending(next);
        onPending?.(next);
      }}
      errors={errors}
    />
  );
}

describe('AttachmentsField', () => {
  URL.createObjectURL = vi.fn(() => 'blob:preview');
  URL.revokeObjectURL = vi.fn();

  it('shows the limits, previews a chosen photo and asks for its alt text', async () => {
    const user = userEvent.setup();
    const onPending = vi.fn();
    render(<Harness onPending={onPending} />);
    const input = screen.getByLabelText('Ajouter des photos ou des PDF');
    expect(screen.getByText(/Au plus 2 fichiers/)).toBeInTheDocument();

    await user.upload(input, new File([new Uint8Array(10)], 'banc.png', { type: 'image/png' }));

    const alt = screen.getByLabelText('Description de la photo « banc.png »');
    expect(alt).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Décrivez la photo.')).toBeInTheDocument();
    await user.type(alt, 'Un banc');
    expect(alt).not.toHaveAttribute('aria-invalid');
    expect(onPending).toHaveBeenLastCalledWith([expect.objectContaining({ alt: 'Un banc' })]);
    expect(altFieldId('x')).toBe('attachment-x-alt');
  });

  it('refuses a wrong type, a file over the limit and more files than the idea takes; removes a chosen one', async () => {
    const user = userEvent.setup({ applyAccept: false });
    render(<Harness />);
    const input = screen.getByLabelText('Ajouter des photos ou des PDF');

    await user.upload(input, [
      new File(['x'], 'notes.txt', { type: 'text/plain' }),
      new File([new Uint8Array(4096)], 'grand.png', { type: 'image/png' }),
      new File(['%PDF-'], 'plan.pdf', { type: 'application/pdf' }),
    ]);

    expect(screen.getByText(/« notes.txt » n’est ni une photo/)).toBeInTheDocument();
    expect(screen.getByText(/« grand.png » dépasse 0 Mo/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retirer « plan.pdf »' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retirer « plan.pdf »' }));
    expect(screen.queryByRole('button', { name: 'Retirer « plan.pdf »' })).not.toBeInTheDocument();
  });
});
