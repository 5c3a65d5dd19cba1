/**
 * The service worker (`/sw.js`, built by the `service-worker` plugin in `vite.config.ts`), for
 * the patient app only: it keeps the app on the phone so it opens with no connection. The
 * build marks index.html with `<meta name="spinewise-service-worker" content="/sw.js">`; the
 * dev server has no worker and no mark, so nothing registers there.
 *
 * The first worker takes control at once. A later release waits until the patient chooses to
 * reload ("A new version is ready"), so a page is never swapped under someone mid-session.
 */
import { useEffect, useState } from 'react';

const MARK = 'meta[name="spinewise-service-worker"]';

/** Where the build put the worker, or undefined (dev server, no service workers). */
export function serviceWorkerUrl(): string | undefined {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return undefined;
  const content = document.querySelector<HTMLMetaElement>(MARK)?.content;
  return content === undefined || content === '' ? undefined : content;
}

export interface ServiceWorkerView {
  /** A new release is installed and waits for the patient to reload. */
  readonly updateReady: boolean;
  /** Lets the waiting release take over, then reloads the page once it has. */
  readonly applyUpdate: () => void;
}

export function useServiceWorker(): ServiceWorkerView {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => {
    const url = serviceWorkerUrl();
    if (url === undefined) return;
    let stopped = false;
    const container = navigator.serviceWorker;
    // Only a page already under a worker has an "update": the first install is silent.
    const offer = (worker: ServiceWorker | null) => {
      if (!stopped && worker !== null && container.controller !== null) setWaiting(worker);
    };
    const register = () => {
      container
        .register(url, { scope: '/' })
        .then((registration) => {
          offer(registration.waiting);
          registration.addEventListener('updatefound', () => {
            const installing = registration.installing;
            installing?.addEventListener('statechange', () => {
              if (installing.state === 'installed') offer(installing);
            });
          });
        })
        .catch(() => {
          // No worker (a private window, an old browser): the app works online as before.
        });
    };
    // After the page has loaded: the worker's downloads never slow the first screen.
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
    return () => {
      stopped = true;
      window.removeEventListener('load', register);
    };
  }, []);

  return {
    updateReady: waiting !== null,
    applyUpdate: () => {
      if (waiting === null) return;
      navigator.serviceWorker.addEventListener(
        'controllerchange',
        () => {
          window.location.reload();
        },
        { once: true },
      );
      waiting.postMessage({ type: 'SKIP_WAITING' });
    },
  };
}
