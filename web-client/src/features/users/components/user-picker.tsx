import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { PEOPLE_SEARCH_MAX, PEOPLE_SEARCH_MIN, peopleSearchQueryOptions } from '../api/users';

export interface UserPickerProps {
  idPrefix: string;
  openLabel: string;
  searchLabel: string;
  /** The button of each result, and its accessible name with the person's name. */
  pickLabel: string;
  pickLabelFor: (name: string) => string;
  pickedLabel: string;
  onPick: (user: { id: string; firstName: string; lastName: string }) => void;
  isPicked: (userId: string) => boolean;
  pendingUserId: string | null;
}

/** Find a person with an account by name or exact e-mail (admins and department heads; names only), and pick them. */
export function UserPicker(props: UserPickerProps) {
  const { idPrefix, openLabel, searchLabel, pickLabel, pickLabelFor, pickedLabel, onPick, isPicked, pendingUserId } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 300);
  const inRange = debounced.length >= PEOPLE_SEARCH_MIN && debounced.length <= PEOPLE_SEARCH_MAX;
  const results = useQuery({ ...peopleSearchQueryOptions(debounced), enabled: open && inRange });

  if (!open)
    return (
      <Button variant="secondary" className="button--small" onClick={() => setOpen(true)}>
        {openLabel}
      </Button>
    );

  return (
    <div className="heads__add">
      <TextField
        id={`${idPrefix}-search`}
        type="search"
        label={searchLabel}
        hint={t('users.picker.hint', { min: PEOPLE_SEARCH_MIN })}
        autoFocus
        maxLength={PEOPLE_SEARCH_MAX}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div role="status" className="results-count">
        {results.isSuccess ? t('users.picker.results', { count: results.data.items.length }) : null}
      </div>
      {results.isError ? (
        <p className="field__error" role="alert">
          {describeError(t, toApiError(results.error))}
        </p>
      ) : null}
      {results.isSuccess && results.data.items.length > 0 ? (
        <ul className="role-list">
          {results.data.items.map((user) => {
            const name = `${user.firstName} ${user.lastName}`;
            const picked = isPicked(user.id);
            return (
              <li key={user.id} className="role-list__item">
                <span>{name}</span>
                <Button
                  variant="secondary"
                  className="button--small"
                  disabled={picked}
                  pending={pendingUserId === user.id}
                  aria-label={pickLabelFor(name)}
                  onClick={() => onPick(user)}
                >
                  {picked ? pickedLabel : pickLabel}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Button variant="link" onClick={() => setOpen(false)}>
        {t('common.close')}
      </Button>
    </div>
  );
}
