import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SupportContact } from '@contracts/participation-client';
import { api } from '@/api/client';
import { i18n } from '@/lib/i18n';
import { TestProviders } from '@/test/providers';
import { SupportRequestForm } from './support-request-form';

vi.mock('@/api/client', () => ({
  api: { sendSupportRequest: vi.fn() },
}));

const sendSupportRequest = vi.mocked(api.sendSupportRequest);

function show() {
  render(
    <TestProviders>
      <SupportRequestForm />
    </TestProviders>,
  );
  return userEvent.setup();
}

describe('SupportRequestForm', () => {
  beforeEach(async () => {
    sendSupportRequest.mockReset();
    await i18n.changeLanguage('fr');
  });

  it('sends the subject, the message and the phone number to call back, then says it was sent', async () => {
    sendSupportRequest.mockResolvedValue({
      id: 'r1',
      subject: 'Export impossible',
      message: 'Il échoue.',
      contact: SupportContact.Phone,
      phone: '+32 2 123 45 67',
      createdAt: '2026-03-03T10:00:00Z',
    });
    const user = show();

    await user.type(screen.getByLabelText('Sujet'), 'Export impossible');
    await user.type(screen.getByLabelText('Message'), 'Il échoue.');
    await user.selectOptions(screen.getByLabelText('Réponse souhaitée'), 'Par téléphone');
    await user.type(screen.getByLabelText('Numéro de téléphone'), '+32 2 123 45 67');
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    expect(sendSupportRequest).toHaveBeenCalledWith({
      subject: 'Export impossible',
      message: 'Il échoue.',
      contact: SupportContact.Phone,
      phone: '+32 2 123 45 67',
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Votre demande a été envoyée à l’assistance.');
    expect(screen.getByLabelText('Sujet')).toHaveValue('');
  });

  it('says which fields are missing, next to them, and sends nothing', async () => {
    const user = show();

    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));

    expect(sendSupportRequest).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Sujet')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Message')).toHaveAttribute('aria-invalid', 'true');
  });

  it('is used with the keyboard alone', async () => {
    sendSupportRequest.mockResolvedValue({
      id: 'r2',
      subject: 'Question',
      message: 'Bonjour',
      contact: SupportContact.Email,
      createdAt: '2026-03-03T10:00:00Z',
    });
    const user = show();

    await user.tab();
    expect(screen.getByLabelText('Sujet')).toHaveFocus();
    await user.keyboard('Question');
    await user.tab();
    await user.keyboard('Bonjour');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Envoyer la demande' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(sendSupportRequest).toHaveBeenCalledWith({
      subject: 'Question',
      message: 'Bonjour',
      contact: SupportContact.Email,
      phone: undefined,
    });
  });
});
