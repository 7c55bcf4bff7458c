import { useSyncExternalStore } from 'react';
import type { OperatorProfile } from '@contracts/participation-client';

/**
 * The vendor's console session (issue 19), apart from a city's: an operator token (its own audience, refused by every
 * city endpoint) kept for the tab only (sessionStorage) until it expires; there is no refresh, the operator signs in
 * again.
 */
export interface OperatorSession {
  accessToken: string;
  expiresAt: string;
  operator: OperatorProfile;
}

const KEY = 'participation.operatorSession';
const listeners = new Set<() => void>();
let cached: OperatorSession | null | undefined;

function read(): OperatorSession | null {
  if (cached !== undefined) return cached;
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as OperatorSession) : null;
    cached = parsed && Date.parse(parsed.expiresAt) > Date.now() ? parsed : null;
  } catch {
    cached = null;
  }
  return cached;
}

function emit() {
  listeners.forEach((listener) => listener());
}

export const operatorSession = {
  get: read,
  set(session: OperatorSession) {
    cached = session;
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(session));
    } catch {
      // Private mode: the session lasts as long as the page.
    }
    emit();
  },
  clear() {
    cached = null;
    try {
      window.sessionStorage.removeItem(KEY);
    } catch {
      // Nothing stored.
    }
    emit();
  },
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The signed-in operator, or null; re-renders when they sign in or out. */
export function useOperatorSession(): OperatorSession | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
