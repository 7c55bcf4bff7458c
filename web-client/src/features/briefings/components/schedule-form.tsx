import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BriefingFrequency, type GetBriefingScheduleResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { SelectField } from '@/components/ui/select-field';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { oneOf } from '@/lib/closed-sets';
import { formatDateTime, formatDay } from '@/lib/format';
import { erroredFields, mergeFieldErrors } from '@/lib/forms';
import { useSetBriefingSchedule } from '../api/briefings';

const FREQUENCIES = Object.values(BriefingFrequency);

/** The admin's schedule: how often, on which day of the month after a period ends, from which hour (Brussels time). */
export function ScheduleForm({ schedule }: { schedule: GetBriefingScheduleResponse }) {
  const { t, i18n } = useTranslation();
  const save = useSetBriefingSchedule();
  const [frequency, setFrequency] = useState<BriefingFrequency>(schedule.frequency);
  const [sendDay, setSendDay] = useState(String(schedule.sendDay));
  const [sendHour, setSendHour] = useState(String(schedule.sendHour));
  const [done, setDone] = useState<string | null>(null);
  const apiError = save.error ? toApiError(save.error) : null;
  const errors = mergeFieldErrors(apiError, {});
  const fields = [
    { key: 'frequency', id: 'briefing-frequency', label: t('briefings.schedule.frequency') },
    { key: 'sendDay', id: 'briefing-send-day', label: t('briefings.schedule.sendDay') },
    { key: 'sendHour', id: 'briefing-send-hour', label: t('briefings.schedule.sendHour') },
  ];
  const next = schedule.next;

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    save.mutate(
      { frequency, sendDay: Number.parseInt(sendDay, 10), sendHour: Number.parseInt(sendHour, 10) },
      { onSuccess: () => setDone(t('briefings.schedule.saved')) },
    );
  }

  return (
    <form className="panel stack" aria-labelledby="briefing-schedule-title" noValidate onSubmit={submit}>
      <h2 id="briefing-schedule-title">{t('briefings.schedule.title')}</h2>
      <FormErrorSummary message={apiError ? describeError(t, apiError) : null} fields={erroredFields(errors, fields)} />
      <StatusMessage>{done}</StatusMessage>
      <p>
        {next
          ? t('briefings.schedule.next', {
              from: formatDay(next.from, i18n.language),
              to: formatDay(next.to, i18n.language),
              at: formatDateTime(next.sendAt, i18n.language),
            })
          : t('briefings.schedule.none')}
      </p>
      <SelectField
        id="briefing-frequency"
        label={t('briefings.schedule.frequency')}
        value={frequency}
        errors={errors.frequency}
        onChange={(e) => setFrequency(oneOf(FREQUENCIES, e.target.value) ?? BriefingFrequency.Quarterly)}
        options={FREQUENCIES.map((f) => ({ value: f, label: t(`briefings.schedule.frequencies.${f}`) }))}
      />
      <div className="filters">
        <TextField
          id="briefing-send-day"
          type="number"
          min={1}
          max={28}
          inputMode="numeric"
          label={t('briefings.schedule.sendDay')}
          hint={t('briefings.schedule.sendDayHint')}
          value={sendDay}
          errors={errors.sendDay}
          onChange={(e) => setSendDay(e.target.value)}
        />
        <TextField
          id="briefing-send-hour"
          type="number"
          min={0}
          max={23}
          inputMode="numeric"
          label={t('briefings.schedule.sendHour')}
          hint={t('briefings.schedule.sendHourHint')}
          value={sendHour}
          errors={errors.sendHour}
          onChange={(e) => setSendHour(e.target.value)}
        />
      </div>
      <div>
        <Button type="submit" pending={save.isPending}>
          {t('briefings.schedule.save')}
        </Button>
      </div>
    </form>
  );
}
