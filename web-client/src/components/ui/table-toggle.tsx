import { useId, useState, type ReactNode } from 'react';
import { Button } from './button';

export interface TableToggleProps {
  /** The button's words while the table is hidden (« Afficher le tableau des semaines ») and while shown. */
  showLabel: string;
  hideLabel: string;
  /** Shown from the start (e.g. when the chart cannot say much). */
  initiallyOpen?: boolean;
  children: ReactNode;
}

/**
 * A chart's table behind a disclosure button (aria-expanded, aria-controls): the table stays in the page, hidden, so
 * the button always points at it.
 */
export function TableToggle({ showLabel, hideLabel, initiallyOpen = false, children }: TableToggleProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <div className="table-toggle">
      <Button variant="secondary" className="button--small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? hideLabel : showLabel}
      </Button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
