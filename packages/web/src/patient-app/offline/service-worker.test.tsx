// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useServiceWorker } from './service-worker.js';

function UpdatePrompt() {
  const { updateReady, applyUpdate } = useServiceWorker();
  return updateReady ? (
    <button type="button" onClick={applyUpdate}>
      Reload to update
    </button>
  ) : (
    <p>Up to date</p>
  );
}

/** A fake `navigator.serviceWorker`: `controller` is the worker in charge of the page now. */
function fakeContainer({ controller, waiting }: { controller: boolean; waiting: boolean }) {
  const posted: unknown[] = [];
  const worker = { postMessage: (message: unknown) => posted.push(message) };
  const registration = {
    waiting: waiting ? worker : null,
    installing: null,
    addEventListener: vi.fn(),
  };
  const container = {
    controller: controller ? {} : null,
    register: vi.fn(() => Promise.resolve(registration)),
    addEventListener: vi.fn(),
  };
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
  return { container, posted };
}

function markBuild(): void {
  const meta = document.createElement('meta');
  meta.name = 'spinewise-service-worker';
  meta.content = '/sw.js';
  document.head.append(meta);
}

beforeEach(() => {
  document.head.innerHTML = '';
});

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('useServiceWorker', () => {
  it('registers nothing without the build mark (the dev server)', async () => {
    const { container } = fakeContainer({ controller: false, waiting: false });
    render(<UpdatePrompt />);
    await act(() => Promise.resolve());
    expect(container.register).not.toHaveBeenCalled();
  });

  it('registers /sw.js for the whole site once the page has loaded', async () => {
    markBuild();
    const { container } = fakeContainer({ controller: false, waiting: false });
    render(<UpdatePrompt />);
    await act(() => Promise.resolve());
    expect(container.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
    // The first worker is no "update".
    expect(screen.getByText('Up to date')).toBeDefined();
  });

  it('offers a waiting release, and lets it take over when the patient asks', async () => {
    markBuild();
    const { container, posted } = fakeContainer({ controller: true, waiting: true });
    render(<UpdatePrompt />);
    const button = await screen.findByRole('button', { name: 'Reload to update' });
    act(() => {
      button.click();
    });
    expect(posted).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(container.addEventListener).toHaveBeenCalledWith(
      'controllerchange',
      expect.any(Function),
      { once: true },
    );
  });
});
