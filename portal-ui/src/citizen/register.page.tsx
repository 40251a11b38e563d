// Self-registration of a citizen or an organisation (POST /auth/register);
// then the email is confirmed with the code sent to it.
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { getLocale, t, useLocale } from '../i18n/i18n';
import { api, fieldErrors } from '../shell/api';
import { ErrorMessage } from '../shell/feedback';
import { problem, TextField, type Check } from './account-form';

const MIN_PASSWORD = 10;
type Kind = 'citizen' | 'organisation';

interface Input {
  name: string;
  label: string;
  check?: Check;
  type?: string;
  autoComplete?: string;
  hint?: string;
}

function inputsFor(kind: Kind): Input[] {
  const own: Input[] =
    kind === 'citizen'
      ? [
          { name: 'fullName', label: t('account.fullName'), autoComplete: 'name' },
          {
            name: 'citizenId',
            label: t('account.citizenId'),
            check: 'citizen-id',
            hint: t('account.citizenIdHint'),
          },
          {
            name: 'dateOfBirth',
            label: t('account.dateOfBirth'),
            type: 'date',
            autoComplete: 'bday',
          },
        ]
      : [
          {
            name: 'organisationName',
            label: t('account.organisationName'),
            autoComplete: 'organization',
          },
          {
            name: 'taxCode',
            label: t('account.taxCode'),
            check: 'tax-code',
            hint: t('account.taxCodeHint'),
          },
          { name: 'representative', label: t('account.representative'), autoComplete: 'name' },
        ];
  return [
    ...own,
    {
      name: 'phone',
      label: t('account.phone'),
      check: 'vn-phone',
      type: 'tel',
      autoComplete: 'tel',
    },
    {
      name: 'email',
      label: t('account.email'),
      check: 'email',
      type: 'email',
      autoComplete: 'email',
    },
    { name: 'address', label: t('account.address'), autoComplete: 'street-address' },
  ];
}

export default function RegisterPage() {
  useLocale();
  const [, navigate] = useLocation();
  const [kind, setKind] = useState<Kind>('citizen');
  const [values, setValues] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const inputs = inputsFor(kind);
  const value = (name: string) => values[name] ?? '';
  const set = (name: string) => (next: string) => setValues({ ...values, [name]: next });

  // Checked as the person types once they have tried to send, in their language.
  const problems = new Map<string, string>();
  if (attempted) {
    for (const input of inputs) {
      const found = problem(input.label, value(input.name), input.check);
      if (found) problems.set(input.name, found);
    }
    if (value('password').length < MIN_PASSWORD)
      problems.set('password', t('account.tooShort', { min: MIN_PASSWORD }));
    else if (value('password') !== value('passwordAgain'))
      problems.set('passwordAgain', t('account.mismatch'));
  }
  const server = fieldErrors(error);
  const errorOf = (name: string) => problems.get(name) ?? server.get(`/${name}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const body: Record<string, string> = { kind, password: value('password'), locale: getLocale() };
    for (const input of inputs) body[input.name] = value(input.name).trim();
    const invalid =
      inputs.some((input) => problem(input.label, body[input.name] ?? '', input.check)) ||
      body.password!.length < MIN_PASSWORD ||
      body.password !== value('passwordAgain');
    if (invalid) return;
    setBusy(true);
    try {
      await api.post('/auth/register', body);
      navigate(`/verify-email?email=${encodeURIComponent(body.email!)}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <ErrorMessage error={error} />
      {problems.size > 0 && (
        <div className="alert alert-error" role="alert">
          <ul>
            {[...problems.values()].map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <form className="card narrow" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="field choices">
          <legend>{t('register.kind')}</legend>
          {(['citizen', 'organisation'] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              <span>{t(`register.kind.${option}`)}</span>
            </label>
          ))}
        </fieldset>
        {inputs.map((input) => (
          <TextField
            key={`${kind}-${input.name}`}
            label={input.label}
            hint={input.hint}
            type={input.type}
            autoComplete={input.autoComplete}
            value={value(input.name)}
            onChange={set(input.name)}
            error={errorOf(input.name)}
          />
        ))}
        <TextField
          label={t('account.password')}
          hint={t('account.passwordHint', { min: MIN_PASSWORD })}
          type="password"
          autoComplete="new-password"
          value={value('password')}
          onChange={set('password')}
          error={errorOf('password')}
        />
        <TextField
          label={t('account.passwordAgain')}
          type="password"
          autoComplete="new-password"
          value={value('passwordAgain')}
          onChange={set('passwordAgain')}
          error={problems.get('passwordAgain')}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('register.submit')}
          </button>
        </div>
        <p>
          <Link href="/login">{t('register.haveAccount')}</Link>
        </p>
      </form>
    </>
  );
}
