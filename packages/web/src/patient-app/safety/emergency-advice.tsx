/**
 * The advice for a red-flag symptom, shown the moment the patient chooses it — before anything
 * is sent — prominent, announced (`role="alert"`) and focused so a screen reader reads it at
 * once. It says what to do now in plain words and that the message to the physio is on its way
 * (or waits for a connection, which they must not wait for).
 */
import { useEffect, useRef } from 'react';
import type { Advice } from './symptoms.js';
import './safety.css';

export interface EmergencyAdviceProps {
  readonly advice: Advice;
  /** Whether the phone has a connection now. */
  readonly online: boolean;
  /** The message to the clinician's state, e.g. a `<SyncStatus>`; shown under the advice. */
  readonly status?: React.ReactNode;
}

export function EmergencyAdvice({ advice, online, status }: EmergencyAdviceProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [advice.text]);
  const emergency = advice.severity === 'emergency';
  return (
    <div
      ref={box}
      className={`emergency-advice emergency-advice--${advice.severity}`}
      role="alert"
      tabIndex={-1}
      aria-labelledby="emergency-advice-title"
    >
      <h2 id="emergency-advice-title" className="emergency-advice-title">
        <span aria-hidden="true" className="emergency-advice-icon">
          !
        </span>
        {emergency ? 'Get help now' : 'Stop and get advice today'}
      </h2>
      <p className="emergency-advice-text">{advice.text}</p>
      <p className="emergency-advice-physio">
        {online
          ? 'We are letting your physio know what you told us.'
          : 'You are offline. Your message to your physio will be sent when your phone is back online. Do not wait for it: do what it says above now.'}
      </p>
      {status}
    </div>
  );
}
