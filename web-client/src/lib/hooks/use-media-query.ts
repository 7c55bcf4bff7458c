import { useSyncExternalStore } from 'react';

/** Whether the media query matches now, following its changes (false where `matchMedia` is missing, as in tests). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
  );
}

/** Wider than a phone: the width from which the project page shows its description beside the actions. */
export const WIDE_SCREEN = '(min-width: 56rem)';
