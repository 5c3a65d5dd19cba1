/**
 * Turning reminders on and off on this phone, with the browser's Push API. Everything that can
 * be missing is checked first (an old browser, a private window, a headless test browser, an
 * iPhone app not yet added to the home screen): the answer is a reason the page can explain
 * kindly, never an exception.
 */
import {
  fetchPushPublicKey,
  savePushSubscription,
  deletePushSubscription,
} from './settings-api.js';

export type PushStatus =
  /** This browser has no Web Push, or the app's service worker is not running here. */
  | 'unsupported'
  /** The person (or the browser's settings) said no to notifications. */
  | 'denied'
  /** Supported, not asked yet or not subscribed on this phone. */
  | 'off'
  /** This phone receives reminders. */
  | 'on';

function pushApi(): { readonly serviceWorker: ServiceWorkerContainer } | null {
  if (typeof navigator === 'undefined' || typeof window === 'undefined') return null;
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return null;
  if (!('Notification' in window)) return null;
  return { serviceWorker: navigator.serviceWorker };
}

/** The app's service worker registration, if there is one (never waits for one to appear). */
async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  const push = pushApi();
  if (push === null) return undefined;
  try {
    const found = await push.serviceWorker.getRegistration();
    return found?.active === null ? undefined : found;
  } catch {
    return undefined;
  }
}

export async function pushStatus(): Promise<PushStatus> {
  const found = await registration();
  if (found === undefined) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  try {
    const subscription = await found.pushManager.getSubscription();
    return subscription === null ? 'off' : 'on';
  } catch {
    return 'unsupported';
  }
}

/** The VAPID public key (URL-safe base64) as the bytes `subscribe` takes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/gu, '+').replace(/_/gu, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * Asks for permission (call it from a tap: browsers ask only then), subscribes this phone and
 * tells the server. Resolves to what happened.
 */
export async function turnOnPush(): Promise<PushStatus> {
  const found = await registration();
  if (found === undefined) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
  const { publicKey } = await fetchPushPublicKey();
  const subscription =
    (await found.pushManager.getSubscription()) ??
    (await found.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    }));
  await savePushSubscription(subscription.toJSON());
  return 'on';
}

/** Stops reminders on this phone: the server forgets it, and the browser unsubscribes. */
export async function turnOffPush(): Promise<PushStatus> {
  const found = await registration();
  const subscription = await found?.pushManager.getSubscription();
  if (subscription !== null && subscription !== undefined) {
    await deletePushSubscription(subscription.endpoint);
    await subscription.unsubscribe();
  }
  return found === undefined ? 'unsupported' : 'off';
}
