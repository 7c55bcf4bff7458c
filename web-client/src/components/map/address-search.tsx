import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '@/api/errors';
import { ADDRESS_QUERY_MIN, type Geocoder, type Place } from './geocoder';

export interface AddressSearchProps {
  geocoder: Geocoder;
  /** An address chosen in the list. */
  onPick: (place: Place) => void;
}

/** How long typing must pause before the search runs. */
export const SEARCH_DELAY_MS = 300;

/**
 * An address search as a combobox (WAI-ARIA's list autocomplete): type, then arrows to go through the addresses found,
 * Enter to choose one, Escape to close the list. How many were found, none, or that the service is unavailable is
 * announced; without the service, the map and the coordinates still work.
 */
export function AddressSearch({ geocoder, onPick }: AddressSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState('');
  const [results, setResults] = useState<Place[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState(false);
  // The text of the address just chosen: not searched again.
  const picked = useRef<string | null>(null);

  useEffect(() => {
    const query = text.trim();
    if (query.length < ADDRESS_QUERY_MIN || text === picked.current) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      geocoder.search(query, controller.signal).then(
        (places) => {
          if (controller.signal.aborted) return;
          setResults(places);
          setActive(-1);
          setOpen(places.length > 0);
          setProblem(false);
          setStatus(places.length > 0 ? t('map.search.found', { count: places.length }) : t('map.search.none'));
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setResults([]);
          setOpen(false);
          setProblem(true);
          setStatus(toApiError(error).status === 429 ? t('map.search.tooMany') : t('map.search.unavailable'));
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, geocoder, t]);

  function pick(place: Place) {
    picked.current = place.label;
    setText(place.label);
    setOpen(false);
    setActive(-1);
    setStatus('');
    onPick(place);
  }

  function keyDown(e: KeyboardEvent<HTMLInputElement>) {
    const count = results.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (count === 0) return;
      e.preventDefault();
      setOpen(true);
      setActive((current) => (e.key === 'ArrowDown' ? (current + 1) % count : current <= 0 ? count - 1 : current - 1));
    } else if (e.key === 'Enter') {
      // Never submits the surrounding form: Enter chooses the address under the cursor.
      e.preventDefault();
      if (open && active >= 0 && active < count) pick(results[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const expanded = open && results.length > 0;
  return (
    <div className="address-search">
      <label className="field__label" htmlFor={inputId}>
        {t('map.search.label')}
      </label>
      <p className="field__hint" id={hintId}>
        {t('map.search.hint', { min: ADDRESS_QUERY_MIN })}
      </p>
      <input
        id={inputId}
        className="field__input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={hintId}
        value={text}
        maxLength={200}
        onChange={(e) => {
          picked.current = null;
          setText(e.target.value);
          if (e.target.value.trim().length < ADDRESS_QUERY_MIN) {
            setResults([]);
            setOpen(false);
          }
        }}
        onKeyDown={keyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" className="address-search__results" aria-label={t('map.search.results')} hidden={!expanded}>
        {results.map((place, index) => (
          // The keyboard stays in the input (aria-activedescendant); a pointer chooses here.
          // eslint-disable-next-line jsx-a11y-x/click-events-have-key-events
          <li
            key={`${place.label}-${place.latitude}-${place.longitude}`}
            id={`${listId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={['address-search__option', index === active ? 'address-search__option--active' : ''].join(' ').trim()}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(place)}
          >
            {place.label}
          </li>
        ))}
      </ul>
      <p role="status" className={problem ? 'field__hint address-search__status' : 'visually-hidden'}>
        {status}
      </p>
    </div>
  );
}
