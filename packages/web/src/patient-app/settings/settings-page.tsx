/**
 * `/app/settings`: reminders and the calendar (issue 6 §7, decision 010).
 *
 * Reminders: the patient picks a time (or none) on their phone's clock; the server sends at most
 * one reminder a day, and none once something is logged that day. The time is saved even when
 * this phone cannot show notifications (an old browser, notifications turned off): the page
 * says so kindly, and reminders start on any phone where they are turned on later.
 *
 * Calendar: a secret subscription link, shown once, that a calendar app keeps up to date; or a
 * one-off file to download.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { isApiError } from '../../api/client.js';
import { Button, buttonClass } from '../../ui/button.js';
import {
  Form,
  RadioGroup,
  TextField,
  formErrorsFrom,
  formText,
  noErrors,
  type FormErrors,
} from '../../ui/form.js';
import { ErrorState, LoadingState } from '../../ui/states.js';
import { ConsentNote } from '../welcome/consent-note.js';
import { pushStatus, turnOffPush, turnOnPush, type PushStatus } from './push-client.js';
import {
  CALENDAR_DOWNLOAD_PATH,
  createCalendarLink,
  deleteCalendarLink,
  fetchReminderSettings,
  phoneTimeZone,
  reminderSettingsQueryKey,
  saveReminderSettings,
  type ReminderSettings,
} from './settings-api.js';
import './settings.css';

const DEFAULT_TIME = '18:00';

const pushWords: Readonly<Record<PushStatus, string>> = {
  on: 'Reminders are turned on for this phone.',
  off: 'Your time is saved, but this phone is not set up to show reminders yet. To get them here, tap Save reminders and choose Allow when your phone asks.',
  denied:
    'This phone is set to block notifications from Spinewise, so it cannot show reminders. Your time is saved. To get reminders, allow notifications for this app in your phone’s settings, then come back here.',
  unsupported:
    'This phone or browser cannot show reminders from Spinewise. That is all right: your time is saved, and reminders will start if you turn them on later, here or on another phone.',
};

function usePushStatus() {
  const [status, setStatus] = useState<PushStatus | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void pushStatus().then((found) => {
      if (live) setStatus(found);
    });
    return () => {
      live = false;
    };
  }, []);
  return [status, setStatus] as const;
}

function RemindersPanel({ settings }: { readonly settings: ReminderSettings }) {
  const client = useQueryClient();
  const zone = phoneTimeZone();
  const [remind, setRemind] = useState(settings.times.length > 0 ? 'yes' : 'no');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [push, setPush] = usePushStatus();
  const headingId = useId();

  const save = async (data: FormData) => {
    const time = formText(data, 'time');
    if (remind === 'yes' && !/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/u.test(time)) {
      setErrors({ fields: { time: 'Choose a time, like 18:00.' } });
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    setSaved(undefined);
    try {
      const times = remind === 'yes' ? [time] : [];
      const updated = await saveReminderSettings({ times, timeZone: zone });
      client.setQueryData(reminderSettingsQueryKey, updated);
      if (times.length === 0) {
        setSaved('Saved. You will not get reminders.');
      } else {
        // The tap on Save lets the browser ask for permission.
        let status: PushStatus;
        try {
          status = push === 'on' ? 'on' : await turnOnPush();
        } catch {
          status = 'unsupported';
        }
        setPush(status);
        setSaved(`Saved. Your reminder time is ${time}.`);
      }
    } catch (error) {
      setErrors(formErrorsFrom(error, { times: 'Reminder time', timeZone: 'Time zone' }));
    } finally {
      setBusy(false);
    }
  };

  const stopOnThisPhone = async () => {
    try {
      setPush(await turnOffPush());
    } catch (error) {
      setErrors(formErrorsFrom(error, {}));
    }
  };

  return (
    <section className="panel settings-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Reminders</h2>
      <p>
        We can remind you to do your exercises. You get{' '}
        <strong>no more than one reminder a day</strong>, and none if you have already logged
        something that day.
      </p>
      <Form
        errors={errors}
        onSubmit={(data) => void save(data)}
        summaryTitle="Something needs changing"
      >
        <RadioGroup
          name="remind"
          legend="Would you like a reminder?"
          value={remind}
          onChange={setRemind}
          options={[
            { value: 'no', label: 'No reminders' },
            { value: 'yes', label: 'Yes, once a day' },
          ]}
        />
        {remind === 'yes' ? (
          <TextField
            name="time"
            type="time"
            label="Remind me at"
            hint={`On your phone’s clock (${zone}).`}
            defaultValue={settings.times[0] ?? DEFAULT_TIME}
            width="short"
          />
        ) : null}
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel="Saving…">
            Save reminders
          </Button>
        </div>
      </Form>
      <div role="status" className="settings-status">
        {saved === undefined ? null : <p className="notice notice--success">{saved}</p>}
        {settings.times.length > 0 && push !== undefined ? (
          <p className={`notice ${push === 'on' ? 'notice--success' : 'notice--info'}`}>
            {pushWords[push]}
          </p>
        ) : null}
      </div>
      {push === 'on' ? (
        <Button variant="secondary" onClick={() => void stopOnThisPhone()}>
          Stop reminders on this phone
        </Button>
      ) : null}
    </section>
  );
}

function CalendarPanel({ settings }: { readonly settings: ReminderSettings }) {
  const client = useQueryClient();
  const [link, setLink] = useState<string | undefined>(undefined);
  const [live, setLive] = useState(settings.calendarLink);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [copied, setCopied] = useState(false);
  const headingId = useId();
  const linkId = useId();

  const make = async () => {
    setBusy(true);
    setError(undefined);
    setCopied(false);
    try {
      const { path } = await createCalendarLink(phoneTimeZone());
      setLink(`${window.location.origin}${path}`);
      setLive(true);
      void client.invalidateQueries({ queryKey: reminderSettingsQueryKey });
    } catch (caught) {
      setError(formErrorsFrom(caught, {}).form ?? 'The link could not be made. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await deleteCalendarLink();
      setLink(undefined);
      setLive(false);
      void client.invalidateQueries({ queryKey: reminderSettingsQueryKey });
    } catch (caught) {
      setError(formErrorsFrom(caught, {}).form ?? 'The link could not be turned off.');
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (link === undefined) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard here: the link is selected for the person to copy.
      (document.getElementById(linkId) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section className="panel settings-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Add to my calendar</h2>
      <p>
        Put your exercise days in your phone’s calendar. Each one says “Spinewise exercises” and
        nothing about your health.
      </p>
      {link === undefined ? null : (
        <div className="settings-link">
          <label htmlFor={linkId} className="field-label">
            Your calendar link
          </label>
          <p className="field-hint">
            We show it only now. Keep it private: anyone with it can see your exercise days.
          </p>
          <input id={linkId} className="input" readOnly value={link} />
          <div className="settings-actions">
            <a className={buttonClass('primary')} href={link.replace(/^https?:/u, 'webcal:')}>
              Open in my calendar app
            </a>
            <Button variant="secondary" onClick={() => void copy()}>
              Copy the link
            </Button>
          </div>
          <p role="status">{copied ? 'Copied.' : ''}</p>
        </div>
      )}
      {error === undefined ? null : (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="settings-actions">
        <Button busy={busy} busyLabel="Working…" onClick={() => void make()}>
          {live ? 'Make a new calendar link' : 'Make a calendar link'}
        </Button>
        {live ? (
          <Button variant="secondary" busy={busy} onClick={() => void revoke()}>
            Turn off the calendar link
          </Button>
        ) : null}
      </div>
      {live && link === undefined ? (
        <p className="field-hint">A calendar link is on. A new one stops the old one working.</p>
      ) : null}
      <p>
        Or{' '}
        <a href={CALENDAR_DOWNLOAD_PATH} download="spinewise-exercises.ics">
          download a calendar file
        </a>{' '}
        to add once. It will not change if your programme does.
      </p>
    </section>
  );
}

export function SettingsPage() {
  const settings = useQuery({
    queryKey: reminderSettingsQueryKey,
    queryFn: ({ signal }) => fetchReminderSettings(signal),
  });
  const privacyId = useId();
  return (
    <>
      <title>Settings · Spinewise</title>
      <header className="page-header">
        <h1 className="page-title" tabIndex={-1}>
          Settings
        </h1>
      </header>
      {settings.isPending ? (
        <LoadingState label="Loading your settings" />
      ) : settings.isError ? (
        <ErrorState
          error={settings.error}
          title={
            isApiError(settings.error, 0)
              ? 'Settings need a connection'
              : 'Your settings could not be loaded'
          }
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <>
          <RemindersPanel settings={settings.data} />
          <CalendarPanel settings={settings.data} />
        </>
      )}
      <details className="panel settings-privacy">
        <summary>Your information and your privacy</summary>
        <ConsentNote headingId={privacyId} />
      </details>
    </>
  );
}
