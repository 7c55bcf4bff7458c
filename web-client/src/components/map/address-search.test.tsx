import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import type { Geocoder, Place } from './geocoder';
import { LocationPicker } from './location-picker';
import type { Coordinates } from './use-leaflet-map';

const LOI: Place = { label: 'Rue de la Loi 16, 1000 Bruxelles', latitude: 50.8466, longitude: 4.3676 };
const GRAND_PLACE: Place = { label: 'Grand-Place, 1000 Bruxelles', latitude: 50.8467, longitude: 4.3525 };

function fakeGeocoder(overrides: Partial<Geocoder> = {}): Geocoder {
  return {
    search: vi.fn<Geocoder['search']>().mockResolvedValue([LOI, GRAND_PLACE]),
    reverse: vi.fn<Geocoder['reverse']>().mockResolvedValue({ ...LOI, label: 'Place Schuman 1, 1040 Etterbeek' }),
    ...overrides,
  };
}

function renderPicker(geocoder: Geocoder | undefined) {
  const onChange = vi.fn<(v: Coordinates | null) => void>();
  const onAddressChange = vi.fn<(address: string) => void>();
  function Harness() {
    const [value, setValue] = useState<Coordinates | null>(null);
    return (
      <LocationPicker
        tileUrl="https://tile.example.test/{z}/{x}/{y}.png"
        attribution="© Contributeurs OpenStreetMap"
        center={{ latitude: 50.85, longitude: 4.35 }}
        zoom={13}
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
        label="Emplacement de l’idée"
        geocoder={geocoder}
        onAddressChange={onAddressChange}
      />
    );
  }
  render(<Harness />);
  return { onChange, onAddressChange, user: userEvent.setup() };
}

describe('LocationPicker address search', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'geolocation');
  });

  it('offers no search without a geocoder: the map and the coordinates stay', () => {
    renderPicker(undefined);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Latitude')).toBeInTheDocument();
  });

  it('lists the addresses found, announces them, and chooses one with the arrows and Enter', async () => {
    const geocoder = fakeGeocoder();
    const { onChange, onAddressChange, user } = renderPicker(geocoder);
    const search = screen.getByRole('combobox', { name: 'Rechercher une adresse' });

    await user.type(search, 'rue de la loi');

    const list = await screen.findByRole('listbox', { name: 'Adresses trouvées' });
    expect(search).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([LOI.label, GRAND_PLACE.label]);
    expect(screen.getByText('2 adresses trouvées. Flèches haut et bas pour les parcourir.')).toBeInTheDocument();
    expect(geocoder.search).toHaveBeenCalledTimes(1); // typing pauses, not keystrokes, run the search
    expect(geocoder.search).toHaveBeenCalledWith('rue de la loi', expect.any(AbortSignal));

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(search).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option')[1].id);
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');

    expect(onChange).toHaveBeenLastCalledWith({ latitude: 50.8467, longitude: 4.3525 });
    expect(onAddressChange).toHaveBeenLastCalledWith(GRAND_PLACE.label);
    expect(list).not.toBeVisible();
    expect(search).toHaveValue(GRAND_PLACE.label);
    expect(screen.getByLabelText('Latitude')).toHaveValue(50.8467);
    expect(screen.getByText(`Adresse choisie : ${GRAND_PLACE.label}.`)).toBeInTheDocument();
  });

  it('says so when nothing is found, and when the service is unavailable', async () => {
    const search = vi.fn<Geocoder['search']>().mockResolvedValueOnce([]).mockRejectedValueOnce({ status: 503 });
    const { user } = renderPicker(fakeGeocoder({ search }));
    const field = screen.getByRole('combobox');

    await user.type(field, 'nulle part');
    expect(await screen.findByText('Aucune adresse trouvée.')).toBeInTheDocument();
    await user.type(field, ' du tout');
    expect(
      await screen.findByText('La recherche d’adresse est indisponible pour le moment. Cliquez sur la carte ou saisissez les coordonnées.'),
    ).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-expanded', 'false');
  });

  it('uses the visitor’s position and fills in its address', async () => {
    const getCurrentPosition = vi.fn((success: PositionCallback) =>
      success({ coords: { latitude: 50.8382, longitude: 4.3753 } } as GeolocationPosition),
    );
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
    const geocoder = fakeGeocoder();
    const { onChange, onAddressChange, user } = renderPicker(geocoder);

    await user.click(screen.getByRole('button', { name: 'Utiliser ma position' }));

    expect(onChange).toHaveBeenLastCalledWith({ latitude: 50.8382, longitude: 4.3753 });
    await waitFor(() => expect(onAddressChange).toHaveBeenLastCalledWith('Place Schuman 1, 1040 Etterbeek'));
    expect(geocoder.reverse).toHaveBeenCalledWith({ latitude: 50.8382, longitude: 4.3753 });
  });

  it('explains a refused permission and keeps the other ways to choose', async () => {
    const getCurrentPosition = vi.fn((_: PositionCallback, failure?: PositionErrorCallback | null) =>
      failure?.({ code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' }),
    );
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
    const { onChange, user } = renderPicker(fakeGeocoder());

    await user.click(screen.getByRole('button', { name: 'Utiliser ma position' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Vous n’avez pas autorisé l’accès à votre position.');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('combobox')).toBeInTheDocument();
  });

  it('keeps the coordinates of a point whose address cannot be found', async () => {
    const reverse = vi.fn<Geocoder['reverse']>().mockRejectedValue({ status: 503 });
    const getCurrentPosition = vi.fn((success: PositionCallback) =>
      success({ coords: { latitude: 50.8, longitude: 4.3 } } as GeolocationPosition),
    );
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
    const { onChange, onAddressChange, user } = renderPicker(fakeGeocoder({ reverse }));

    await user.click(screen.getByRole('button', { name: 'Utiliser ma position' }));

    expect(onChange).toHaveBeenLastCalledWith({ latitude: 50.8, longitude: 4.3 });
    await waitFor(() => expect(reverse).toHaveBeenCalled());
    expect(onAddressChange).not.toHaveBeenCalled();
  });
});
