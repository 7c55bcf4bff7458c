import { useEffect, useRef, useState } from 'react';

/**
 * Calls `onVisible` each time the element given to the returned ref scrolls into view (infinite lists).
 * Without IntersectionObserver nothing happens: the list's own "load more" button stays the way on.
 */
export function useWhenVisible<T extends Element>(onVisible: () => void, enabled: boolean, rootMargin = '200px') {
  const [element, setElement] = useState<T | null>(null);
  const latest = useRef(onVisible);
  useEffect(() => {
    latest.current = onVisible;
  });

  useEffect(() => {
    if (!element || !enabled || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, enabled, rootMargin]);

  return setElement;
}
