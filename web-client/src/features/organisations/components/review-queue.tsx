import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganisationDecision, OrganisationStatus, type ListOrganisationsOrganisation } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { TextAreaField } from '@/components/ui/textarea-field';
import { formatDate } from '@/lib/format';
import { organisationsInfiniteQueryOptions, REVIEW_STATUSES, useReviewOrganisation, type ReviewStatus } from '../api/organisations';
import { WebsiteLink } from './website-link';

/** Admins verify organisations, or reject them with a reason the owner receives; rejected ones can be verified later. */
export function ReviewQueue() {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<ReviewStatus>(OrganisationStatus.Pending);
  const list = useInfiniteQuery(organisationsInfiniteQueryOptions(tab, ''));
  const review = useReviewOrganisation();
  const [rejecting, setRejecting] = useState<ListOrganisationsOrganisation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  function verify(organisation: ListOrganisationsOrganisation) {
    setNotice(null);
    review.mutate(
      { id: organisation.id, request: { decision: OrganisationDecision.Verify } },
      { onSuccess: () => setNotice(t('organisations.review.verified', { name: organisation.name })) },
    );
  }

  return (
    <div className="stack">
      <div className="tabs" role="group" aria-label={t('organisations.review.tabsLabel')}>
        {REVIEW_STATUSES.map((status) => (
          <Button
            key={status}
            variant={tab === status ? 'primary' : 'secondary'}
            aria-pressed={tab === status}
            onClick={() => {
              setTab(status);
              setNotice(null);
            }}
          >
            {t(`organisations.review.tabs.${status}`)}
          </Button>
        ))}
      </div>
      <section className="panel" aria-labelledby="review-title">
        <h2 id="review-title">{t(`organisations.review.tabs.${tab}`)}</h2>
        <StatusMessage>{notice}</StatusMessage>
        <div role="alert">
          {review.error && !rejecting ? <p className="field__error">{describeError(t, toApiError(review.error))}</p> : null}
        </div>
        {list.isPending ? (
          <Loading label={t('common.loading')} />
        ) : list.isError ? (
          <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))} />
        ) : items.length === 0 ? (
          <p className="empty-state">{t(`organisations.review.empty.${tab}`)}</p>
        ) : (
          <ul className="card-list">
            {items.map((organisation) => (
              <li key={organisation.id} className="card">
                <article aria-labelledby={`review-${organisation.id}-name`}>
                  <div className="card__header">
                    <h3 id={`review-${organisation.id}-name`} className="card__title">
                      <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
                    </h3>
                    <div className="card__actions">
                      <Button
                        className="button--small"
                        aria-label={t('organisations.review.verifyLabel', { name: organisation.name })}
                        pending={
                          review.isPending && review.variables?.id === organisation.id && review.variables.request.decision === 'verify'
                        }
                        onClick={() => verify(organisation)}
                      >
                        {t('organisations.review.verify')}
                      </Button>
                      {tab === 'pending' ? (
                        <Button
                          variant="secondary"
                          className="button--small"
                          aria-label={t('organisations.review.rejectLabel', { name: organisation.name })}
                          onClick={() => {
                            review.reset();
                            setRejecting(organisation);
                          }}
                        >
                          {t('organisations.review.reject')}
                        </Button>
                      ) : null}
                    </div>
                  </div>
                  <p className="muted">
                    {t('organisations.review.createdOn', { date: formatDate(organisation.createdAt, i18n.language) })} ·{' '}
                    {t('organisations.memberCount', { count: organisation.memberCount })}
                  </p>
                  {organisation.description ? <p className="plain-text">{organisation.description}</p> : null}
                  {organisation.website ? (
                    <p>
                      <WebsiteLink website={organisation.website} />
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage ? (
          <p className="load-more">
            <Button variant="secondary" pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </p>
        ) : null}
      </section>
      <Dialog open={rejecting !== null} title={t('organisations.review.rejectTitle')} onClose={() => setRejecting(null)}>
        {rejecting ? (
          <RejectForm
            organisation={rejecting}
            pending={review.isPending}
            error={review.error}
            onCancel={() => setRejecting(null)}
            onSubmit={(reason) =>
              review.mutate(
                { id: rejecting.id, request: { decision: OrganisationDecision.Reject, reason } },
                {
                  onSuccess: () => {
                    setNotice(t('organisations.review.rejected', { name: rejecting.name }));
                    setRejecting(null);
                  },
                },
              )
            }
          />
        ) : null}
      </Dialog>
    </div>
  );
}

interface RejectFormProps {
  organisation: ListOrganisationsOrganisation;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}

function RejectForm({ organisation, pending, error, onCancel, onSubmit }: RejectFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<string[] | undefined>();
  const apiError = error ? toApiError(error) : null;
  const errors = clientError ?? apiError?.fieldErrors.reason;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = reason.trim() ? undefined : [t('organisations.review.reasonRequired')];
    setClientError(problem);
    if (!problem) onSubmit(reason.trim());
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p>{t('organisations.review.rejectBody', { name: organisation.name })}</p>
      <div role="alert" className={apiError && !errors ? 'alert alert--error' : 'visually-empty'}>
        {apiError && !errors ? <p className="alert__title">{describeError(t, apiError)}</p> : null}
      </div>
      <TextAreaField
        id="reject-reason"
        label={t('organisations.review.reason')}
        hint={t('organisations.review.reasonHint')}
        required
        rows={4}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={errors}
      />
      <div className="form__actions">
        <Button type="submit" className="button--danger" pending={pending}>
          {t('organisations.review.rejectConfirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
