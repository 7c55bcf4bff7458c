import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { toApiError } from '@/api/errors';
import { i18n } from '@/lib/i18n';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors will not go away by asking again.
        retry: (failureCount, error) => {
          const status = toApiError(error).status;
          return failureCount < 2 && (status === 0 || status >= 500);
        },
      },
    },
  });
}

/**
 * What every screen needs: translations and the query cache. The app wraps it with its session-wide behaviour
 * (src/app/providers.tsx); a component test renders inside it through src/test/providers.tsx.
 */
export function CoreProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
