import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import type { Direction } from '../api/builder';

export interface MoveButtonsProps {
  /** The buttons' ids (focus stays on the one pressed after the list is re-rendered). */
  id: (direction: Direction) => string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Their accessible names, which say what moves (« Monter la question 2 »). */
  upLabel: string;
  downLabel: string;
  onMove: (direction: Direction) => void;
}

/** The builder's « up » and « down » buttons for a section, a question or a choice. */
export function MoveButtons({ id, canMoveUp, canMoveDown, upLabel, downLabel, onMove }: MoveButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        id={id(-1)}
        variant="secondary"
        className="button--small"
        disabled={!canMoveUp}
        aria-label={upLabel}
        onClick={() => onMove(-1)}
      >
        {t('surveys.move.up')}
      </Button>
      <Button
        id={id(1)}
        variant="secondary"
        className="button--small"
        disabled={!canMoveDown}
        aria-label={downLabel}
        onClick={() => onMove(1)}
      >
        {t('surveys.move.down')}
      </Button>
    </>
  );
}
