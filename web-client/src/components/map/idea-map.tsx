import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TilesUnavailable } from './tiles-unavailable';
import { pinIcon, useLeafletMap, type Coordinates } from './use-leaflet-map';

export interface IdeaMapMarker {
  id: string;
  latitude: number;
  longitude: number;
  title: string;
  href: string;
}

export interface MapBounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface IdeaMapProps {
  tileUrl: string;
  attribution: string;
  /** The first view, used until markers arrive. */
  center: Coordinates;
  zoom: number;
  markers: IdeaMapMarker[];
  /** The visible area after each move (debounced), e.g. to load the ideas it holds. */
  onBoundsChange?: (bounds: MapBounds) => void;
  /** The map's accessible name. */
  label: string;
}

export const BOUNDS_DEBOUNCE_MS = 300;
const FIT_MAX_ZOOM = 16;

interface Entry {
  marker: L.Marker;
  data: IdeaMapMarker;
}

const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));

/**
 * Ideas as pins. Each pin is a keyboard-focusable button (Enter opens its popup and moves focus to the
 * idea's link; Escape closes it and returns focus to the pin). Without a base map the pins stay.
 */
export function IdeaMap({ tileUrl, attribution, center, zoom, markers, onBoundsChange, label }: IdeaMapProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { containerRef, map, tilesFailed } = useLeafletMap({ tileUrl, attribution, center, zoom });

  const entries = useRef(new Map<string, Entry>());
  const userMoved = useRef(false);
  const fitting = useRef(false);
  const fittedOnce = useRef(false);
  const latest = useRef({ onBoundsChange, navigate, t });
  useEffect(() => {
    latest.current = { onBoundsChange, navigate, t };
  });

  // Report the visible area after moves; tell the user's moves from ours.
  useEffect(() => {
    if (!map) return;
    let timer: number | undefined;
    const onMoveStart = () => {
      if (!fitting.current) userMoved.current = true;
    };
    const onMoveEnd = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const b = map.getBounds();
        latest.current.onBoundsChange?.({
          south: clamp(b.getSouth(), 90),
          west: clamp(b.getWest(), 180),
          north: clamp(b.getNorth(), 90),
          east: clamp(b.getEast(), 180),
        });
      }, BOUNDS_DEBOUNCE_MS);
    };
    const onPopupOpen = (e: L.PopupEvent) => {
      const close = e.popup.getElement()?.querySelector('.leaflet-popup-close-button');
      close?.setAttribute('aria-label', latest.current.t('map.closePopup'));
      close?.removeAttribute('title');
    };
    map.on('movestart', onMoveStart);
    map.on('moveend', onMoveEnd);
    map.on('popupopen', onPopupOpen);
    onMoveEnd(); // the first view counts too
    return () => {
      window.clearTimeout(timer);
      map.off('movestart', onMoveStart);
      map.off('moveend', onMoveEnd);
      map.off('popupopen', onPopupOpen);
    };
  }, [map]);

  // Pins leave with the map.
  useEffect(() => {
    if (!map) return;
    const current = entries.current;
    return () => {
      current.forEach(({ marker }) => marker.remove());
      current.clear();
      fittedOnce.current = false;
    };
  }, [map]);

  // Add, move and remove pins by id, so an open popup survives a refresh of the same ideas.
  useEffect(() => {
    if (!map) return;
    const current = entries.current;
    const seen = new Set<string>();
    for (const data of markers) {
      seen.add(data.id);
      const entry = current.get(data.id);
      if (entry) {
        const previous = entry.data;
        entry.data = data;
        if (previous.latitude !== data.latitude || previous.longitude !== data.longitude) {
          entry.marker.setLatLng([data.latitude, data.longitude]);
        }
        if (previous.title !== data.title || previous.href !== data.href) {
          nameMarker(entry.marker, data.title);
          // The popup's content is built from entry.data whenever it opens; refresh an open one.
          if (entry.marker.isPopupOpen()) entry.marker.getPopup()?.update();
        }
      } else {
        current.set(data.id, createEntry(map, data, latest));
      }
    }
    current.forEach((entry, id) => {
      if (!seen.has(id)) {
        entry.marker.remove();
        current.delete(id);
      }
    });
    fitToMarkers(map, markers);
  }, [map, markers]);

  function fitToMarkers(target: L.Map, list: IdeaMapMarker[]) {
    const size = target.getSize();
    if (userMoved.current || list.length === 0 || size.x === 0 || size.y === 0) return;
    const bounds = L.latLngBounds(list.map((m) => L.latLng(m.latitude, m.longitude)));
    // After the first fit, only move again when a pin is out of sight (no zooming back and forth
    // as the visible ideas are reloaded for the new bounds).
    if (fittedOnce.current && target.getBounds().contains(bounds)) return;
    fitting.current = true;
    try {
      target.fitBounds(bounds, { padding: [32, 32], maxZoom: FIT_MAX_ZOOM, animate: false });
    } finally {
      fitting.current = false;
    }
    fittedOnce.current = true;
  }

  return (
    <div className="map">
      <TilesUnavailable failed={tilesFailed} message={t('map.tilesUnavailable.ideas')} />
      <div ref={containerRef} className="map__canvas" role="region" aria-label={label} />
    </div>
  );
}

/** Popup containers (Leaflet keeps one per marker) that already close on Escape. */
const withEscape = new WeakSet<HTMLElement>();

type Latest = { current: { navigate: ReturnType<typeof useNavigate> } };

function createEntry(map: L.Map, data: IdeaMapMarker, latest: Latest): Entry {
  const marker = L.marker([data.latitude, data.longitude], { icon: pinIcon(), keyboard: true, riseOnHover: true });
  const entry: Entry = { marker, data };
  marker.bindPopup(() => popupContent(entry, latest));
  marker.on('add', () => nameMarker(marker, entry.data.title));
  // Enter or Space opens the popup and moves focus to the idea's link. Cancelling keydown also stops
  // the keypress with which Leaflet would toggle the popup shut again.
  marker.on('keydown', (e: L.LeafletKeyboardEvent) => {
    const key = e.originalEvent.key;
    if (key !== 'Enter' && key !== ' ') return;
    e.originalEvent.preventDefault();
    if (!marker.isPopupOpen()) marker.openPopup();
    marker.getPopup()?.getElement()?.querySelector<HTMLAnchorElement>('.map-popup__link')?.focus();
  });
  marker.on('popupopen', (e: L.PopupEvent) => {
    const element = e.popup.getElement();
    if (!element || withEscape.has(element)) return;
    withEscape.add(element);
    L.DomEvent.on(element, 'keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') marker.closePopup();
    });
  });
  // Closed with Escape or its close button: focus returns to the pin rather than to the page's top.
  marker.on('popupclose', (e: L.PopupEvent) => {
    const active = document.activeElement;
    if (!active || active === document.body || e.popup.getElement()?.contains(active)) marker.getElement()?.focus();
  });
  marker.addTo(map);
  return entry;
}

function nameMarker(marker: L.Marker, title: string) {
  const element = marker.getElement();
  if (!element) return;
  element.setAttribute('aria-label', title);
  element.title = title;
}

/** Built as nodes, never as an HTML string: titles are user input. */
function popupContent(entry: Entry, latest: Latest): HTMLElement {
  const link = document.createElement('a');
  link.className = 'map-popup__link';
  link.href = entry.data.href;
  link.textContent = entry.data.title;
  link.addEventListener('click', (event) => {
    const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (!plain || event.defaultPrevented || link.origin !== window.location.origin) return;
    event.preventDefault();
    void latest.current.navigate(link.pathname + link.search + link.hash);
  });
  return link;
}
