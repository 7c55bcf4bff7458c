import { useTranslation } from 'react-i18next';
import { formatFigure } from '@/lib/format';

export type ChangeDirection = 'up' | 'down' | 'same' | 'none';

export interface Change {
  direction: ChangeDirection;
  /** How much the value moved, always positive (0 when it did not or cannot be compared). */
  amount: number;
  /** The move relative to the previous value (null when that was 0 or missing). */
  ratio: number | null;
}

/** How a figure moved against the previous period ('none': one of the two values is missing). */
export function changeOf(value: number | undefined | null, previous: number | undefined | null): Change {
  if (value === undefined || value === null || previous === undefined || previous === null) {
    return { direction: 'none', amount: 0, ratio: null };
  }
  // Figures carry at most one decimal: compare them as shown.
  const diff = Math.round((value - previous) * 10) / 10;
  const ratio = previous !== 0 ? diff / previous : null;
  if (diff > 0) return { direction: 'up', amount: diff, ratio };
  if (diff < 0) return { direction: 'down', amount: -diff, ratio };
  return { direction: 'same', amount: 0, ratio: previous !== 0 ? 0 : null };
}

const ARROWS: Record<ChangeDirection, string> = { up: '▲', down: '▼', same: '=', none: '' };

/**
 * The change against the previous period, in words and with an arrow (▲ ▼ =), never by colour alone. It says up or
 * down without judging: fewer days to an answer is good news, fewer participants is not.
 */
export function ChangeIndicator({ value, previous }: { value?: number | null; previous?: number | null }) {
  const { t, i18n } = useTranslation();
  const change = changeOf(value, previous);
  if (change.direction === 'none') return <span className="change change--none">{t('dashboard.change.none')}</span>;
  const amount = formatFigure(change.amount, i18n.language);
  const percent =
    change.ratio === null
      ? ''
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(
          change.ratio,
        );
  const text =
    change.direction === 'same'
      ? t('dashboard.change.same')
      : t(`dashboard.change.${change.direction}${percent ? 'Percent' : ''}`, { amount, percent });
  return (
    <span className={`change change--${change.direction}`}>
      <span className="change__arrow" aria-hidden="true">
        {ARROWS[change.direction]}
      </span>{' '}
      {text}
    </span>
  );
}
