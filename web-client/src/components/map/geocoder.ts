import type { Coordinates } from './use-leaflet-map';

/** A place the address search found: its address and its point. */
export interface Place extends Coordinates {
  label: string;
}

/**
 * The city's address search as the location picker uses it. `search` and `reverse` reject when the service is not
 * available (the picker then says so and keeps the map and the coordinates); `reverse` resolves null where no address
 * is known.
 */
export interface Geocoder {
  search: (text: string, signal?: AbortSignal) => Promise<Place[]>;
  reverse: (point: Coordinates, signal?: AbortSignal) => Promise<Place | null>;
}

/** The shortest text the address search looks for (as the API). */
export const ADDRESS_QUERY_MIN = 3;
