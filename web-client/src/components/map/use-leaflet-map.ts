import * as L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTileLayer } from './map-tiles';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface LeafletMapOptions {
  tileUrl: string;
  attribution: string;
  /** The first view only: later changes are ignored so the map never jumps under the user. */
  center: Coordinates;
  zoom: number;
}

/**
 * A Leaflet map living in the returned container ref, with its base map and localised zoom buttons.
 * `map` is null until the container is mounted; `tilesFailed` says the base map could not be shown.
 */
export function useLeafletMap({ tileUrl, attribution, center, zoom }: LeafletMapOptions) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const initialView = useRef({ center, zoom });
  const [map, setMap] = useState<L.Map | null>(null);
  // The tile URL that failed, so a new URL starts with a clean slate.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);

  useEffect(() => {
    const { center: c, zoom: z } = initialView.current;
    const instance = L.map(containerRef.current!, { center: [c.latitude, c.longitude], zoom: z, zoomControl: false });
    // No English tooltip, no inline SVG flag: a plain credit.
    instance.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    setMap(instance);
    return () => {
      instance.remove();
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    return addTileLayer(map, { tileUrl, attribution, onFailure: () => setFailedUrl(tileUrl) });
  }, [map, tileUrl, attribution]);

  useEffect(() => {
    if (!map) return;
    const control = L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
    return () => {
      control.remove();
    };
  }, [map, t]);

  return { containerRef, map, tilesFailed: failedUrl === tileUrl };
}

/** A pin drawn in CSS (`.map-marker`): no image path to guess, nothing inline for the CSP to refuse. */
export function pinIcon(): L.DivIcon {
  return L.divIcon({
    className: 'map-marker',
    html: '<span class="map-marker__pin"></span>',
    iconSize: [28, 28],
    iconAnchor: [14, 28],
    popupAnchor: [0, -26],
  });
}

/** Rounds to 6 decimals (about 10 cm), which is all a location needs. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A point from the map as coordinates within ±180° of longitude. */
export function toCoordinates(latLng: L.LatLng): Coordinates {
  const wrapped = latLng.wrap();
  return { latitude: roundCoordinate(wrapped.lat), longitude: roundCoordinate(wrapped.lng) };
}
