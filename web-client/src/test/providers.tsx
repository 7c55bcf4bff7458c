import type { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { CoreProviders, createQueryClient } from '@/lib/providers';

/**
 * A component under test renders inside the app's core providers (translations, the query client's settings) with a
 * fresh cache. What the app adds on top (src/app/providers.tsx: dropping cached data when a session ends) concerns
 * every feature at once, so it stays in the app.
 */
export function TestProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return <CoreProviders client={client}>{children}</CoreProviders>;
}
