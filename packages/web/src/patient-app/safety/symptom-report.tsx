/**
 * The symptom questions with their advice, any time: before starting a session and from
 * "Something feels wrong". Ticking a red flag shows what to do at once (no network needed);
 * "Tell my physio" then sends a log carrying the symptoms through the outbox, and the server
 * alerts the clinician when it arrives.
 */
import type { LogSymptom } from '@spinewise/clinical';
import { useState } from 'react';
import { Button } from '../../ui/button.js';
import { enqueue, SyncStatus, useOutbox } from '../offline/outbox.js';
import { LOGS_URL, type SessionLogBody } from '../today-api.js';
import { EmergencyAdvice } from './emergency-advice.js';
import { SymptomQuestions } from './symptom-questions.js';
import { adviceFor, spreadingAdvice } from './symptoms.js';

export interface SymptomReportProps {
  readonly legend: string;
  readonly date: string;
  /** An exercise of today's programme for the log to name; nothing can be sent without one. */
  readonly exerciseId?: string;
  readonly painBefore?: number;
  readonly note: string;
}

export function SymptomReport({ legend, date, exerciseId, painBefore, note }: SymptomReportProps) {
  const { online } = useOutbox();
  const [symptoms, setSymptoms] = useState<LogSymptom[]>([]);
  const [sentKey, setSentKey] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const advice = adviceFor(symptoms);

  const send = () => {
    if (exerciseId === undefined) return;
    const body: SessionLogBody = {
      date,
      exerciseId,
      setsDone: 0,
      completed: 'skipped',
      symptoms,
      ...(painBefore === undefined ? {} : { painBefore }),
      note,
    };
    setBusy(true);
    setFailed(false);
    enqueue('log', LOGS_URL, body)
      .then((entry) => {
        setSentKey(entry.key);
      })
      .catch(() => {
        setFailed(true);
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <div className="symptom-report">
      <SymptomQuestions legend={legend} value={symptoms} onChange={setSymptoms} />
      {advice === null ? null : (
        <EmergencyAdvice
          advice={advice}
          online={online}
          {...(sentKey === undefined ? {} : { status: <SyncStatus entryKey={sentKey} /> })}
        />
      )}
      {advice === null && symptoms.includes('peripheralisation') ? (
        <p className="notice">{spreadingAdvice}</p>
      ) : null}
      {symptoms.length === 0 || sentKey !== undefined ? null : exerciseId === undefined ? (
        <p className="notice">
          Your programme is not running today, so this app cannot message your physio. Please phone
          them.
        </p>
      ) : (
        <Button busy={busy} busyLabel="Saving…" onClick={send}>
          Tell my physio
        </Button>
      )}
      {sentKey !== undefined && advice === null ? (
        <p>
          Thank you. Your physio will see this. <SyncStatus entryKey={sentKey} />
        </p>
      ) : null}
      {failed ? (
        <p className="notice notice--error" role="alert">
          This phone could not save your message. Please try again, or phone your physio.
        </p>
      ) : null}
    </div>
  );
}
