import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paintDashboardSummary, paintPopupSummary, removeSummaryFrame } from '../../components/first-paint';
import { buildSummary, type PaintSummary } from '../../lib/app/paint-summary';
import { detection, sub } from '../helpers';

const TODAY = '2026-11-23';
let root: HTMLElement;
let summary: PaintSummary;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root')!;
  const subs = [
    sub({ id: 'a', service: 'Netflix <b>', amountMinor: 17900, billingAnchor: '2026-11-25' }),
    sub({ id: 'b', service: 'Spotify', amountMinor: 12900, billingAnchor: '2026-12-01' }),
  ];
  summary = buildSummary({ settings: { language: 'nb' }, subscriptions: subs, detections: [] }, 's', TODAY)!;
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the first frames drawn from the summary (components/first-paint)', () => {
  it('draws the popup beside the root, in the summary’s language, text as text', () => {
    expect(paintPopupSummary(root, summary, { hostname: 'example.com' })).toBe(true);
    const frame = document.getElementById('summary-frame')!;
    expect(frame.nextElementSibling).toBe(root);
    expect(root.childNodes).toHaveLength(0);
    expect(document.documentElement.lang).toBe('nb-NO');
    expect(frame.querySelector('[data-testid="popup-monthly-total"]')?.textContent).toMatch(/308,00/);
    expect(frame.textContent).toContain('example.com');
    expect(frame.textContent).toContain('Neste fornyelser');
    // A service name is text, never markup.
    expect(frame.querySelector('b')).toBeNull();
    expect(frame.textContent).toContain('Netflix <b>');
    expect(frame.textContent).toContain('om 2 dager');
    removeSummaryFrame();
    expect(document.getElementById('summary-frame')).toBeNull();
  });

  it('leaves a site with a detection to the view (its card has actions)', () => {
    expect(paintPopupSummary(root, summary, { hostname: 'viaplay.no', detection: detection() })).toBe(false);
    expect(document.getElementById('summary-frame')).toBeNull();
  });

  it('draws the dashboard’s header, totals and renewals', () => {
    paintDashboardSummary(root, summary);
    const frame = document.getElementById('summary-frame')!;
    expect(frame.querySelector('h1')?.textContent).toBe('Subkeeper');
    expect(frame.querySelectorAll('.totals-figures .figure')).toHaveLength(4);
    expect(frame.querySelectorAll('.renewals li')).toHaveLength(2);
    expect(frame.textContent).toContain('Hva du betaler');
  });
});
