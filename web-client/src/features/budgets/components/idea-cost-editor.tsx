import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, hasFieldErrors, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { formatMoney } from '@/lib/format';
import { useSetIdeaCost } from '../api/budgets';

/** The API's limits for a cost: zero or more, at most a billion, cents at most. */
export const MAX_COST = 1_000_000_000;

/** The cost typed in (comma or point), undefined when empty, NaN when it is not a valid cost. */
export function parseCost(value: string): number | undefined {
  const text = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > MAX_COST || Math.round(n * 100) !== n * 100) return Number.NaN;
  return n;
}

export interface IdeaCostEditorProps {
  ideaId: string;
  cost: number | undefined;
  currency: string;
  /** Called once the cost is saved (the page reads the idea again). */
  onSaved?: () => void;
}

/** For the project's staff: what the idea would cost in the participatory budget (locked once it is in a basket). */
export function IdeaCostEditor({ ideaId, cost, currency, onSaved }: IdeaCostEditorProps) {
  const { t, i18n } = useTranslation();
  const save = useSetIdeaCost();
  const [value, setValue] = useState(cost != null ? String(cost) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const apiError = save.error ? toApiError(save.error) : null;
  const fieldErrors = problem ? [problem] : (apiError?.fieldErrors.cost ?? undefined);
  const formError = apiError && !hasFieldErrors(apiError) ? describeError(t, apiError) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const parsed = parseCost(value);
    if (Number.isNaN(parsed)) {
      save.reset();
      setProblem(t('budgets.cost.invalid'));
      return;
    }
    setProblem(null);
    save.mutate(
      { ideaId, cost: parsed },
      {
        onSuccess: (saved) => {
          setNotice(
            saved.cost != null
              ? t('budgets.cost.saved', { amount: formatMoney(saved.cost, currency, i18n.language) })
              : t('budgets.cost.cleared'),
          );
          onSaved?.();
        },
      },
    );
  }

  return (
    <section className="panel idea-cost" aria-labelledby="idea-cost-title">
      <h2 id="idea-cost-title">{t('budgets.cost.title')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <div role="alert" className={formError ? 'alert alert--error' : 'visually-empty'}>
          {formError ? <p className="alert__title">{formError}</p> : null}
        </div>
        <TextField
          id="idea-cost"
          // Text, not number: a typo must not reach the API as an empty value (which clears the cost).
          inputMode="decimal"
          autoComplete="off"
          label={t('budgets.cost.label', { currency })}
          hint={t('budgets.cost.hint')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          errors={fieldErrors}
        />
        <StatusMessage>{notice}</StatusMessage>
        <div className="form__actions">
          <Button type="submit" pending={save.isPending}>
            {t('budgets.cost.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
