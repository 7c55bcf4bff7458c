import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { toApiError } from '@/api/errors';
import { invitationKeys } from '@/features/invitations/api/invitations';
import { profileKeys } from '@/features/profile/api/profile';
import { userKeys } from '@/features/users/api/users';
import { sessionStore } from '@/lib/auth/session-store';
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

export function Providers({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());

  // A session that ends (logout, failed refresh) takes the user's cached data with it.
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        if (sessionStore.getStatus() !== 'anonymous') return;
        for (const queryKey of [profileKeys.all, userKeys.all, invitationKeys.lists()]) client.removeQueries({ queryKey });
      }),
    [client],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
