import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartsView, type ChartsViewProps } from '../../../components/views/ChartsView';
import {
  categoryChart,
  foldSmallest,
  memberChart,
  mergeMonths,
  monthlyChart,
  PALETTE,
} from '../../../components/views/chartConfig';
import { createTranslator } from '../../../lib/i18n';
import { textOf } from './helpers';

afterEach(cleanup);

const past = [
  { month: '2026-09', totalMinor: 30000 },
  { month: '2026-10', totalMinor: 0 },
  { month: '2026-11', totalMinor: 15900 },
];
const projected = [
  { month: '2026-11', totalMinor: 11990 },
  { month: '2026-12', totalMinor: 27890 },
];

function props(over: Partial<ChartsViewProps> = {}): ChartsViewProps {
  return {
    byCategory: [
      { key: 'video', monthlyMinor: 15900 },
      { key: 'music', monthlyMinor: 11990 },
    ],
    pastMonths: past,
    projectedMonths: projected,
    byMember: [
      { key: 'm1', name: 'Kari', monthlyMinor: 20000, color: '#aa3300' },
      { key: '', name: '', monthlyMinor: 7890 },
    ],
    base: 'NOK',
    t: createTranslator('en'),
    locale: 'en-GB',
    ...over,
  };
}

function table(caption: string): HTMLTableElement {
  return screen.getByText(caption, { selector: 'caption' }).closest('table') as HTMLTableElement;
}

function rows(t: HTMLTableElement): string[][] {
  return [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => textOf(c)));
}

describe('ChartsView', () => {
  it('gives every chart a table with the same numbers, with caption and headers', async () => {
    render(<ChartsView {...props()} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Charts');

    const cat = table('Monthly spend by category, in NOK');
    expect([...cat.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col']);
    expect(rows(cat)).toEqual([
      ['Video and TV', 'NOK 159.00'],
      ['Music', 'NOK 119.90'],
    ]);
    expect(textOf(cat.querySelector('tfoot'))).toContain('NOK 278.90');

    const monthly = table('Recorded charges for the past 12 months and projected renewals for the next 12, in NOK');
    expect(rows(monthly)).toEqual([
      ['September 2026', 'NOK 300.00', '–'],
      ['October 2026', 'NOK 0.00', '–'],
      ['November 2026', 'NOK 159.00', 'NOK 119.90'],
      ['December 2026', '–', 'NOK 278.90'],
    ]);

    const members = table('Monthly spend per household member, in NOK');
    expect(rows(members)).toEqual([
      ['Kari', 'NOK 200.00'],
      ['Nobody in particular', 'NOK 78.90'],
    ]);

    const canvases = screen.getAllByRole('img');
    expect(canvases).toHaveLength(3);
    for (const c of canvases) {
      expect(c.tagName).toBe('CANVAS');
      expect(c.getAttribute('aria-label')).toMatch(/chart; the same numbers are in the table/);
    }
    // Loading chart.js settles without throwing; happy-dom has no 2D canvas, so the tables become visible.
    const view = screen.getByRole('heading', { level: 2 }).closest('section')!;
    await waitFor(() => expect(view.getAttribute('data-chart-state')).toBe('unavailable'));
    expect(screen.getByText(/numbers are shown as tables/)).toBeTruthy();
    expect(cat.classList.contains('sr-only')).toBe(false);
  });

  it('keeps the tables visually hidden while the charts load', () => {
    render(<ChartsView {...props()} />);
    const view = screen.getByRole('heading', { level: 2 }).closest('section')!;
    expect(view.getAttribute('data-chart-state')).toBe('loading');
    for (const t of view.querySelectorAll('table')) expect(t.classList.contains('sr-only')).toBe(true);
  });

  it('unmounts cleanly before and after chart.js has loaded', async () => {
    const first = render(<ChartsView {...props()} />);
    first.unmount();
    const second = render(<ChartsView {...props()} />);
    const view = second.container.querySelector('[data-chart-state]')!;
    await waitFor(() => expect(view.getAttribute('data-chart-state')).not.toBe('loading'));
    second.rerender(<ChartsView {...props({ byCategory: [{ key: 'news', monthlyMinor: 5000 }] })} />);
    await waitFor(() => expect(screen.getByText('News and magazines')).toBeTruthy());
    second.unmount();
    expect(document.querySelector('canvas')).toBeNull();
  });

  it('shows empty states instead of empty charts', () => {
    render(<ChartsView {...props({ byCategory: [], pastMonths: [], projectedMonths: [], byMember: [] })} />);
    expect(screen.getByText('No active subscriptions to show yet.')).toBeTruthy();
    expect(screen.getByText('No charges recorded and no renewals ahead.')).toBeTruthy();
    expect(screen.getByText(/Add household members/)).toBeTruthy();
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    expect(screen.queryAllByRole('table')).toHaveLength(0);
  });

  it('translates category names and headings (Swedish)', () => {
    render(<ChartsView {...props({ t: createTranslator('sv'), locale: 'sv-SE' })} />);
    const section = screen.getByRole('heading', { level: 3, name: 'Kostnader per kategori' }).closest('section')!;
    expect(within(section).getByText('Video och tv')).toBeTruthy();
    expect(within(section).getByText('Musik')).toBeTruthy();
  });
});

describe('chart configurations', () => {
  const theme = { fg: '#111', muted: '#666', grid: '#ddd', accent: '#0055aa', card: '#fff', reducedMotion: true };
  const format = (minor: number) => `${minor / 100} kr`;

  it('merges past and projected months in order, keeping both numbers for a shared month', () => {
    expect(mergeMonths(past, projected)).toEqual([
      { month: '2026-09', recorded: 30000, projected: null },
      { month: '2026-10', recorded: 0, projected: null },
      { month: '2026-11', recorded: 15900, projected: 11990 },
      { month: '2026-12', recorded: null, projected: 27890 },
    ]);
  });

  it('draws recorded bars solid and projected bars outlined (not told apart by colour alone)', () => {
    const config = monthlyChart(
      [{ label: 'Nov', recorded: 1, projected: 2 }],
      { recorded: 'Recorded', projected: 'Projected' },
      theme,
      format,
    );
    const [rec, proj] = config.data.datasets;
    expect(rec!.label).toBe('Recorded');
    expect(proj!.label).toBe('Projected');
    expect(rec!.backgroundColor).toBe('#0055aa');
    expect(proj!.backgroundColor).toBe('transparent');
    expect(proj!.borderWidth).toBe(2);
    expect(config.options?.animation).toBe(false);
  });

  it('uses theme colours for text and grid, and member colours only when they are valid', () => {
    const config = memberChart(
      [
        { label: 'Kari', monthlyMinor: 100, color: '#aa3300' },
        { label: 'Ola', monthlyMinor: 50, color: 'red;background:url(x)' },
      ],
      'Per month',
      theme,
      format,
    );
    expect(config.data.datasets[0]!.backgroundColor).toEqual(['#aa3300', '#0055aa']);
    const x = config.options?.scales?.x as { grid: { color: string }; ticks: { color: string } };
    expect(x.grid.color).toBe('#ddd');
    expect(x.ticks.color).toBe('#666');
    const doughnut = categoryChart([{ label: 'Music', monthlyMinor: 100 }], theme, format);
    expect(doughnut.options?.plugins?.legend?.labels?.color).toBe('#111');
  });
});

describe('category slices', () => {
  it('fold the smallest into one "Other" slice when there are more categories than colours', () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({ label: `c${i}`, monthlyMinor: 1000 - i * 10 }));
    const folded = foldSmallest(rows, PALETTE.length, 'Other');
    expect(folded).toHaveLength(PALETTE.length);
    expect(folded.slice(0, -1).map((r) => r.label)).toEqual(rows.slice(0, PALETTE.length - 1).map((r) => r.label));
    const rest = rows.slice(PALETTE.length - 1).reduce((s, r) => s + r.monthlyMinor, 0);
    expect(folded.at(-1)).toEqual({ label: 'Other', monthlyMinor: rest });
    expect(folded.reduce((s, r) => s + r.monthlyMinor, 0)).toBe(rows.reduce((s, r) => s + r.monthlyMinor, 0));
    const theme = { fg: '#111', muted: '#666', grid: '#ddd', accent: '#0055aa', card: '#fff', reducedMotion: true };
    const config = categoryChart(folded, theme, (minor) => `${minor / 100} kr`);
    const colours = config.data.datasets[0]!.backgroundColor as string[];
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('leave a short list as it is', () => {
    const rows = [
      { label: 'Music', monthlyMinor: 100 },
      { label: 'Video', monthlyMinor: 300 },
    ];
    expect(foldSmallest(rows, PALETTE.length, 'Other')).toEqual(rows);
  });
});

describe('chart.js loading', () => {
  it('is imported only lazily, and only by the charts view', () => {
    const dir = join(process.cwd(), 'components/views');
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(join(dir, file), 'utf8');
      const staticImports = source.match(/^import\s+(?!type\s)[^;]*?from\s+'chart\.js'/gm) ?? [];
      expect(staticImports, file).toEqual([]);
      if (file !== 'ChartsView.tsx') expect(source.includes("import('chart.js')"), file).toBe(false);
    }
    expect(readFileSync(join(dir, 'ChartsView.tsx'), 'utf8')).toContain("await import('chart.js')");
  });
});
