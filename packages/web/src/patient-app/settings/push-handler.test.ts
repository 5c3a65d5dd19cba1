import { describe, expect, it, vi } from 'vitest';
import {
  handleNotificationClick,
  handlePush,
  readReminder,
  type ReminderWorkerScope,
} from './push-handler.js';

const ORIGIN = 'https://clinic.example';

function fakeScope(windows: { url: string }[] = []) {
  const shown: { title: string; options: unknown }[] = [];
  const opened: string[] = [];
  const focused: string[] = [];
  const navigated: string[] = [];
  const scope: ReminderWorkerScope = {
    location: { origin: ORIGIN },
    registration: {
      showNotification(title, options) {
        shown.push({ title, options });
        return Promise.resolve();
      },
    },
    clients: {
      matchAll: () =>
        Promise.resolve(
          windows.map((window) => ({
            url: window.url,
            focus: () => {
              focused.push(window.url);
              return Promise.resolve();
            },
            navigate: (url: string) => {
              navigated.push(url);
              return Promise.resolve();
            },
          })),
        ),
      openWindow: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
  };
  return { scope, shown, opened, focused, navigated };
}

function pushEvent(data: unknown) {
  const work: Promise<unknown>[] = [];
  return {
    event: {
      data:
        data === null
          ? null
          : {
              json: (): unknown =>
                typeof data === 'string' ? (JSON.parse(data) as unknown) : data,
            },
      waitUntil: (promise: Promise<unknown>) => work.push(promise),
    },
    done: () => Promise.all(work),
  };
}

describe('handlePush', () => {
  it('shows the server’s reminder, tagged so a new one replaces the last', async () => {
    const { scope, shown } = fakeScope();
    const { event, done } = pushEvent({
      title: 'Spinewise',
      body: 'Time for your exercises',
      url: '/app',
      tag: 'spinewise-reminder',
    });
    handlePush(event, scope);
    await done();
    expect(shown).toEqual([
      {
        title: 'Spinewise',
        options: expect.objectContaining({
          body: 'Time for your exercises',
          tag: 'spinewise-reminder',
          data: { url: '/app' },
        }) as unknown,
      },
    ]);
  });

  it('falls back to the generic reminder for a missing or unreadable message', async () => {
    const { scope, shown } = fakeScope();
    const empty = pushEvent(null);
    handlePush(empty.event, scope);
    const broken = pushEvent('{not json');
    handlePush(broken.event, scope);
    await Promise.all([empty.done(), broken.done()]);
    expect(shown.map((entry) => entry.title)).toEqual(['Spinewise', 'Spinewise']);
    expect(shown[1]?.options).toMatchObject({ body: 'Time for your exercises' });
  });
});

describe('readReminder', () => {
  it('never lets a message point outside the app', () => {
    const data = (url: unknown) => ({ json: () => ({ title: 'T', body: 'B', url }) });
    expect(readReminder(data('https://evil.example/')).url).toBe('/app');
    expect(readReminder(data('//evil.example/app')).url).toBe('/app');
    expect(readReminder(data('/login')).url).toBe('/app');
    expect(readReminder(data('/app/settings')).url).toBe('/app/settings');
  });
});

describe('handleNotificationClick', () => {
  it('opens the app when no window of it is open', async () => {
    const { scope, opened } = fakeScope([{ url: 'https://other.example/' }]);
    const close = vi.fn();
    const work: Promise<unknown>[] = [];
    handleNotificationClick(
      {
        notification: { data: { url: '/app' }, close },
        waitUntil: (promise) => work.push(promise),
      },
      scope,
    );
    await Promise.all(work);
    expect(close).toHaveBeenCalled();
    expect(opened).toEqual([`${ORIGIN}/app`]);
  });

  it('brings an open window of the app forward, at Today', async () => {
    const { scope, opened, focused, navigated } = fakeScope([{ url: `${ORIGIN}/app/learn` }]);
    const work: Promise<unknown>[] = [];
    handleNotificationClick(
      {
        notification: { data: { url: '/app' }, close: () => undefined },
        waitUntil: (promise) => work.push(promise),
      },
      scope,
    );
    await Promise.all(work);
    expect(opened).toEqual([]);
    expect(focused).toEqual([`${ORIGIN}/app/learn`]);
    expect(navigated).toEqual([`${ORIGIN}/app`]);
  });
});
