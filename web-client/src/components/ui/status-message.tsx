import type { ReactNode } from 'react';

/** A polite live region that stays mounted; put the success message in it when there is one. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className={children ? 'alert alert--success' : 'visually-empty'}>
      {children ? <p className="alert__title">{children}</p> : null}
    </div>
  );
}
