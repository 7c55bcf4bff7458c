import * as L from 'leaflet';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { AddressSearch } from './address-search';
import type { Geocoder, Place } from './geocoder';
import { TilesUnavailable } from './tiles-unavailable';
import { pinIcon, roundCoordinate, toCoordinates, useLeafletMap, type Coordinates } from './use-leaflet-map';

export interface LocationPickerProps {
  tileUrl: string;
  attribution: string;
  /** The first view when there is no value yet. */
  center: Coordinates;
  zoom: number;
  value: Coordinates | null;
  /** Called with the new location, or null when it is removed or the coordinates typed are incomplete or invalid. */
  onChange: (value: Coordinates | null) => void;
  /** The field's name (the fieldset's legend). */
  label: string;
  required?: boolean;
  /** A message about the location (from the API or a client-side check), shown beside the field. */
  error?: string;
  /** The city's address search, when it has one and the visitor may use it: a search field, and addresses for points. */
  geocoder?: Geocoder;
  /**
   * Called with the address of the location chosen: the one picked in the search, or the one found for a point placed on
   * the map or at the visitor's position (when none is found, nothing is called and the address stays as it was).
   */
  onAddressChange?: (address: string) => void;
}

type Axis = 'latitude' | 'longitude';
type Texts = Record<Axis, string>;

const LIMITS: Record<Axis, number> = { latitude: 90, longitude: 180 };

function toTexts(value: Coordinates | null): Texts {
  return value ? { latitude: String(value.latitude), longitude: String(value.longitude) } : { latitude: '', longitude: '' };
}

/** How close the map comes to an address or a position chosen. */
const PLACE_ZOOM = 17;

/** A number within ±limit, null when empty, 'invalid' otherwise. */
function parseCoordinate(text: string, limit: number): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : 'invalid';
}

function parseTexts(texts: Texts): Coordinates | null {
  const latitude = parseCoordinate(texts.latitude, LIMITS.latitude);
  const longitude = parseCoordinate(texts.longitude, LIMITS.longitude);
  return typeof latitude === 'number' && typeof longitude === 'number' ? { latitude, longitude } : null;
}

function sameLocation(a: Coordinates | null, b: Coordinates | null): boolean {
  return a === b || (!!a && !!b && a.latitude === b.latitude && a.longitude === b.longitude);
}

/**
 * One location: click the map to place a pin, drag it to adjust. The latitude and longitude inputs
 * and the two buttons do everything without the map (keyboard, screen reader, no base map).
 */
export function LocationPicker({
  tileUrl,
  attribution,
  center,
  zoom,
  value,
  onChange,
  label,
  required,
  error,
  geocoder,
  onAddressChange,
}: LocationPickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { containerRef, map, tilesFailed } = useLeafletMap({ tileUrl, attribution, center: value ?? center, zoom });

  const [texts, setTexts] = useState<Texts>(() => toTexts(value));
  const [invalid, setInvalid] = useState<Record<Axis, boolean>>({ latitude: false, longitude: false });
  const [announcement, setAnnouncement] = useState('');
  const [positionProblem, setPositionProblem] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);

  // A new value from outside (the map, the parent) replaces the texts, unless they already say it.
  const [shownValue, setShownValue] = useState(value);
  if (!sameLocation(shownValue, value)) {
    setShownValue(value);
    if (!sameLocation(parseTexts(texts), value)) {
      setTexts(toTexts(value));
      setInvalid({ latitude: false, longitude: false });
    }
  }

  const latest = useRef({ value, onChange, t, language: i18n.language, geocoder, onAddressChange });
  useEffect(() => {
    latest.current = { value, onChange, t, language: i18n.language, geocoder, onAddressChange };
  });

  // The address of a point placed on the map or at the visitor's position; only the latest lookup counts.
  const lookup = useRef(0);
  function findAddress(point: Coordinates) {
    const { geocoder: service, onAddressChange: tell } = latest.current;
    const ticket = ++lookup.current;
    if (!service || !tell) return;
    service.reverse(point).then(
      (place) => {
        if (ticket !== lookup.current || !place) return;
        latest.current.onAddressChange?.(place.label);
        setAnnouncement(latest.current.t('map.search.addressFound', { label: place.label }));
      },
      () => {
        // No address service right now: the point stays, and the address field is the author's to fill in.
      },
    );
  }

  /** A location chosen on the map or with a button: announced, since focus stays where it was. */
  function choose(next: Coordinates | null) {
    const { onChange: change, t: translate, language } = latest.current;
    const format = (n: number) => n.toLocaleString(language, { maximumFractionDigits: 6 });
    setAnnouncement(
      next
        ? translate('map.picker.placed', { latitude: format(next.latitude), longitude: format(next.longitude) })
        : translate('map.picker.cleared'),
    );
    change(next);
  }
  /** A point placed by hand (map, drag, position): chosen, then its address looked up. */
  function place(next: Coordinates) {
    choose(next);
    findAddress(next);
  }
  const placeRef = useRef(place);
  useEffect(() => {
    placeRef.current = place;
  });

  // Clicking the map places (or moves) the pin.
  useEffect(() => {
    if (!map) return;
    const onClick = (e: L.LeafletMouseEvent) => placeRef.current(toCoordinates(e.latlng));
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map]);

  // The pin follows the value.
  const marker = useRef<L.Marker | null>(null);
  useEffect(() => {
    if (!map) return;
    return () => {
      marker.current?.remove();
      marker.current = null;
    };
  }, [map]);
  const latitude = value?.latitude;
  const longitude = value?.longitude;
  useEffect(() => {
    if (!map) return;
    if (latitude === undefined || longitude === undefined) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const point = L.latLng(latitude, longitude);
    if (marker.current) {
      marker.current.setLatLng(point);
    } else {
      // Not focusable: a pin cannot be moved with keys; the inputs below are the keyboard path.
      const pin = L.marker(point, { icon: pinIcon(), draggable: true, keyboard: false, autoPan: true });
      pin.on('dragend', () => placeRef.current(toCoordinates(pin.getLatLng())));
      pin.on('add', () => pin.getElement()?.setAttribute('aria-hidden', 'true'));
      pin.addTo(map);
      marker.current = pin;
    }
    // Coordinates typed far away: bring the pin into view.
    const size = map.getSize();
    if (size.x > 0 && size.y > 0 && !map.getBounds().contains(point)) map.panTo(point);
  }, [map, latitude, longitude]);

  function type(axis: Axis, e: ChangeEvent<HTMLInputElement>) {
    const nextTexts = { ...texts, [axis]: e.target.value };
    setTexts(nextTexts);
    const parsed = parseCoordinate(nextTexts[axis], LIMITS[axis]);
    setInvalid({ ...invalid, [axis]: parsed === 'invalid' || e.target.validity.badInput });
    const next = parseTexts(nextTexts);
    if (!sameLocation(next, value)) onChange(next);
  }

  function takeMapCenter() {
    choose(map ? toCoordinates(map.getCenter()) : { latitude: center.latitude, longitude: center.longitude });
  }

  /** An address from the search: the pin goes there, the map follows, the address is the place's. */
  function pickAddress(found: Place) {
    lookup.current++;
    const point = { latitude: roundCoordinate(found.latitude), longitude: roundCoordinate(found.longitude) };
    onAddressChange?.(found.label);
    choose(point);
    setAnnouncement(t('map.search.chosen', { label: found.label }));
    map?.setView([point.latitude, point.longitude], Math.max(map.getZoom(), PLACE_ZOOM));
  }

  function locateMe() {
    setPositionProblem(null);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const point = { latitude: roundCoordinate(position.coords.latitude), longitude: roundCoordinate(position.coords.longitude) };
        place(point);
        map?.setView([point.latitude, point.longitude], Math.max(map.getZoom(), PLACE_ZOOM));
      },
      (problem) => {
        setLocating(false);
        const message = problem.code === problem.PERMISSION_DENIED ? t('map.position.denied') : t('map.position.failed');
        setPositionProblem(message);
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  function clear() {
    setTexts(toTexts(null));
    setInvalid({ latitude: false, longitude: false });
    choose(null);
  }

  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;

  function coordinateField(axis: Axis) {
    const inputId = `${id}-${axis}`;
    const rangeId = invalid[axis] ? `${inputId}-error` : undefined;
    const describedBy = [hintId, errorId, rangeId].filter(Boolean).join(' ');
    return (
      <div className={['field', errorId || rangeId ? 'field--invalid' : ''].join(' ').trim()}>
        <label className="field__label" htmlFor={inputId}>
          {t(`map.picker.${axis}`)}
        </label>
        {rangeId ? (
          <p className="field__error" id={rangeId}>
            {t(`map.picker.${axis}Range`)}
          </p>
        ) : null}
        <input
          id={inputId}
          className="field__input"
          type="number"
          inputMode="decimal"
          step="any"
          min={-LIMITS[axis]}
          max={LIMITS[axis]}
          required={required}
          value={texts[axis]}
          onChange={(e) => type(axis, e)}
          aria-invalid={errorId || rangeId ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
    );
  }

  return (
    <fieldset
      className={['fieldset', 'location-picker', errorId ? 'field--invalid' : ''].join(' ').trim()}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
    >
      <legend className="fieldset__legend">{label}</legend>
      <p className="field__hint" id={hintId}>
        {t('map.picker.hint')}
      </p>
      {errorId ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {geocoder ? <AddressSearch geocoder={geocoder} onPick={pickAddress} /> : null}
      <div className="map">
        <TilesUnavailable failed={tilesFailed} message={t('map.tilesUnavailable.picker')} />
        <div
          ref={containerRef}
          className="map__canvas map__canvas--picker"
          role="region"
          aria-label={t('map.picker.mapLabel', { label })}
        />
      </div>
      <div className="location-picker__coordinates">
        {coordinateField('latitude')}
        {coordinateField('longitude')}
      </div>
      <div className="location-picker__actions">
        {'geolocation' in navigator ? (
          <Button variant="secondary" onClick={locateMe} pending={locating}>
            {t('map.position.use')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={takeMapCenter}>
          {t('map.picker.useCenter')}
        </Button>
        <Button variant="secondary" onClick={clear}>
          {t('map.picker.clear')}
        </Button>
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {positionProblem ? (
        <div role="alert" className="alert alert--warning">
          <p>{positionProblem}</p>
        </div>
      ) : null}
    </fieldset>
  );
}
