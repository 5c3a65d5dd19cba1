/**
 * Where a patient lands from their invitation (`/join?code=…`): they choose a six-digit PIN or a
 * password, then read and accept the consent and privacy note, and are signed in to their
 * programme app, which opens on a short welcome. Written for someone who may be in pain, on a
 * phone, and new to the app: one step at a time, plain words, no jargon.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { redeemInvitation } from '../patients/patients-api.js';
import { CONSENT_VERSION, ConsentNote } from '../patient-app/welcome/consent-note.js';
import { useSetSession } from '../session/session.js';
import { Button } from '../ui/button.js';
import {
  Form,
  RadioGroup,
  TextField,
  formErrorsFrom,
  formText,
  hasErrors,
  noErrors,
  type FormErrors,
} from '../ui/form.js';

type Kind = 'pin' | 'password';

const labels = { code: 'Invitation code', secret: 'Your new PIN or password' } as const;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters as a person counts them (an emoji is one), as the server counts them. */
function characterCount(text: string): number {
  return Array.from(graphemes.segment(text)).length;
}

/** The form's own checks, matching the server's rules, so most mistakes are caught at once. */
export function checkRedemption(input: {
  code: string;
  kind: Kind;
  secret: string;
  confirm: string;
}): FormErrors {
  const fields: Record<string, string> = {};
  if (input.code === '') fields.code = 'Enter the code from your invitation.';
  if (input.kind === 'pin') {
    if (!/^[0-9]{6}$/u.test(input.secret)) fields.secret = 'Your PIN needs to be exactly 6 digits.';
  } else if (characterCount(input.secret) < 10) {
    fields.secret = 'Your password needs at least 10 characters.';
  }
  if (fields.secret === undefined && input.confirm !== input.secret) {
    fields.confirm =
      input.kind === 'pin'
        ? 'The two PINs are not the same.'
        : 'The two passwords are not the same.';
  }
  return { fields };
}

function redeemErrors(error: unknown): FormErrors {
  if (error instanceof ApiError && error.status === 429) {
    return {
      form: 'There have been too many tries from this device. Please wait a minute, then try again.',
      fields: {},
    };
  }
  if (error instanceof ApiError) {
    const fields = error.fieldErrors();
    if (fields.code !== undefined) {
      return {
        fields: {
          code: 'This code cannot be used. It may have expired or been used already. Please ask your clinician for a new one.',
        },
      };
    }
  }
  return formErrorsFrom(error, labels);
}

type Step = 'details' | 'consent';

interface Details {
  readonly code: string;
  readonly kind: Kind;
  readonly secret: string;
  readonly confirm: string;
}

const CONSENT_NEEDED = 'Tick the box to say you agree, so we can set up your app.';

/** Errors that belong to the first step (the code, the PIN or password). */
function isDetailsError(errors: FormErrors): boolean {
  return Object.keys(errors.fields).some((field) => field === 'code' || field === 'secret');
}

export function JoinPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [step, setStep] = useState<Step>('details');
  const [details, setDetails] = useState<Details>({
    code: params.get('code') ?? '',
    kind: 'pin',
    secret: '',
    confirm: '',
  });
  const [kind, setKind] = useState<Kind>('pin');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Each step is a new screen: its heading takes focus, so a screen reader starts there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const next = (data: FormData) => {
    const input = {
      code: formText(data, 'code'),
      kind,
      secret: formText(data, 'secret', false),
      confirm: formText(data, 'confirm', false),
    };
    setDetails(input);
    const checked = checkRedemption(input);
    if (hasErrors(checked)) {
      setErrors(checked);
      return;
    }
    setErrors(noErrors);
    setStep('consent');
  };

  const redeem = async () => {
    if (!agreed) {
      setErrors({ form: CONSENT_NEEDED, fields: {} });
      return;
    }
    setBusy(true);
    try {
      const { user } = await redeemInvitation({
        code: details.code,
        secret: details.secret,
        kind: details.kind,
        consent: { accepted: true, version: CONSENT_VERSION },
      });
      setSession(user);
      void navigate('/app/welcome', { replace: true });
    } catch (error) {
      const found = redeemErrors(error);
      setBusy(false);
      // A code or PIN the server refused is fixed on the first step, shown beside its field.
      if (isDetailsError(found)) setStep('details');
      setErrors(found);
    }
  };

  if (step === 'consent') {
    return (
      <div className="auth-card join-card">
        <title>Your privacy · Spinewise</title>
        <p className="join-step">Step 2 of 2</p>
        <h1 ref={heading} tabIndex={-1}>
          Before you start
        </h1>
        <Form
          errors={errors}
          onSubmit={() => void redeem()}
          summaryTitle="Something needs changing"
        >
          <ConsentNote headingId="consent-heading" />
          <div
            className={['field', errors.form === CONSENT_NEEDED ? 'field--error' : ''].join(' ')}
          >
            {errors.form === CONSENT_NEEDED ? (
              <p id="consent-error" className="field-error">
                <span className="visually-hidden">Error: </span>
                {CONSENT_NEEDED}
              </p>
            ) : null}
            <div className="checkbox join-agree">
              <input
                type="checkbox"
                id="consent-accept"
                name="consent"
                checked={agreed}
                onChange={(event) => {
                  setAgreed(event.currentTarget.checked);
                }}
                aria-describedby={errors.form === CONSENT_NEEDED ? 'consent-error' : undefined}
              />
              <label htmlFor="consent-accept">I have read this and I agree</label>
            </div>
          </div>
          <div className="form-actions">
            <Button type="submit" busy={busy} busyLabel="Setting up…">
              Set up my app
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setErrors(noErrors);
                setStep('details');
              }}
            >
              Back
            </Button>
          </div>
        </Form>
      </div>
    );
  }

  const pin = kind === 'pin';
  return (
    <div className="auth-card join-card">
      <title>Set up your app · Spinewise</title>
      <p className="join-step">Step 1 of 2</p>
      <h1 ref={heading} tabIndex={-1}>
        Set up your programme app
      </h1>
      <p className="page-lead">
        Your clinician has invited you. Choose how you would like to sign in; it takes a minute.
      </p>
      <Form errors={errors} onSubmit={next} summaryTitle="Something needs changing">
        <TextField
          name="code"
          label="Invitation code"
          hint="It is on the invitation from your clinician, like ABCD-2345."
          defaultValue={details.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          width="medium"
        />
        <RadioGroup
          name="kind"
          legend="How would you like to sign in?"
          value={kind}
          onChange={(value) => {
            setKind(value === 'password' ? 'password' : 'pin');
          }}
          options={[
            { value: 'pin', label: 'With a 6-digit PIN', hint: 'Quick to type on a phone.' },
            { value: 'password', label: 'With a password', hint: 'At least 10 characters.' },
          ]}
        />
        <TextField
          key={`secret-${kind}`}
          name="secret"
          type="password"
          label={pin ? 'Choose a PIN' : 'Choose a password'}
          hint={
            pin
              ? '6 digits. Avoid a run like 123456 or one digit repeated.'
              : 'At least 10 characters. A few words you will remember work well.'
          }
          autoComplete="new-password"
          defaultValue={details.kind === kind ? details.secret : ''}
          {...(pin ? { inputMode: 'numeric' as const, maxLength: 6, width: 'short' as const } : {})}
        />
        <TextField
          key={`confirm-${kind}`}
          name="confirm"
          type="password"
          label={pin ? 'Type the PIN again' : 'Type the password again'}
          autoComplete="new-password"
          defaultValue={details.kind === kind ? details.confirm : ''}
          {...(pin ? { inputMode: 'numeric' as const, maxLength: 6, width: 'short' as const } : {})}
        />
        <div className="form-actions">
          <Button type="submit">Continue</Button>
        </div>
      </Form>
    </div>
  );
}
