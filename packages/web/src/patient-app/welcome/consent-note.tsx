/**
 * The consent and privacy note a patient reads and accepts before their app is set up (issue 6
 * §1). Plain words, short, our own. Its version id goes to the server with the acceptance, so
 * the clinic knows exactly which wording the patient agreed to: change the words → change the
 * version here and in the server's `CONSENT_VERSIONS` (packages/server/src/http/patients/consent.ts).
 */
import './welcome.css';

export const CONSENT_VERSION = '2026-11';

export function ConsentNote({ headingId }: { readonly headingId: string }) {
  return (
    <section className="consent-note" aria-labelledby={headingId}>
      <h2 id={headingId}>Your information and your privacy</h2>
      <p>Please read this before you start. It is short.</p>
      <h3>What the app keeps</h3>
      <ul>
        <li>Your answers to questions, like how much pain you have.</li>
        <li>What you log about your exercises, and any notes you write.</li>
      </ul>
      <p>
        All of this is kept in your clinic’s own database. It is not sold or shared with anyone
        else.
      </p>
      <h3>Who can see it</h3>
      <p>The team at your clinic who look after you. They use it to plan your care.</p>
      <h3>The camera</h3>
      <p>
        If the app later offers a camera coach to help with your exercises, it will work on your
        phone only. Pictures of you will not be sent anywhere.
      </p>
      <h3>You are in charge</h3>
      <p>
        You can ask your clinic for a copy of your information at any time, or ask them to delete
        it.
      </p>
      <p className="consent-version">Version {CONSENT_VERSION}</p>
    </section>
  );
}
