import { useSyncExternalStore } from 'react';

/**
 * The browser side of a session: the access token lives only in memory, the refresh token in
 * localStorage (so a reload can restore the session silently).
 */
export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

const REFRESH_TOKEN_KEY = 'participation.refreshToken';

function readStoredRefreshToken(): string | null {
  try {
    return window.localStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

let accessToken: string | null = null;
let status: SessionStatus = readStoredRefreshToken() ? 'restoring' : 'anonymous';
const listeners = new Set<() => void>();

function emit(next: SessionStatus) {
  status = next;
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  getAccessToken: () => accessToken,
  getRefreshToken: readStoredRefreshToken,
  getStatus: () => status,

  setTokens(tokens: SessionTokens) {
    accessToken = tokens.accessToken;
    try {
      window.localStorage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    } catch {
      // Private mode without storage: the session simply ends with the tab.
    }
    emit('authenticated');
  },

  /**
   * A session with an access token only (the vendor's support session, opened from the console): any refresh token
   * stored for this address is dropped first, so that its end can never fall back to someone else's session.
   */
  startAccessOnly(token: string) {
    try {
      window.localStorage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      // ignore
    }
    accessToken = token;
    emit('authenticated');
  },

  /** An access token obtained by another tab for the refresh token both share. */
  adoptAccessToken(token: string) {
    accessToken = token;
    emit('authenticated');
  },

  /** Forget the session. `keepRefreshToken` when the refresh failed for a reason other than a rejection (offline). */
  clear(options: { keepRefreshToken?: boolean } = {}) {
    accessToken = null;
    if (!options.keepRefreshToken) {
      try {
        window.localStorage.removeItem(REFRESH_TOKEN_KEY);
      } catch {
        // ignore
      }
    }
    emit('anonymous');
  },

  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getStatus, sessionStore.getStatus);
}
