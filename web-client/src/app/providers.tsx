import { useEffect, useState, type ReactNode } from 'react';
import { sessionStore } from '@/lib/auth/session-store';
import { CoreProviders, createQueryClient } from '@/lib/providers';
import { PERSONAL_QUERIES } from './personal-queries';

/** The app's providers: the core ones (src/lib/providers.tsx) and what a session's end means for every feature's cache. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);

  // A session that ends (logout, failed refresh) takes the user's cached data with it.
  // Projects, organisations, ideas, votes, baskets and surveys answer differently per person: a new session reads them again.
  useEffect(() => {
    let previous = sessionStore.getStatus();
    return sessionStore.subscribe(() => {
      const status = sessionStore.getStatus();
      const changed = status !== previous;
      previous = status;
      if (status === 'anonymous') {
        for (const queryKey of PERSONAL_QUERIES.removedOnLogout) client.removeQueries({ queryKey });
      } else if (status === 'authenticated' && changed) {
        for (const queryKey of PERSONAL_QUERIES.refreshedOnLogin) void client.invalidateQueries({ queryKey });
      }
    });
  }, [client]);

  return <CoreProviders client={client}>{children}</CoreProviders>;
}
