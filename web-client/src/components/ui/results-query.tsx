import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from './alert';
import { Button } from './button';
import { Loading } from './loading';

export interface ResultsQueryProps<T> {
  query: UseQueryResult<T>;
  /** What a 403 means here (the results are not published yet), said as information rather than an error. */
  notYet: string;
  children: (data: T) => ReactNode;
}

/** A results page's loading, « not published yet » (403) and error states; the results once they are here. */
export function ResultsQuery<T>({ query, notYet, children }: ResultsQueryProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading label={t('common.loading')} />;
  if (query.isError) {
    const error = toApiError(query.error);
    if (error.status === 403) return <Alert variant="info" title={notYet} />;
    return (
      <Alert variant="error" role="alert" title={describeError(t, error)}>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  return children(query.data);
}
