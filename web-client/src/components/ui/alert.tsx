import type { ReactNode } from 'react';

export interface AlertProps {
  variant: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
  /** `alert` interrupts a screen reader, `status` waits politely; none for static notices. */
  role?: 'alert' | 'status';
  id?: string;
}

export function Alert({ variant, title, children, role, id }: AlertProps) {
  return (
    <div className={`alert alert--${variant}`} role={role} id={id}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children ? <div className="alert__body">{children}</div> : null}
    </div>
  );
}
