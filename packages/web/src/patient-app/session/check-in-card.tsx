/**
 * The next-morning check-in: the morning after a logged session, pain and stiffness 0–10 with
 * large buttons, sent through the outbox. Whether pain has settled by the next morning is what
 * the progression rules read [S-PMM].
 */
import { useState } from 'react';
import { Button } from '../../ui/button.js';
import { Form, noErrors, type FormErrors } from '../../ui/form.js';
import { enqueue, SyncStatus, type OutboxEntry } from '../offline/outbox.js';
import { CHECK_INS_URL, type CheckInBody } from '../today-api.js';
import { PainScale } from './pain-scale.js';

/** The check-ins for `sessionOn` on this phone (not refused). */
export function checkInsOnPhone(entries: readonly OutboxEntry[], sessionOn: string): OutboxEntry[] {
  return entries.filter(
    (entry) =>
      entry.kind === 'checkIn' &&
      entry.state !== 'failed' &&
      (entry.body as Partial<CheckInBody> | null)?.sessionOn === sessionOn,
  );
}

export function CheckInCard({
  sessionOn,
  sent,
}: {
  /** The day of the session the check-in is about (yesterday). */
  readonly sessionOn: string;
  /** The check-in already made on this phone, if any. */
  readonly sent?: OutboxEntry;
}) {
  const [pain, setPain] = useState<number | undefined>(undefined);
  const [stiffness, setStiffness] = useState<number | undefined>(undefined);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  if (sent !== undefined) {
    return (
      <section className="panel check-in-card" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">Morning check-in</h2>
        <p>Thank you. Your physio will see how you were this morning.</p>
        <SyncStatus entryKey={sent.key} />
      </section>
    );
  }

  const submit = () => {
    const fields: Record<string, string> = {};
    if (pain === undefined) fields.pain = 'Choose your pain this morning, from 0 to 10.';
    if (stiffness === undefined)
      fields.stiffness = 'Choose your stiffness this morning, from 0 to 10.';
    setErrors({ fields });
    if (pain === undefined || stiffness === undefined) return;
    setBusy(true);
    const body: CheckInBody = { sessionOn, pain, stiffness };
    enqueue('checkIn', CHECK_INS_URL, body)
      .catch(() => {
        setErrors({
          form: 'This phone could not save your check-in. Please try again.',
          fields: {},
        });
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <section className="panel check-in-card" aria-labelledby="check-in-heading">
      <h2 id="check-in-heading">Good morning. How are you after yesterday?</h2>
      <p>Two quick taps help your physio see whether your body settled overnight.</p>
      <Form errors={errors} onSubmit={submit} summaryTitle="Please check your answers">
        <PainScale name="pain" legend="Pain this morning" value={pain} onChange={setPain} />
        <PainScale
          name="stiffness"
          legend="Stiffness this morning"
          hint="0 is not stiff at all, 10 is as stiff as you can imagine."
          value={stiffness}
          onChange={setStiffness}
          withWords={false}
        />
        <Button type="submit" busy={busy} busyLabel="Saving…">
          Send my check-in
        </Button>
      </Form>
    </section>
  );
}
