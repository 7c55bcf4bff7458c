import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TableToggle } from './table-toggle';

describe('TableToggle', () => {
  it('shows and hides the table with a disclosure button that points at it', async () => {
    render(
      <TableToggle showLabel="Afficher le tableau" hideLabel="Masquer le tableau">
        <table>
          <caption>Semaines</caption>
          <tbody>
            <tr>
              <td>1</td>
            </tr>
          </tbody>
        </table>
      </TableToggle>,
    );
    const button = screen.getByRole('button', { name: 'Afficher le tableau' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(document.getElementById(button.getAttribute('aria-controls')!)).not.toBeNull();

    await userEvent.setup().click(button);
    expect(screen.getByRole('button', { name: 'Masquer le tableau' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('table', { name: 'Semaines' })).toBeVisible();
  });
});
