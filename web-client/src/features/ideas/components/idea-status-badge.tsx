import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';

const TONES: Record<string, 'success' | 'warning' | 'neutral'> = {
  accepted: 'success',
  implemented: 'success',
  rejected: 'warning',
  prescreening: 'warning',
};

export function useIdeaStatusLabel() {
  const { t } = useTranslation();
  return (status: string) => t(`ideas.status.${status}`, { defaultValue: status });
}

export function IdeaStatusBadge({ status }: { status: string }) {
  const label = useIdeaStatusLabel();
  return <Badge tone={TONES[status] ?? 'neutral'}>{label(status)}</Badge>;
}
