/**
 * Log-in for clinicians and administrators. Wrong details get one message whichever was wrong
 * (the server does not say either); after too many tries the account rests for a while, and
 * the page says for how long.
 */
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { Button } from '../ui/button.js';
import {
  Form,
  TextField,
  formErrorsFrom,
  formText,
  hasErrors,
  noErrors,
  type FormErrors,
} from '../ui/form.js';
import { LoadingState } from '../ui/states.js';
import { useSession, useSetSession } from './session.js';
import { homeFor, logIn, type SessionEnd } from './session-api.js';

const labels = { email: 'Email address', password: 'Password' } as const;

/** A `next` address to return to after log-in: only a path of this app, never another site. */
export function safeNext(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  return next.startsWith('/login') ? null : next;
}

/** "in about 15 minutes", "in a minute": how long until signing in may work again. */
export function waitInWords(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 60) return 'in a minute';
  const minutes = Math.ceil(seconds / 60);
  return `in about ${minutes} minutes`;
}

function logInErrors(error: unknown): FormErrors {
  if (error instanceof ApiError) {
    if (error.status === 401) {
      return {
        form: 'The email address or password is not right. Check them and try again.',
        fields: {},
      };
    }
    if (error.status === 429) {
      return {
        form: `Too many attempts to sign in. For your account’s safety, signing in is paused for now. Please try again ${waitInWords(error.problem.retryAfter)}.`,
        fields: {},
      };
    }
    if (error.status === 403) {
      return {
        form: 'This account is turned off. Please ask your clinic’s administrator.',
        fields: {},
      };
    }
  }
  return formErrorsFrom(error, labels);
}

export function LoginPage() {
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const end = (location.state as { end?: SessionEnd } | null)?.end;

  if (session.isPending) return <LoadingState label="Opening Spinewise" />;
  if (session.data !== undefined && session.data !== null && !busy) {
    return <Navigate to={next ?? homeFor(session.data)} replace />;
  }

  const submit = async (data: FormData) => {
    const email = formText(data, 'email');
    const password = formText(data, 'password', false);
    const fields: Record<string, string> = {};
    if (email === '') fields.email = 'Enter your email address.';
    if (password === '') fields.password = 'Enter your password.';
    if (Object.keys(fields).length > 0) {
      setErrors({ fields });
      return;
    }
    setBusy(true);
    try {
      const { user } = await logIn({ email, password });
      setSession(user);
      void navigate(next ?? homeFor(user), { replace: true });
    } catch (error) {
      setErrors(logInErrors(error));
      setBusy(false);
    }
  };

  return (
    <div className="auth-card">
      <title>Sign in · Spinewise</title>
      <h1 tabIndex={-1}>Sign in</h1>
      <p className="page-lead">For clinicians and clinic staff.</p>
      {end === undefined || hasErrors(errors) ? null : end === 'signedOut' ? (
        <p className="notice notice--success" role="status">
          You have signed out.
        </p>
      ) : (
        <p className="notice notice--info" role="status">
          Your session has ended, so you have been signed out. Sign in again to carry on where you
          were.
        </p>
      )}
      <Form
        errors={errors}
        onSubmit={(data) => void submit(data)}
        summaryTitle="You could not be signed in"
      >
        <TextField
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          spellCheck={false}
        />
        <TextField
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
        />
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel="Signing in…">
            Sign in
          </Button>
        </div>
      </Form>
      <p className="auth-foot">
        Are you a patient? Use the link or QR code your clinician gave you to set up your app.
      </p>
    </div>
  );
}
