import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { GetPlatformSettingsResponse, UpdatePlatformSettingsRequest } from '@contracts/participation-client';
import { api } from '@/api/client';

export const platformKeys = {
  all: ['platform'] as const,
  /** The public settings every page draws the shell with. */
  settings: () => [...platformKeys.all, 'settings'] as const,
  /** Everything admins edit, with its version. */
  admin: () => [...platformKeys.all, 'admin'] as const,
};

/** Logo: PNG, JPEG or WebP (no SVG: it can carry scripts), at most 1 MB. Favicon: PNG or ICO, at most 256 KB. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const LOGO_MAX_BYTES = 1024 * 1024;
export const FAVICON_TYPES = ['image/png', 'image/x-icon', 'image/vnd.microsoft.icon'] as const;
export const FAVICON_MAX_BYTES = 256 * 1024;

export const platformQueryOptions = () =>
  queryOptions({
    queryKey: platformKeys.settings(),
    queryFn: ({ signal }) => api.getPlatform(signal),
    staleTime: 60 * 60 * 1000,
  });

export const platformSettingsQueryOptions = () =>
  queryOptions({ queryKey: platformKeys.admin(), queryFn: ({ signal }) => api.getPlatformSettings(signal), staleTime: 0 });

export function useUpdatePlatformSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePlatformSettingsRequest) => api.updatePlatformSettings(body),
    onSuccess: (settings: GetPlatformSettingsResponse) => {
      queryClient.setQueryData(platformKeys.admin(), settings);
      // The shell (name, colours, languages, map) follows at once on this browser.
      void queryClient.invalidateQueries({ queryKey: platformKeys.settings() });
    },
  });
}

/** The retention of inactive accounts (months, or null: off), saved apart from the other settings. */
export function useSetAccountRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (months: number | null) => api.setAccountRetention({ inactiveAccountRetentionMonths: months ?? undefined }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: platformKeys.admin() });
    },
  });
}

export type PlatformImageKind = 'logo' | 'favicon';

export function useSetPlatformImage(kind: PlatformImageKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      kind === 'logo'
        ? api.setPlatformLogo({ data: file, fileName: file.name })
        : api.setPlatformFavicon({ data: file, fileName: file.name }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: platformKeys.all });
    },
  });
}
