import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';

/** How long the first tiles may take before the base map counts as unavailable. */
export const TILE_TIMEOUT_MS = 8000;

export interface TileLayerOptions {
  /** A Leaflet URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  tileUrl: string;
  /** The credit shown in the attribution control, as plain text (admins set it: it is escaped, never read as HTML). */
  attribution: string;
  /** Called once: at the first tile error, or when no tile arrived within `timeoutMs` of asking. */
  onFailure: () => void;
  timeoutMs?: number;
}

/**
 * Adds the base map to `map` and watches it: a tile error, or tiles that never arrive (blocked by a
 * firewall or a content security policy), reports the base map as unavailable. Markers and inputs
 * keep working without it. Returns the clean-up that removes the layer and its watchers.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Leaflet shows the attribution as HTML: the text is escaped first. */
export function escapeAttribution(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

export function addTileLayer(map: L.Map, { tileUrl, attribution, onFailure, timeoutMs = TILE_TIMEOUT_MS }: TileLayerOptions): () => void {
  const layer = L.tileLayer(tileUrl, { attribution: escapeAttribution(attribution), maxZoom: 19 });
  let reported = false;
  let loaded = false;
  let timer: number | undefined;

  const fail = () => {
    window.clearTimeout(timer);
    if (reported) return;
    reported = true;
    onFailure();
  };
  const onLoading = () => {
    // Tiles are being asked for (the map has a size): start the clock once.
    if (loaded || reported || timer !== undefined) return;
    timer = window.setTimeout(fail, timeoutMs);
  };
  const onTileLoad = () => {
    loaded = true;
    window.clearTimeout(timer);
  };

  layer.on('loading', onLoading);
  layer.on('tileload', onTileLoad);
  layer.on('tileerror', fail);
  layer.addTo(map);

  return () => {
    window.clearTimeout(timer);
    layer.off('loading', onLoading);
    layer.off('tileload', onTileLoad);
    layer.off('tileerror', fail);
    layer.remove();
  };
}
