import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorAccount, OperatorRole } from '@contracts/participation-client';
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
import {
  operatorPeopleQueryOptions,
  useChangeOperator,
  useCreateOperator,
  useSetOperatorPassword,
  type PersonChange,
} from '../api/operator';

type Asked = { person: OperatorAccount; change: PersonChange; key: 'makeOperator' | 'makeSupport' | 'disable' | 'enable' };

const OPERATOR = 'operator' as OperatorRole;
const SUPPORT = 'support' as OperatorRole;

/**
 * The console's people (operators only): who has access, with which role; each change confirmed. Nobody changes their own
 * access (the API refuses it too): their row has no actions.
 */
export function OperatorPeople({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const people = useQuery(operatorPeopleQueryOptions());
  const change = useChangeOperator();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [passwordFor, setPasswordFor] = useState<OperatorAccount | null>(null);
  const [passwordSet, setPasswordSet] = useState<string | null>(null);
  if (people.isPending) return <Loading label={t('common.loading')} />;
  if (people.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(people.error))} />;

  const ask = (next: Asked) => {
    change.reset();
    setAsked(next);
  };
  const name = asked?.person.displayName ?? '';
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
                <td>{person.disabledAt ? t('operator.people.disabled') : t('operator.people.enabled')}</td>
                <td>
                  {person.id === selfId ? null : (
                    <div className="form__actions">
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
      <StatusMessage>{passwordSet ? t('operator.people.passwordSet', { name: passwordSet }) : null}</StatusMessage>
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

/** What can be done to a person: the other role, and disabling or enabling them. */
function actionsFor(person: OperatorAccount): Asked[] {
  return [
    person.role === OPERATOR
      ? { person, change: { role: SUPPORT }, key: 'makeSupport' }
      : { person, change: { role: OPERATOR }, key: 'makeOperator' },
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

/** Adds a person to the console with a first password, handed over out of band (they replace it at their first sign-in). */
export function AddOperatorForm() {
  const { t } = useTranslation();
  const create = useCreateOperator();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<OperatorRole>(SUPPORT);
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<string | null>(null);

  const apiError = create.error ? toApiError(create.error) : null;
  const errors = mergeFieldErrors(apiError, clientErrors);
  const fields = [
    { key: 'email', id: 'person-email', label: t('operator.people.emailLabel') },
    { key: 'displayName', id: 'person-name', label: t('operator.people.name') },
    { key: 'role', id: 'person-role', label: t('operator.people.role') },
    { key: 'password', id: 'person-password', label: t('operator.people.password') },
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
    if (!password) found.password = required;
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      create.reset();
      return;
    }
    create.mutate(
      { email: email.trim(), displayName: displayName.trim(), role, password },
      {
        onSuccess: (person) => {
          setAdded(person.displayName);
          setEmail('');
          setDisplayName('');
          setPassword('');
        },
      },
    );
  }

  return (
    <section aria-labelledby="add-person-title">
      <h2 id="add-person-title">{t('operator.people.addTitle')}</h2>
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
        <div className="form__actions">
          <Button type="submit" pending={create.isPending}>
            {create.isPending ? t('operator.people.adding') : t('operator.people.add')}
          </Button>
        </div>
        <div role="status">{added ? <p>{t('operator.people.added', { name: added })}</p> : null}</div>
      </form>
    </section>
  );
}
