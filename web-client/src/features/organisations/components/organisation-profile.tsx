import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { GetOrganisationMember, GetOrganisationResponse } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { StatusMessage } from '@/components/ui/status-message';
import { TextField } from '@/components/ui/text-field';
import { useInviteMember, useJoinOrganisation, useRemoveMember, useWithdrawMemberInvitation } from '../api/organisations';
import { WebsiteLink } from './website-link';

export interface OrganisationProfileProps {
  organisation: GetOrganisationResponse;
  /** The signed-in user's id (to leave), or null for a visitor. */
  meId: string | null;
}

/** The body of an organisation page (the page's h1 is its name), with the tools of its owner and members. */
export function OrganisationProfile({ organisation, meId }: OrganisationProfileProps) {
  const { t } = useTranslation();
  const owner = organisation.myRole === 'owner';
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="stack">
      <StatusMessage>{notice}</StatusMessage>
      <section className="panel" aria-labelledby="organisation-about-title">
        <h2 id="organisation-about-title">{t('organisations.page.about')}</h2>
        <p>
          <StatusBadge status={organisation.status} />{' '}
          <span className="muted">{t('organisations.memberCount', { count: organisation.memberCount })}</span>
        </p>
        {organisation.status === 'pending' && organisation.myRole ? <p className="notice">{t('organisations.page.pendingNote')}</p> : null}
        {organisation.status === 'rejected' && organisation.statusReason ? (
          <Alert variant="warning" title={t('organisations.page.rejectedTitle')}>
            <p className="plain-text">{organisation.statusReason}</p>
          </Alert>
        ) : null}
        {organisation.description ? (
          <p className="plain-text">{organisation.description}</p>
        ) : (
          <p className="muted">{t('organisations.page.noDescription')}</p>
        )}
        {organisation.website ? (
          <p>
            <span className="muted">{t('organisations.form.website')} : </span>
            <WebsiteLink website={organisation.website} />
          </p>
        ) : null}
        {owner ? (
          <p>
            <Link className="button button--secondary" to={`/organisations/${organisation.id}/edit`}>
              {t('organisations.page.edit')}
            </Link>
          </p>
        ) : null}
      </section>
      {organisation.invitedMe ? (
        <JoinPanel organisation={organisation} onJoined={() => setNotice(t('organisations.page.joined', { name: organisation.name }))} />
      ) : null}
      {organisation.members ? <MembersPanel organisation={organisation} meId={meId} onNotice={setNotice} /> : null}
      {owner ? <InvitePanel organisation={organisation} /> : null}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (status === 'verified') return <Badge tone="success">{t('organisations.verified')}</Badge>;
  return <Badge tone="warning">{t(`organisations.status.${status}`, { defaultValue: status })}</Badge>;
}

function JoinPanel({ organisation, onJoined }: { organisation: GetOrganisationResponse; onJoined: () => void }) {
  const { t } = useTranslation();
  const join = useJoinOrganisation();
  return (
    <section className="panel" aria-labelledby="organisation-join-title">
      <h2 id="organisation-join-title">{t('organisations.page.invitedTitle')}</h2>
      <p>{t('organisations.page.invitedBody', { name: organisation.name })}</p>
      <div role="alert">{join.error ? <p className="field__error">{describeError(t, toApiError(join.error))}</p> : null}</div>
      <Button pending={join.isPending} onClick={() => join.mutate(organisation.id, { onSuccess: onJoined })}>
        {t('organisations.join')}
      </Button>
    </section>
  );
}

function MembersPanel({
  organisation,
  meId,
  onNotice,
}: {
  organisation: GetOrganisationResponse;
  meId: string | null;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useRemoveMember();
  const [toRemove, setToRemove] = useState<GetOrganisationMember | null>(null);
  const owner = organisation.myRole === 'owner';
  const leaving = toRemove?.userId === meId;
  const name = (m: GetOrganisationMember) => `${m.firstName} ${m.lastName}`;

  function doRemove() {
    const member = toRemove;
    if (!member) return;
    remove.mutate(
      { id: organisation.id, userId: member.userId },
      {
        onSuccess: () => {
          setToRemove(null);
          if (member.userId === meId) void navigate('/profile', { state: { leftOrganisation: organisation.name } });
          else onNotice(t('organisations.members.removed', { name: name(member) }));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="organisation-members-title">
      <h2 id="organisation-members-title">{t('organisations.members.title')}</h2>
      <p className="muted">{t('organisations.members.privacy')}</p>
      <ul className="role-list">
        {organisation.members!.map((member) => {
          const self = member.userId === meId;
          const canRemove = member.role === 'member' && (owner || self);
          return (
            <li key={member.userId} className="role-list__item">
              <span>
                {name(member)} {member.role === 'owner' ? <Badge tone="neutral">{t('organisations.members.owner')}</Badge> : null}
                {self ? <span className="muted"> {t('organisations.members.you')}</span> : null}
              </span>
              {canRemove ? (
                <Button
                  variant="secondary"
                  className="button--small"
                  aria-label={self ? undefined : t('organisations.members.removeLabel', { name: name(member) })}
                  onClick={() => {
                    remove.reset();
                    setToRemove(member);
                  }}
                >
                  {self ? t('organisations.members.leave') : t('common.remove')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={toRemove !== null}
        title={leaving ? t('organisations.members.leaveTitle') : t('organisations.members.removeTitle')}
        confirmLabel={leaving ? t('organisations.members.leaveConfirm') : t('organisations.members.removeConfirm')}
        onConfirm={doRemove}
        onCancel={() => setToRemove(null)}
        pending={remove.isPending}
        error={remove.error ? describeError(t, toApiError(remove.error)) : null}
      >
        <p>
          {toRemove
            ? leaving
              ? t('organisations.members.leaveBody', { organisation: organisation.name })
              : t('organisations.members.removeBody', { name: name(toRemove), organisation: organisation.name })
            : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}

function InvitePanel({ organisation }: { organisation: GetOrganisationResponse }) {
  const { t } = useTranslation();
  const invite = useInviteMember();
  const withdraw = useWithdrawMemberInvitation();
  const [toWithdraw, setToWithdraw] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [clientError, setClientError] = useState<string[] | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const apiError = invite.error ? toApiError(invite.error) : null;
  const errors = clientError ?? apiError?.fieldErrors.email;
  const pending = organisation.pendingInvitations ?? [];

  function doWithdraw() {
    const address = toWithdraw;
    if (!address) return;
    withdraw.mutate(
      { id: organisation.id, email: address },
      {
        onSuccess: () => {
          setToWithdraw(null);
          setSentTo(null);
          setWithdrawn(address);
          // The row is gone: keep the keyboard in the panel.
          window.setTimeout(() => document.getElementById('organisation-invite-email')?.focus(), 0);
        },
      },
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    setWithdrawn(null);
    const value = email.trim();
    const problem = !value
      ? [t('forms.required')]
      : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
        ? [t('organisations.invite.invalidEmail')]
        : undefined;
    setClientError(problem);
    if (problem) {
      invite.reset();
      return;
    }
    invite.mutate(
      { id: organisation.id, email: value },
      {
        onSuccess: () => {
          setSentTo(value);
          setEmail('');
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="organisation-invite-title">
      <h2 id="organisation-invite-title">{t('organisations.invite.title')}</h2>
      <StatusMessage>
        {sentTo
          ? t('organisations.invite.sent', { email: sentTo })
          : withdrawn
            ? t('organisations.invite.withdrawn', { email: withdrawn })
            : null}
      </StatusMessage>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="organisation-invite-title">
        <p className="form__note">{t('organisations.invite.intro')}</p>
        <div role="alert" className={apiError && !errors ? 'alert alert--error' : 'visually-empty'}>
          {apiError && !errors ? <p className="alert__title">{describeError(t, apiError)}</p> : null}
        </div>
        <TextField
          id="organisation-invite-email"
          type="email"
          inputMode="email"
          autoComplete="off"
          label={t('fields.email')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={errors}
        />
        <div className="form__actions">
          <Button type="submit" pending={invite.isPending}>
            {t('organisations.invite.submit')}
          </Button>
        </div>
      </form>
      <h3>{t('organisations.invite.pendingTitle')}</h3>
      {pending.length === 0 ? (
        <p className="muted">{t('organisations.invite.noPending')}</p>
      ) : (
        <ul className="role-list">
          {pending.map((address) => (
            <li key={address} className="role-list__item">
              <span className="table__email">{address}</span>
              <Button
                variant="secondary"
                className="button--small"
                aria-label={t('organisations.invite.withdrawLabel', { email: address })}
                onClick={() => {
                  withdraw.reset();
                  setToWithdraw(address);
                }}
              >
                {t('organisations.invite.withdraw')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={toWithdraw !== null}
        title={t('organisations.invite.withdrawTitle')}
        confirmLabel={t('organisations.invite.withdrawConfirm')}
        onConfirm={doWithdraw}
        onCancel={() => setToWithdraw(null)}
        pending={withdraw.isPending}
        error={withdraw.error ? describeError(t, toApiError(withdraw.error)) : null}
      >
        <p>{toWithdraw ? t('organisations.invite.withdrawBody', { email: toWithdraw, organisation: organisation.name }) : null}</p>
      </ConfirmDialog>
    </section>
  );
}
