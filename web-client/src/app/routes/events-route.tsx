import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { EventsDirectory } from '@/features/calendar-events/components/events-directory';

/** Every event of the platform (/events). */
export function EventsRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('calendarEvents.pageTitle')} intro={<p className="lead">{t('calendarEvents.intro')}</p>}>
      <EventsDirectory />
    </Page>
  );
}
