// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SeverityBadge, severityLabels, severityOrder } from './severity-badge.js';

afterEach(cleanup);

describe('SeverityBadge', () => {
  it.each(severityOrder)(
    'says %s in words and with its own shape, not by colour alone',
    (severity) => {
      const { container } = render(<SeverityBadge severity={severity} />);
      const badge = container.querySelector('.badge');
      expect(badge?.textContent).toBe(severityLabels[severity]);
      const icon = badge?.querySelector('svg');
      expect(icon?.getAttribute('aria-hidden')).toBe('true');
      expect(icon?.innerHTML).not.toBe('');
    },
  );

  it('gives every severity a different word and shape', () => {
    const words = new Set(severityOrder.map((severity) => severityLabels[severity]));
    expect(words.size).toBe(severityOrder.length);
    const shapes = new Set(
      severityOrder.map((severity) => {
        const { container } = render(<SeverityBadge severity={severity} />);
        return container.querySelector('svg')?.innerHTML;
      }),
    );
    expect(shapes.size).toBe(severityOrder.length);
  });
});
