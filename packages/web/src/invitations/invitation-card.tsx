/**
 * A new invitation, shown once: the code, the full link and a QR code for the patient to scan
 * with their phone, and when it stops working. The server keeps only the code's hash, so this
 * is the only time anyone can see it; a new invitation replaces it if it is lost.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoment } from '../format/dates.js';
import type { Invitation } from '../patients/patients-api.js';
import { Button } from '../ui/button.js';
import { qrCodeDataUrl } from './qr-code.js';

/** The link as the patient's phone opens it: this server's address and the invitation's path. */
export function invitationUrl(
  invitation: Invitation,
  origin: string = window.location.origin,
): string {
  return new URL(invitation.link, origin).toString();
}

export function InvitationCard({
  invitation,
  patientName,
}: {
  readonly invitation: Invitation;
  readonly patientName: string;
}) {
  const url = invitationUrl(invitation);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const qr = useQuery({
    queryKey: ['qr-code', url],
    queryFn: () => qrCodeDataUrl(url),
    staleTime: Infinity,
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="invitation" aria-labelledby="invitation-heading">
      <h3 id="invitation-heading">Invitation for {patientName}</h3>
      <p>
        Ask {patientName} to scan the code with their phone&rsquo;s camera, or to open the link and
        enter the code. They then choose a PIN or a password for their programme app.
      </p>
      <div className="invitation-body">
        <div className="invitation-qr">
          {qr.isSuccess ? (
            <img
              src={qr.data}
              width={200}
              height={200}
              alt={`QR code that opens the invitation link for ${patientName}`}
            />
          ) : qr.isError ? (
            <p className="invitation-qr-missing">
              The QR code could not be drawn. The link and code below work just as well.
            </p>
          ) : (
            <p className="invitation-qr-missing" role="status">
              Drawing the QR code…
            </p>
          )}
        </div>
        <dl className="invitation-details">
          <div>
            <dt>One-time code</dt>
            <dd className="invitation-code" data-testid="invitation-code">
              {invitation.code}
            </dd>
          </div>
          <div>
            <dt>Link</dt>
            <dd>
              <span className="invitation-link" data-testid="invitation-link">
                {url}
              </span>
            </dd>
          </div>
          <div>
            <dt>Works until</dt>
            <dd>{formatMoment(invitation.expiresAt)}</dd>
          </div>
        </dl>
      </div>
      <div className="invitation-actions no-print">
        <Button
          variant="secondary"
          onClick={() => {
            void copy();
          }}
        >
          Copy link
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            window.print();
          }}
        >
          Print for the patient
        </Button>
        <span role="status" className="invitation-copied">
          {copied === 'copied'
            ? 'Link copied.'
            : copied === 'failed'
              ? 'The link could not be copied; select it and copy it by hand.'
              : ''}
        </span>
      </div>
      <p className="invitation-note">
        This is the only time the code is shown. If it is lost, create a new invitation; the old one
        then stops working.
      </p>
    </section>
  );
}
