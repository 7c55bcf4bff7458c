import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import { BOUNDS_DEBOUNCE_MS, IdeaMap, type IdeaMapMarker, type MapBounds } from './idea-map';
import { TILE_TIMEOUT_MS } from './map-tiles';

const TILES = 'https://tile.example.test/{z}/{x}/{y}.png';
const UNAVAILABLE = 'Le fond de carte est indisponible pour le moment. La liste des idées reste utilisable.';

const ideas: IdeaMapMarker[] = [
  { id: 'i-1', latitude: 50.8466, longitude: 4.3528, title: 'Un banc <b>place</b> du Jeu de Balle', href: '/ideas/i-1' },
  { id: 'i-2', latitude: 50.8503, longitude: 4.3517, title: 'Plus d’arbres rue Haute', href: '/ideas/i-2' },
];

function renderMap(markers: IdeaMapMarker[] = ideas, onBoundsChange?: (b: MapBounds) => void) {
  const ui = (list: IdeaMapMarker[]) => (
    <MemoryRouter initialEntries={['/map']}>
      <Routes>
        <Route
          path="/map"
          element={
            <IdeaMap
              tileUrl={TILES}
              attribution="© Contributeurs OpenStreetMap"
              center={{ latitude: 50.85, longitude: 4.35 }}
              zoom={13}
              markers={list}
              onBoundsChange={onBoundsChange}
              label="Carte des idées"
            />
          }
        />
        <Route path="/ideas/:id" element={<p>Page de l’idée</p>} />
      </Routes>
    </MemoryRouter>
  );
  const result = render(ui(markers));
  return { user: userEvent.setup(), rerender: (list: IdeaMapMarker[]) => result.rerender(ui(list)) };
}

/** jsdom has no layout: give elements a size so Leaflet can fit bounds. */
function withLayout(width = 800, height = 600) {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height);
}

const tiles = () => Array.from(document.querySelectorAll<HTMLImageElement>('img.leaflet-tile'));

describe('IdeaMap', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('fr');
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('is a named region whose pins are buttons named after the ideas, title shown as text', () => {
    renderMap();
    expect(screen.getByRole('region', { name: 'Carte des idées' })).toBeInTheDocument();
    const pin = screen.getByRole('button', { name: 'Un banc <b>place</b> du Jeu de Balle' });
    expect(pin).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('button', { name: 'Plus d’arbres rue Haute' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zoom avant' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('opens a pin’s popup from the keyboard, focuses the link to the idea and closes on Escape', async () => {
    const { user } = renderMap();
    const pin = screen.getByRole('button', { name: 'Plus d’arbres rue Haute' });
    pin.focus();
    await user.keyboard('{Enter}');

    const link = screen.getByRole('link', { name: 'Plus d’arbres rue Haute' });
    expect(link).toHaveAttribute('href', '/ideas/i-2');
    expect(link).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Fermer' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('link', { name: 'Plus d’arbres rue Haute' })).not.toBeInTheDocument();
    expect(pin).toHaveFocus();
  });

  it('follows the popup’s link inside the app', async () => {
    const { user } = renderMap();
    // Opened with the keyboard: two quick clicks in jsdom (no pointer type) look to Leaflet like a double tap.
    screen.getByRole('button', { name: 'Un banc <b>place</b> du Jeu de Balle' }).focus();
    await user.keyboard(' ');
    // The title is text, never markup.
    const link = screen.getByRole('link', { name: 'Un banc <b>place</b> du Jeu de Balle' });
    expect(link.querySelector('b')).toBeNull();
    await user.click(link);
    expect(await screen.findByText('Page de l’idée')).toBeInTheDocument();
  });

  it('says politely that the base map is unavailable at the first tile error, and keeps the pins', () => {
    renderMap();
    expect(tiles().length).toBeGreaterThan(0);
    act(() => {
      fireEvent.error(tiles()[0]);
    });
    expect(screen.getByRole('status')).toHaveTextContent(UNAVAILABLE);
    expect(screen.getAllByRole('button', { name: /Un banc|Plus d’arbres/ })).toHaveLength(2);
  });

  it('says so too when no tile arrives in time', () => {
    vi.useFakeTimers();
    renderMap();
    act(() => {
      vi.advanceTimersByTime(TILE_TIMEOUT_MS - 100);
    });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.getByRole('status')).toHaveTextContent(UNAVAILABLE);
  });

  it('stays quiet once tiles load', () => {
    vi.useFakeTimers();
    renderMap();
    act(() => {
      tiles().forEach((tile) => fireEvent.load(tile));
      vi.advanceTimersByTime(TILE_TIMEOUT_MS * 2);
    });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('fits the pins, then reports the visible area once the moves settle', () => {
    withLayout();
    vi.useFakeTimers();
    const onBoundsChange = vi.fn<(bounds: MapBounds) => void>();
    renderMap(ideas, onBoundsChange);
    expect(onBoundsChange).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(BOUNDS_DEBOUNCE_MS);
    });
    expect(onBoundsChange).toHaveBeenCalledTimes(1);
    const bounds = onBoundsChange.mock.lastCall![0];
    for (const idea of ideas) {
      expect(idea.latitude).toBeGreaterThan(bounds.south);
      expect(idea.latitude).toBeLessThan(bounds.north);
      expect(idea.longitude).toBeGreaterThan(bounds.west);
      expect(idea.longitude).toBeLessThan(bounds.east);
    }
    // Tighter than the initial zoom-13 view around the centre: the map zoomed in on the pins.
    expect(bounds.north - bounds.south).toBeLessThan(0.02);
  });

  it('adds and removes pins as the ideas change', () => {
    const { rerender } = renderMap();
    rerender([ideas[1], { id: 'i-3', latitude: 50.84, longitude: 4.36, title: 'Un potager', href: '/ideas/i-3' }]);
    expect(screen.queryByRole('button', { name: /Un banc/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Plus d’arbres rue Haute' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Un potager' })).toBeInTheDocument();
  });
});
