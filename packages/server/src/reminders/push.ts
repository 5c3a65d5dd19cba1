/**
 * Web Push for reminders (decision 010): the server's VAPID key pair, generated once and kept in
 * `server_settings`, and the sender that encrypts a message to a browser's push subscription.
 * The scheduler takes any `PushSender`; tests pass a fake one.
 */
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Database } from '../database/client.js';
import { serverSettings } from '../database/schema.js';

/** A browser's push subscription, as `PushSubscription.toJSON()` gives it. */
export interface PushTarget {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

export type PushResult =
  | { readonly ok: true }
  /** `gone`: the push service says the subscription no longer exists (404 or 410). */
  | { readonly ok: false; readonly gone: boolean };

export interface PushSender {
  send(target: PushTarget, payload: string): Promise<PushResult>;
}

/**
 * What every reminder says: nothing about the patient's health or programme, since the text
 * passes through the phone maker's push service and shows on a locked screen.
 */
export const REMINDER_PAYLOAD = JSON.stringify({
  title: 'Spinewise',
  body: 'Time for your exercises',
  url: '/app',
  tag: 'spinewise-reminder',
});

/** The `server_settings` key of the VAPID key pair. */
export const VAPID_SETTING = 'webPushVapidKeys';

export interface VapidKeys {
  /** URL-safe base64, as browsers take it for `applicationServerKey`. */
  readonly publicKey: string;
  readonly privateKey: string;
}

function isVapidKeys(value: unknown): value is VapidKeys {
  if (typeof value !== 'object' || value === null) return false;
  const keys = value as Record<string, unknown>;
  return typeof keys.publicKey === 'string' && typeof keys.privateKey === 'string';
}

/**
 * The server's VAPID key pair, made on first use. Two servers starting together both insert;
 * the first insert wins and both read it back, so every subscription is made to one key.
 */
export async function vapidKeys(db: Database): Promise<VapidKeys> {
  const read = async () => {
    const [row] = await db
      .select({ value: serverSettings.value })
      .from(serverSettings)
      .where(eq(serverSettings.key, VAPID_SETTING));
    return row?.value;
  };
  const stored = await read();
  if (isVapidKeys(stored)) return stored;
  const fresh = webpush.generateVAPIDKeys();
  await db
    .insert(serverSettings)
    .values({
      key: VAPID_SETTING,
      value: { publicKey: fresh.publicKey, privateKey: fresh.privateKey },
    })
    .onConflictDoNothing();
  const kept = await read();
  if (!isVapidKeys(kept)) throw new Error(`server_settings.${VAPID_SETTING} is not a key pair`);
  return kept;
}

/** How long a push service keeps an undelivered reminder: after 12 hours it is stale. */
const REMINDER_TTL_SECONDS = 12 * 3600;

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Sends with the `web-push` library, signed with the server's VAPID keys. `subject` is the
 * contact push services may use about our traffic (`mailto:` or `https:`), from
 * `SPINEWISE_VAPID_SUBJECT`.
 */
export function webPushSender(db: Database, subject: string): PushSender {
  let keys: Promise<VapidKeys> | undefined;
  return {
    async send(target, payload) {
      keys ??= vapidKeys(db);
      const { publicKey, privateKey } = await keys;
      try {
        await webpush.sendNotification(
          {
            endpoint: target.endpoint,
            keys: { p256dh: target.keys.p256dh, auth: target.keys.auth },
          },
          payload,
          { vapidDetails: { subject, publicKey, privateKey }, TTL: REMINDER_TTL_SECONDS },
        );
        return { ok: true };
      } catch (error) {
        const status = statusOf(error);
        return { ok: false, gone: status === 404 || status === 410 };
      }
    },
  };
}
