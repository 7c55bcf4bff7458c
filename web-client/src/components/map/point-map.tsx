import * as L from 'leaflet';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TilesUnavailable } from './tiles-unavailable';
import { pinIcon, useLeafletMap, type Coordinates } from './use-leaflet-map';

export interface PointMapProps {
  tileUrl: string;
  attribution: string;
  point: Coordinates;
  zoom?: number;
  /** The map's accessible name (say what the pin shows: the address is written beside the map). */
  label: string;
}

/** A small map centred on one pin (a place), for reading only: the address stays the text alternative. */
export function PointMap({ tileUrl, attribution, point, zoom = 16, label }: PointMapProps) {
  const { t } = useTranslation();
  const { containerRef, map, tilesFailed } = useLeafletMap({ tileUrl, attribution, center: point, zoom });
  useEffect(() => {
    if (!map) return;
    const marker = L.marker([point.latitude, point.longitude], { icon: pinIcon(), keyboard: false, interactive: false }).addTo(map);
    map.setView([point.latitude, point.longitude]);
    return () => {
      marker.remove();
    };
  }, [map, point.latitude, point.longitude]);
  return (
    <div className="map map--small">
      <TilesUnavailable failed={tilesFailed} message={t('map.tilesUnavailable.point')} />
      <div ref={containerRef} className="map__canvas" role="region" aria-label={label} />
    </div>
  );
}
