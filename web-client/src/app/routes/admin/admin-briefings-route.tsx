import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Page } from '@/components/layout/page';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { briefingScheduleQueryOptions } from '@/features/briefings/api/briefings';
import { BriefingLog } from '@/features/briefings/components/briefing-log';
import { OfficialsTable } from '@/features/briefings/components/officials-table';
import { ScheduleForm } from '@/features/briefings/components/schedule-form';
import { BRIEFING_ROLES, RequireStaffRole } from './admin-layout';

/** Elected officials' briefings (admins): the schedule, the officials with preview and "send now", and the log. */
export function AdminBriefingsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaffRole roles={BRIEFING_ROLES}>
      <Page title={t('admin.nav.briefings')} intro={<p>{t('briefings.intro')}</p>}>
        <BriefingsPage />
      </Page>
    </RequireStaffRole>
  );
}

function BriefingsPage() {
  const { t } = useTranslation();
  const schedule = useQuery(briefingScheduleQueryOptions());
  return (
    <div className="stack">
      {schedule.isPending ? (
        <Loading label={t('common.loading')} />
      ) : schedule.isError ? (
        <Alert variant="error" role="alert" title={describeError(t, toApiError(schedule.error))} />
      ) : (
        <ScheduleForm schedule={schedule.data} />
      )}
      <OfficialsTable />
      <BriefingLog />
    </div>
  );
}
