import { useTranslation } from 'react-i18next';
import { Page } from '@/components/layout/page';
import { EventsDirectory } from '@/features/calendar-events/components/events-directory';
import { useFilterTagOptions } from './use-tag-options';

/** Every event of the platform (/events). */
export function EventsRoute() {
  const { t } = useTranslation();
  const tags = useFilterTagOptions();
  return (
    <Page title={t('calendarEvents.pageTitle')} intro={<p className="lead">{t('calendarEvents.intro')}</p>}>
      <EventsDirectory topicOptions={tags.topicOptions} areaOptions={tags.areaOptions} />
    </Page>
  );
}
