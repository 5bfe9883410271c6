import type { ChartConfiguration } from 'chart.js';

/**
 * Chart.js configurations for the charts view, built from plain numbers (minor units in the base currency).
 * Only types come from chart.js here, so this module never loads the library.
 */

/** Colours the charts take from the page's CSS custom properties (light or dark). */
export interface ChartTheme {
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  card: string;
  reducedMotion: boolean;
}

/** Distinguishable on light and dark backgrounds (Okabe–Ito, then Tol's muted set). */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999999',
  '#117733',
  '#882255',
  '#44AA99',
  '#AA4499',
] as const;

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Formats minor units of the base currency (full for tooltips, compact for axis ticks). */
export type MoneyFormat = (minor: number, compact?: boolean) => string;

function common(theme: ChartTheme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: theme.reducedMotion ? (false as const) : undefined,
    color: theme.fg,
  };
}

function valueAxis(theme: ChartTheme, format: MoneyFormat) {
  return {
    beginAtZero: true,
    ticks: { color: theme.muted, callback: (value: string | number) => format(Number(value), true) },
    grid: { color: theme.grid },
    border: { color: theme.grid },
  };
}

function labelAxis(theme: ChartTheme) {
  return { ticks: { color: theme.muted }, grid: { display: false }, border: { color: theme.grid } };
}

/**
 * At most `max` slices, so that every slice has its own colour: the largest `max - 1` as they are and the rest
 * summed into one `otherLabel` slice (the table beside the chart keeps every row).
 */
export function foldSmallest(
  rows: readonly { label: string; monthlyMinor: number }[],
  max: number,
  otherLabel: string,
): Array<{ label: string; monthlyMinor: number }> {
  if (rows.length <= max) return [...rows];
  const sorted = [...rows].sort((a, b) => b.monthlyMinor - a.monthlyMinor);
  const kept = sorted.slice(0, max - 1);
  const rest = sorted.slice(max - 1).reduce((sum, r) => sum + r.monthlyMinor, 0);
  return [...kept, { label: otherLabel, monthlyMinor: rest }];
}

/** Doughnut of monthly spend by category. */
export function categoryChart(
  rows: readonly { label: string; monthlyMinor: number }[],
  theme: ChartTheme,
  format: MoneyFormat,
): ChartConfiguration<'doughnut', number[], string> {
  return {
    type: 'doughnut',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          data: rows.map((r) => r.monthlyMinor),
          backgroundColor: rows.map((_, i) => PALETTE[i % PALETTE.length]!),
          borderColor: theme.card,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...common(theme),
      plugins: {
        legend: { position: 'right', labels: { color: theme.fg } },
        tooltip: { callbacks: { label: (item) => `${item.label}: ${format(Number(item.raw))}` } },
      },
    },
  };
}

/** One bar chart over past and coming months: recorded charges (solid) and projected renewals (outlined). */
export function monthlyChart(
  months: readonly { label: string; recorded: number | null; projected: number | null }[],
  names: { recorded: string; projected: string },
  theme: ChartTheme,
  format: MoneyFormat,
): ChartConfiguration<'bar', (number | null)[], string> {
  return {
    type: 'bar',
    data: {
      labels: months.map((m) => m.label),
      datasets: [
        {
          label: names.recorded,
          data: months.map((m) => m.recorded),
          backgroundColor: theme.accent,
          borderColor: theme.accent,
          borderWidth: 2,
        },
        {
          label: names.projected,
          data: months.map((m) => m.projected),
          backgroundColor: 'transparent',
          borderColor: theme.accent,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...common(theme),
      skipNull: true,
      scales: { x: labelAxis(theme), y: valueAxis(theme, format) },
      plugins: {
        legend: { labels: { color: theme.fg } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${format(Number(item.raw))}` } },
      },
    },
  };
}

/** Horizontal bars of monthly spend per household member (member colour when it is a valid #rrggbb). */
export function memberChart(
  rows: readonly { label: string; monthlyMinor: number; color?: string }[],
  seriesName: string,
  theme: ChartTheme,
  format: MoneyFormat,
): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          label: seriesName,
          data: rows.map((r) => r.monthlyMinor),
          backgroundColor: rows.map((r) => (r.color && HEX.test(r.color) ? r.color : theme.accent)),
          borderColor: theme.fg,
          borderWidth: 1,
          maxBarThickness: 48,
        },
      ],
    },
    options: {
      ...common(theme),
      indexAxis: 'y',
      scales: { x: valueAxis(theme, format), y: labelAxis(theme) },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => format(Number(item.raw)) } },
      },
    },
  };
}

/**
 * Past and projected months merged in order. A month in both lists (the current one) keeps both numbers; a
 * month in only one list has null for the other.
 */
export function mergeMonths(
  past: readonly { month: string; totalMinor: number }[],
  projected: readonly { month: string; totalMinor: number }[],
): Array<{ month: string; recorded: number | null; projected: number | null }> {
  const map = new Map<string, { month: string; recorded: number | null; projected: number | null }>();
  for (const p of past) map.set(p.month, { month: p.month, recorded: p.totalMinor, projected: null });
  for (const p of projected) {
    const row = map.get(p.month);
    if (row) row.projected = p.totalMinor;
    else map.set(p.month, { month: p.month, recorded: null, projected: p.totalMinor });
  }
  return [...map.values()].sort((a, b) => a.month.localeCompare(b.month));
}
