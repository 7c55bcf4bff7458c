import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { LocationPicker } from './location-picker';
import type { Coordinates } from './use-leaflet-map';

const CENTER = { latitude: 50.85, longitude: 4.35 };

function Harness({
  onChange,
  initial = null,
  error,
}: {
  onChange: (v: Coordinates | null) => void;
  initial?: Coordinates | null;
  error?: string;
}) {
  const [value, setValue] = useState<Coordinates | null>(initial);
  return (
    <LocationPicker
      tileUrl="https://tile.example.test/{z}/{x}/{y}.png"
      attribution="© Contributeurs OpenStreetMap"
      center={CENTER}
      zoom={13}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
      label="Emplacement de l’idée"
      required
      error={error}
    />
  );
}

function renderPicker(props: Partial<Parameters<typeof Harness>[0]> = {}) {
  const onChange = vi.fn<(v: Coordinates | null) => void>();
  render(<Harness onChange={onChange} {...props} />);
  return { onChange, user: userEvent.setup() };
}

const latitude = () => screen.getByLabelText<HTMLInputElement>('Latitude');
const longitude = () => screen.getByLabelText<HTMLInputElement>('Longitude');
const pins = () => document.querySelectorAll('.leaflet-marker-pane .map-marker');

function descriptionOf(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('LocationPicker', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  it('is a group with a named map and number inputs for each coordinate', () => {
    renderPicker();
    expect(screen.getByRole('group', { name: 'Emplacement de l’idée' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Carte : Emplacement de l’idée' })).toBeInTheDocument();
    for (const [input, limit] of [
      [latitude(), '90'],
      [longitude(), '180'],
    ] as const) {
      expect(input).toHaveAttribute('type', 'number');
      expect(input).toHaveAttribute('step', 'any');
      expect(input).toHaveAttribute('min', `-${limit}`);
      expect(input).toHaveAttribute('max', limit);
      expect(input).toBeRequired();
      expect(input).toHaveValue(null);
    }
    expect(pins()).toHaveLength(0);
  });

  it('calls onChange with numbers once both coordinates are typed, and places the pin', async () => {
    const { onChange, user } = renderPicker();
    await user.type(latitude(), '50.8466');
    expect(onChange).not.toHaveBeenCalled();
    await user.type(longitude(), '4.3528');
    expect(onChange).toHaveBeenLastCalledWith({ latitude: 50.8466, longitude: 4.3528 });
    expect(latitude()).toHaveValue(50.8466);
    expect(longitude()).toHaveValue(4.3528);
    expect(pins()).toHaveLength(1);
  });

  it('clears the location with its button', async () => {
    const { onChange, user } = renderPicker({ initial: { latitude: 50.8466, longitude: 4.3528 } });
    expect(latitude()).toHaveValue(50.8466);
    expect(pins()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Retirer l’emplacement' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(latitude()).toHaveValue(null);
    expect(longitude()).toHaveValue(null);
    expect(pins()).toHaveLength(0);
    expect(screen.getByText('Emplacement retiré.')).toBeInTheDocument();
  });

  it('explains an out-of-range latitude beside the field, gives no location, and recovers', async () => {
    const { onChange, user } = renderPicker();
    await user.type(latitude(), '95');
    await user.type(longitude(), '4.35');

    expect(latitude()).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionOf(latitude())).toContain('La latitude doit être un nombre compris entre -90 et 90.');
    expect(longitude()).not.toHaveAttribute('aria-invalid');
    expect(onChange.mock.calls.every(([v]) => v === null || Math.abs(v.latitude) <= 90)).toBe(true);
    expect(pins()).toHaveLength(0);

    await user.clear(latitude());
    await user.type(latitude(), '50.85');
    expect(latitude()).not.toHaveAttribute('aria-invalid');
    expect(onChange).toHaveBeenLastCalledWith({ latitude: 50.85, longitude: 4.35 });
    expect(pins()).toHaveLength(1);
  });

  it('refuses an out-of-range longitude too', async () => {
    const { onChange, user } = renderPicker();
    await user.type(latitude(), '50.85');
    await user.type(longitude(), '-181');
    expect(longitude()).toHaveAttribute('aria-invalid', 'true');
    expect(descriptionOf(longitude())).toContain('La longitude doit être un nombre compris entre -180 et 180.');
    expect(onChange).not.toHaveBeenCalledWith(expect.objectContaining({ longitude: -181 }));
  });

  it('forgets the location when a coordinate is emptied', async () => {
    const { onChange, user } = renderPicker({ initial: { latitude: 50.8466, longitude: 4.3528 } });
    await user.clear(longitude());
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(latitude()).toHaveValue(50.8466);
    expect(pins()).toHaveLength(0);
  });

  it('takes the centre of the map and announces it', async () => {
    const { onChange, user } = renderPicker();
    await user.click(screen.getByRole('button', { name: 'Utiliser le centre de la carte' }));
    expect(onChange).toHaveBeenLastCalledWith(CENTER);
    expect(latitude()).toHaveValue(50.85);
    expect(longitude()).toHaveValue(4.35);
    expect(screen.getByText('Emplacement choisi : latitude 50,85, longitude 4,35.')).toBeInTheDocument();
  });

  it('places the pin where the map is clicked', () => {
    const { onChange } = renderPicker();
    fireEvent.click(screen.getByRole('region', { name: 'Carte : Emplacement de l’idée' }), { clientX: 0, clientY: 0 });
    const chosen = onChange.mock.lastCall![0]!;
    expect(Number.isFinite(chosen.latitude) && Number.isFinite(chosen.longitude)).toBe(true);
    expect(latitude()).toHaveValue(chosen.latitude);
    expect(pins()).toHaveLength(1);
  });

  it('shows the given error beside the field', () => {
    renderPicker({ error: 'Choisissez un emplacement dans la commune.' });
    for (const input of [latitude(), longitude()]) {
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(descriptionOf(input)).toContain('Choisissez un emplacement dans la commune.');
    }
    expect(screen.getByRole('group')).toHaveAccessibleDescription(/Choisissez un emplacement dans la commune\./);
  });

  it('says the base map is unavailable when a tile fails, and stays usable', async () => {
    const { onChange, user } = renderPicker();
    act(() => {
      fireEvent.error(document.querySelector('img.leaflet-tile')!);
    });
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(
      'Le fond de carte est indisponible pour le moment. Vous pouvez saisir la latitude et la longitude ci-dessous.',
    );
    await user.type(latitude(), '50.85');
    await user.type(longitude(), '4.35');
    expect(onChange).toHaveBeenLastCalledWith({ latitude: 50.85, longitude: 4.35 });
  });
});
