import type { Geocoder } from '@/components/map/geocoder';
import { useSessionStatus } from '@/lib/auth/session-store';
import { i18n } from '@/lib/i18n';
import { api } from './client';
import { toApiError } from './errors';

/** The address search through the API (which relays it to the geocoder the city configured). */
export const apiGeocoder: Geocoder = {
  search: async (text, signal) => (await api.searchAddresses(text, i18n.language, signal)).places,
  reverse: async (point, signal) => {
    try {
      return await api.reverseGeocode(point.latitude, point.longitude, i18n.language, signal);
    } catch (error) {
      if (toApiError(error).status === 404) return null;
      throw error;
    }
  },
};

/**
 * The address search for a location picker: when the platform has a geocoder (`map.addressSearch`) and the visitor is
 * signed in (the API relays lookups for people signed in only); otherwise none, and the picker offers the map and the
 * coordinates alone.
 */
export function useGeocoder(map: { addressSearch?: boolean } | undefined): Geocoder | undefined {
  const status = useSessionStatus();
  return map?.addressSearch && status === 'authenticated' ? apiGeocoder : undefined;
}
