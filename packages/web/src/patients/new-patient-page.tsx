/**
 * Journey 2, a new patient: their details and episode of care in one form, then an invitation
 * to the programme app with a one-time code, link and QR code. If the patient is saved but the
 * episode is not (a lost connection), trying again saves only the episode: never a duplicate.
 */
import type { Condition, Region } from '@spinewise/clinical';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { localToday } from '../format/dates.js';
import { InvitationCard } from '../invitations/invitation-card.js';
import { Button, ButtonLink } from '../ui/button.js';
import {
  Form,
  RadioGroup,
  SelectField,
  TextField,
  formErrorsFrom,
  formText,
  hasErrors,
  noErrors,
  type FormErrors,
} from '../ui/form.js';
import { PageHeader } from '../ui/page.js';
import { conditionLabels, conditionsFor, regionLabels } from './conditions.js';
import {
  createEpisode,
  createInvitation,
  createPatient,
  type Episode,
  type Invitation,
  type Patient,
} from './patients-api.js';

const labels = {
  displayName: 'Name',
  dateOfBirth: 'Date of birth',
  region: 'Region',
  condition: 'Condition',
  startedOn: 'Episode start date',
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

interface Details {
  readonly displayName: string;
  readonly dateOfBirth: string;
  readonly region: string;
  readonly condition: string;
  readonly startedOn: string;
}

/** The form's own checks, in our words, before anything is sent. */
export function checkDetails(details: Details, today: string): FormErrors {
  const fields: Record<string, string> = {};
  if (details.displayName === '') fields.displayName = 'Enter the patient’s name.';
  else if (details.displayName.length > 200)
    fields.displayName = 'Use at most 200 characters for the name.';
  if (details.dateOfBirth !== '') {
    if (!DAY.test(details.dateOfBirth))
      fields.dateOfBirth = 'Enter the date of birth as a full date.';
    else if (details.dateOfBirth > today)
      fields.dateOfBirth = 'The date of birth cannot be in the future.';
  }
  if (details.region !== 'lumbar' && details.region !== 'cervical') {
    fields.region = 'Choose the region being treated.';
  }
  if (details.condition === '') fields.condition = 'Choose the condition.';
  else if (
    (details.region === 'lumbar' || details.region === 'cervical') &&
    !conditionsFor(details.region).includes(details.condition as Condition)
  ) {
    fields.condition = 'Choose a condition that fits the region.';
  }
  if (!DAY.test(details.startedOn)) fields.startedOn = 'Enter the date the episode started.';
  else if (details.startedOn > today) fields.startedOn = 'The episode cannot start in the future.';
  return { fields };
}

type Step = 'details' | 'invite';

export function NewPatientPage() {
  const client = useQueryClient();
  const today = localToday();
  const [region, setRegion] = useState<Region | ''>('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [episode, setEpisode] = useState<Episode | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [inviteErrors, setInviteErrors] = useState<FormErrors>(noErrors);
  const [inviting, setInviting] = useState(false);
  const step: Step = episode === null ? 'details' : 'invite';
  const savedBirthDate = patient?.dateOfBirth ?? null;
  const inviteHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step === 'invite') inviteHeading.current?.focus();
  }, [step]);

  const save = async (data: FormData) => {
    const details: Details = {
      displayName: patient?.displayName ?? formText(data, 'displayName'),
      dateOfBirth: patient === null ? formText(data, 'dateOfBirth') : (patient.dateOfBirth ?? ''),
      region: formText(data, 'region'),
      condition: formText(data, 'condition'),
      startedOn: formText(data, 'startedOn'),
    };
    const checked = checkDetails(details, today);
    if (hasErrors(checked)) {
      setErrors(checked);
      return;
    }
    setSaving(true);
    try {
      let saved = patient;
      if (saved === null) {
        saved = await createPatient({
          displayName: details.displayName,
          ...(details.dateOfBirth === '' ? {} : { dateOfBirth: details.dateOfBirth }),
        });
        setPatient(saved);
      }
      const started = await createEpisode(saved.id, {
        region: details.region as Region,
        condition: details.condition as Condition,
        startedOn: details.startedOn,
      });
      setErrors(noErrors);
      setEpisode(started);
      void client.invalidateQueries({ queryKey: ['patients'] });
      void client.invalidateQueries({ queryKey: ['caseload'] });
    } catch (error) {
      setErrors(formErrorsFrom(error, labels));
    } finally {
      setSaving(false);
    }
  };

  const invite = async () => {
    if (patient === null) return;
    setInviting(true);
    try {
      setInvitation(await createInvitation(patient.id));
      setInviteErrors(noErrors);
    } catch (error) {
      setInviteErrors(formErrorsFrom(error, {}));
    } finally {
      setInviting(false);
    }
  };

  return (
    <>
      <title>New patient · Spinewise</title>
      <PageHeader
        title="New patient"
        lead="Add the patient and their episode of care, then invite them to the programme app."
        backLink={<Link to="/patients">Back to patients</Link>}
      />
      <ol className="steps" aria-label="Steps">
        <li
          aria-current={step === 'details' ? 'step' : undefined}
          className={step === 'details' ? 'steps-current' : 'steps-done'}
        >
          <span className="visually-hidden">
            {step === 'details' ? 'Current step: ' : 'Done: '}
          </span>
          Patient and episode
        </li>
        <li
          aria-current={step === 'invite' ? 'step' : undefined}
          className={step === 'invite' ? 'steps-current' : ''}
        >
          <span className="visually-hidden">
            {step === 'invite' ? 'Current step: ' : 'Next step: '}
          </span>
          Invite to the app
        </li>
      </ol>

      {step === 'details' ? (
        <section className="panel form-panel" aria-labelledby="details-heading">
          <h2 id="details-heading">Patient and episode of care</h2>
          {patient === null ? null : (
            <p className="notice notice--info">
              {patient.displayName} has been added. Their episode of care is not saved yet: check it
              and save again.
            </p>
          )}
          <Form
            errors={errors}
            onSubmit={(data) => void save(data)}
            aria-labelledby="details-heading"
          >
            <TextField
              name="displayName"
              label="Name"
              hint="As the patient likes to be called; it is shown on their app."
              autoComplete="off"
              maxLength={200}
              readOnly={patient !== null}
              {...(patient === null ? {} : { defaultValue: patient.displayName })}
            />
            <TextField
              name="dateOfBirth"
              type="date"
              label="Date of birth"
              optional
              width="short"
              max={today}
              readOnly={patient !== null}
              {...(savedBirthDate === null ? {} : { defaultValue: savedBirthDate })}
            />
            <RadioGroup
              name="region"
              legend="Region"
              inline
              options={(['lumbar', 'cervical'] as const).map((value) => ({
                value,
                label: regionLabels[value],
              }))}
              value={region}
              onChange={(value) => {
                setRegion(value as Region);
              }}
            />
            <SelectField
              key={region}
              name="condition"
              label="Condition"
              hint={region === '' ? 'Choose the region first.' : undefined}
              placeholder="Choose a condition"
              options={(region === '' ? [] : conditionsFor(region)).map((value) => ({
                value,
                label: conditionLabels[value],
              }))}
            />
            <TextField
              name="startedOn"
              type="date"
              label="Episode start date"
              hint="Usually the day of the first visit."
              width="short"
              max={today}
              defaultValue={today}
            />
            <div className="form-actions">
              <Button type="submit" busy={saving} busyLabel="Saving…">
                {patient === null ? 'Add patient' : 'Save the episode'}
              </Button>
              <ButtonLink to="/caseload" variant="quiet">
                Cancel
              </ButtonLink>
            </div>
          </Form>
        </section>
      ) : (
        <section className="panel form-panel" aria-labelledby="invite-heading">
          <h2 id="invite-heading" ref={inviteHeading} tabIndex={-1}>
            {patient?.displayName} is added
          </h2>
          {invitation === null || patient === null ? (
            <>
              <p>
                Invite {patient?.displayName} to the programme app now, while they are with you, or
                later from their page.
              </p>
              <Form
                errors={inviteErrors}
                onSubmit={() => void invite()}
                summaryTitle="The invitation could not be created"
              >
                <div className="form-actions">
                  <Button type="submit" busy={inviting} busyLabel="Creating the invitation…">
                    Create invitation
                  </Button>
                  {patient === null ? null : (
                    <ButtonLink to={`/patients/${patient.id}`} variant="quiet">
                      Not now, open their page
                    </ButtonLink>
                  )}
                </div>
              </Form>
            </>
          ) : (
            <>
              <InvitationCard invitation={invitation} patientName={patient.displayName} />
              <div className="form-actions no-print">
                <ButtonLink to={`/patients/${patient.id}`}>
                  Open {patient.displayName}&rsquo;s page
                </ButtonLink>
                <ButtonLink to="/caseload" variant="secondary">
                  Back to caseload
                </ButtonLink>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}
