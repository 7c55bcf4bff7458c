import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OperatorAccount, OperatorAccountState, OperatorRole } from '@contracts/participation-client';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FormErrorSummary } from '@/components/ui/form-error-summary';
import { Loading } from '@/components/ui/loading';
import { SelectField } from '@/components/ui/select-field';
import { TableRegion } from '@/components/ui/table-region';
import { TextField } from '@/components/ui/text-field';
import { erroredFields, mergeFieldErrors, PASSWORD_MIN_LENGTH, type FieldErrors } from '@/lib/forms';
import { StatusMessage } from '@/components/ui/status-message';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import {
  operatorPeopleQueryOptions,
  useChangeOperator,
  useCreateOperator,
  useResendOperatorInvitation,
  useRevokeOperatorInvitation,
  useSetOperatorPassword,
  type PersonChange,
} from '../api/operator';

type Asked = { person: OperatorAccount; change: PersonChange; key: 'makeOperator' | 'makeSupport' | 'disable' | 'enable' };

type InvitationAsked = { person: OperatorAccount; kind: 'resend' | 'revoke' };

const OPERATOR = 'operator' as OperatorRole;
const SUPPORT = 'support' as OperatorRole;
const INVITED = 'invited' as OperatorAccountState;
const LANGUAGES = ['fr', 'nl', 'en'] as const;

/** Still invited: the e-mailed link not used yet (no password, no sign-in). */
const isInvited = (person: OperatorAccount) => !person.disabledAt && (person.state === INVITED || !!person.invitationExpiresAt);

/** Active, disabled, or invited until a date (or since when the link has expired). */
function stateLabel(t: TFunction, person: OperatorAccount): string {
  if (person.disabledAt) return t('operator.people.disabled');
  if (isInvited(person) && person.invitationExpiresAt) {
    const date = formatDate(person.invitationExpiresAt, currentLanguage());
    return Date.parse(person.invitationExpiresAt) > Date.now()
      ? t('operator.people.stateInvited', { date })
      : t('operator.people.stateExpired', { date });
  }
  return t('operator.people.enabled');
}

/**
 * The console's people (operators only): who has access, with which role, and who is still invited (until when); each
 * change confirmed. An invited person's link can be sent again (the old one stops working) or withdrawn (the unused
 * account goes). Nobody changes their own access (the API refuses it too): their row has no actions.
 */
export function OperatorPeople({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const people = useQuery(operatorPeopleQueryOptions());
  const change = useChangeOperator();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [passwordFor, setPasswordFor] = useState<OperatorAccount | null>(null);
  const [passwordSet, setPasswordSet] = useState<string | null>(null);
  const [invitationAsked, setInvitationAsked] = useState<InvitationAsked | null>(null);
  const [invitationDone, setInvitationDone] = useState<string | null>(null);
  const resend = useResendOperatorInvitation();
  const revoke = useRevokeOperatorInvitation();
  if (people.isPending) return <Loading label={t('common.loading')} />;
  if (people.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(people.error))} />;

  const ask = (next: Asked) => {
    change.reset();
    setAsked(next);
  };
  const name = asked?.person.displayName ?? '';
  const invitationChange = invitationAsked?.kind === 'revoke' ? revoke : resend;
  const askInvitation = (next: InvitationAsked) => {
    resend.reset();
    revoke.reset();
    setInvitationDone(null);
    setInvitationAsked(next);
  };
  return (
    <>
      <TableRegion label={t('operator.people.caption')}>
        <table className="table">
          <caption>{t('operator.people.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.people.name')}</th>
              <th scope="col">{t('operator.people.email')}</th>
              <th scope="col">{t('operator.people.role')}</th>
              <th scope="col">{t('operator.people.state')}</th>
              <th scope="col">{t('operator.people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  {person.displayName}
                  {person.id === selfId ? ` ${t('operator.people.you')}` : null}
                </th>
                <td>{person.email}</td>
                <td>{t(`operator.roles.${person.role}`)}</td>
                <td>{stateLabel(t, person)}</td>
                <td>
                  {person.id === selfId ? null : (
                    <div className="form__actions">
                      {isInvited(person)
                        ? (['resend', 'revoke'] as const).map((kind) => (
                            <PersonButton key={kind} name={person.displayName} onClick={() => askInvitation({ person, kind })}>
                              {t(`operator.people.${kind}`)}
                            </PersonButton>
                          ))
                        : null}
                      {actionsFor(person).map((action) => (
                        <PersonButton key={action.key} name={person.displayName} onClick={() => ask(action)}>
                          {t(`operator.people.${action.key}`)}
                        </PersonButton>
                      ))}
                      <PersonButton
                        name={person.displayName}
                        onClick={() => {
                          setPasswordSet(null);
                          setPasswordFor(person);
                        }}
                      >
                        {t('operator.people.newPassword')}
                      </PersonButton>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <ConfirmDialog
        open={asked !== null}
        title={asked ? t(`operator.people.${asked.key}`) : ''}
        confirmLabel={asked ? t(`operator.people.${asked.key}`) : ''}
        pending={change.isPending}
        error={change.error ? describeError(t, toApiError(change.error), { 409: t('operator.people.lastOperator') }) : null}
        onCancel={() => setAsked(null)}
        onConfirm={() => {
          if (asked) change.mutate({ id: asked.person.id, change: asked.change }, { onSuccess: () => setAsked(null) });
        }}
      >
        <p>{asked ? t(`operator.people.confirm.${asked.key}`, { name }) : null}</p>
      </ConfirmDialog>
      <NewPasswordDialog
        person={passwordFor}
        onClose={(done) => {
          if (done && passwordFor) setPasswordSet(passwordFor.displayName);
          setPasswordFor(null);
        }}
      />
      <ConfirmDialog
        open={invitationAsked !== null}
        title={invitationAsked ? t(`operator.people.${invitationAsked.kind}`) : ''}
        confirmLabel={invitationAsked ? t(`operator.people.${invitationAsked.kind}`) : ''}
        pending={invitationChange.isPending}
        error={
          invitationChange.error ? describeError(t, toApiError(invitationChange.error), { 409: t('operator.people.notInvited') }) : null
        }
        onCancel={() => setInvitationAsked(null)}
        onConfirm={() => {
          if (!invitationAsked) return;
          const { person, kind } = invitationAsked;
          const done = () => {
            setInvitationAsked(null);
            setInvitationDone(t(kind === 'revoke' ? 'operator.people.revoked' : 'operator.people.resent', { name: person.displayName }));
          };
          if (kind === 'revoke') revoke.mutate(person.id, { onSuccess: done });
          else resend.mutate(person.id, { onSuccess: done });
        }}
      >
        <p>{invitationAsked ? t(`operator.people.${invitationAsked.kind}Confirm`, { name: invitationAsked.person.displayName }) : null}</p>
      </ConfirmDialog>
      <StatusMessage>{passwordSet ? t('operator.people.passwordSet', { name: passwordSet }) : invitationDone}</StatusMessage>
    </>
  );
}

/**
 * A new password for another person of the console (they forgot theirs), to hand over by another channel: their session
 * ends at once and they choose their own at their next sign-in.
 */
function NewPasswordDialog({ person, onClose }: { person: OperatorAccount | null; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const set = useSetOperatorPassword();
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const apiError = set.error ? toApiError(set.error) : null;
  const errors = mergeFieldErrors(apiError, tooShort ? { password: [t('forms.passwordTooShort', { min: PASSWORD_MIN_LENGTH })] } : {});
  const close = (done: boolean) => {
    setPassword('');
    setTooShort(false);
    set.reset();
    onClose(done);
  };
  return (
    <ConfirmDialog
      open={person !== null}
      title={t('operator.people.newPasswordTitle', { name: person?.displayName ?? '' })}
      confirmLabel={t('operator.people.newPasswordConfirm')}
      pending={set.isPending}
      error={apiError && !errors.password ? describeError(t, apiError) : null}
      onCancel={() => close(false)}
      onConfirm={() => {
        if (!person) return;
        const short = password.length < PASSWORD_MIN_LENGTH;
        setTooShort(short);
        if (short) return;
        set.mutate({ id: person.id, password }, { onSuccess: () => close(true) });
      }}
    >
      <p>{t('operator.people.newPasswordHelp', { name: person?.displayName ?? '' })}</p>
      <TextField
        id="person-new-password"
        type="password"
        autoComplete="new-password"
        label={t('operator.people.newPasswordLabel')}
        hint={t('forms.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        errors={errors.password}
      />
    </ConfirmDialog>
  );
}

/** What can be done to a person: the other role, and disabling or enabling them (an invited person's invitation is
 * withdrawn instead). */
function actionsFor(person: OperatorAccount): Asked[] {
  const role: Asked =
    person.role === OPERATOR
      ? { person, change: { role: SUPPORT }, key: 'makeSupport' }
      : { person, change: { role: OPERATOR }, key: 'makeOperator' };
  if (isInvited(person)) return [role];
  return [
    role,
    person.disabledAt ? { person, change: { enabled: true }, key: 'enable' } : { person, change: { enabled: false }, key: 'disable' },
  ];
}

/** An action on one person: its accessible name begins with its text and says whom (one such button per row). */
function PersonButton({ name, onClick, children }: { name: string; onClick: () => void; children: string }) {
  return (
    <Button variant="secondary" onClick={onClick} aria-label={`${children} – ${name}`}>
      {children}
    </Button>
  );
}

/**
 * Adds a person to the console: by default they are invited by e-mail (a link, valid 7 days, to choose their password).
 * A first password handed over by another channel stays possible, as a secondary choice.
 */
export function AddOperatorForm() {
  const { t } = useTranslation();
  const create = useCreateOperator();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<OperatorRole>(SUPPORT);
  const [locale, setLocale] = useState<string>(() => currentLanguage());
  const [withPassword, setWithPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<string | null>(null);

  const apiError = create.error ? toApiError(create.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'email', id: 'person-email', label: t('operator.people.emailLabel') },
    { key: 'displayName', id: 'person-name', label: t('operator.people.name') },
    { key: 'role', id: 'person-role', label: t('operator.people.role') },
    { key: 'locale', id: 'person-locale', label: t('operator.people.locale') },
    ...(withPassword ? [{ key: 'password', id: 'person-password', label: t('operator.people.password') }] : []),
  ];
  let summary: string | null = null;
  if (Object.keys(clientErrors).length > 0) summary = t('errors.fieldsInvalid');
  else if (apiError) summary = describeError(t, apiError, { 409: t('operator.people.conflict') });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const found: FieldErrors = {};
    const required = [t('forms.required')];
    if (!email.trim()) found.email = required;
    if (!displayName.trim()) found.displayName = required;
    if (withPassword && !password) found.password = required;
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      create.reset();
      return;
    }
    const person = { email: email.trim(), displayName: displayName.trim(), role };
    create.mutate(withPassword ? { ...person, password } : { ...person, locale }, {
      onSuccess: (account) => {
        setAdded(
          withPassword
            ? t('operator.people.added', { name: account.displayName })
            : t('operator.people.inviteSent', { name: account.displayName, email: account.email }),
        );
        setEmail('');
        setDisplayName('');
        setPassword('');
      },
    });
  }

  let submitLabel = t('operator.people.invite');
  if (withPassword) submitLabel = create.isPending ? t('operator.people.adding') : t('operator.people.add');
  else if (create.isPending) submitLabel = t('operator.people.inviting');
  return (
    <section aria-labelledby="add-person-title">
      <h2 id="add-person-title">{t('operator.people.addTitle')}</h2>
      <p>{t('operator.people.addIntro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary message={summary} fields={summary ? erroredFields(errors, fields) : []} />
        <TextField
          id="person-email"
          type="email"
          inputMode="email"
          autoComplete="off"
          label={t('operator.people.emailLabel')}
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={errors.email}
        />
        <TextField
          id="person-name"
          label={t('operator.people.name')}
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          errors={errors.displayName}
        />
        <SelectField
          id="person-role"
          label={t('operator.people.role')}
          options={[SUPPORT, OPERATOR].map((r) => ({ value: r, label: t(`operator.roles.${r}`) }))}
          value={role}
          onChange={(e) => setRole(e.target.value as OperatorRole)}
          errors={errors.role}
        />
        {withPassword ? null : (
          <SelectField
            id="person-locale"
            label={t('operator.people.locale')}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`operator.languages.${l}`) }))}
            value={locale}
            onChange={(e) => setLocale(e.target.value)}
            errors={errors.locale}
          />
        )}
        <div className="choice">
          <input type="checkbox" id="person-with-password" checked={withPassword} onChange={(e) => setWithPassword(e.target.checked)} />
          <label htmlFor="person-with-password">{t('operator.people.withPassword')}</label>
        </div>
        {withPassword ? (
          <TextField
            id="person-password"
            type="password"
            autoComplete="new-password"
            label={t('operator.people.password')}
            hint={t('operator.people.passwordHint')}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            errors={errors.password}
          />
        ) : null}
        <div className="form__actions">
          <Button type="submit" pending={create.isPending}>
            {submitLabel}
          </Button>
        </div>
        <div role="status">{added ? <p>{added}</p> : null}</div>
      </form>
    </section>
  );
}
