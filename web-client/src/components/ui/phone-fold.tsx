import { useState, type ReactNode } from 'react';
import { useMediaQuery, WIDE_SCREEN } from '@/lib/hooks/use-media-query';

export interface PhoneFoldProps {
  /** The line that opens it on a phone (not shown on wider screens, where it is always open). */
  summary: string;
  className?: string;
  children: ReactNode;
}

/**
 * Secondary content folded on a phone, so what the visitor came to do comes first (a native disclosure: keyboard and
 * screen readers know it); always open from the width where there is room beside it.
 */
export function PhoneFold({ summary, className = '', children }: PhoneFoldProps) {
  const wide = useMediaQuery(WIDE_SCREEN);
  const [opened, setOpened] = useState(false);
  return (
    <details className={`phone-fold ${className}`} open={wide || opened} onToggle={(e) => !wide && setOpened(e.currentTarget.open)}>
      <summary className="phone-fold__summary">{summary}</summary>
      {children}
    </details>
  );
}
