import type { ChartConfiguration, Chart as ChartInstance } from 'chart.js';
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { compactAmount } from '../../lib/app/format';
import type { Translate } from '../../lib/i18n';
import {
  type ChartTheme,
  categoryChart,
  foldSmallest,
  memberChart,
  mergeMonths,
  monthlyChart,
  PALETTE,
} from './chartConfig';
import { formatMonth, money } from './format';
import './views.css';

export interface ChartsViewProps {
  /** Monthly spend per category id (from `spendBy(…, byCategory)`), base currency. */
  byCategory: readonly { key: string; monthlyMinor: number }[];
  /** Recorded charges per month, oldest first (from `chargesByMonth`). */
  pastMonths: readonly { month: string; totalMinor: number }[];
  /** Projected renewals per month, oldest first (from `renewalCalendar`). */
  projectedMonths: readonly { month: string; totalMinor: number }[];
  /** Monthly spend per member; `name` is shown, `color` (#rrggbb) colours the bar when given. */
  byMember: readonly { key: string; name: string; monthlyMinor: number; color?: string }[];
  base: string;
  t: Translate;
  locale: string;
}

type ChartState = 'loading' | 'ready' | 'unavailable';

/** Everything the canvases draw, as plain data. */
interface ChartInput {
  categories: Array<{ label: string; monthlyMinor: number }>;
  otherLabel: string;
  months: Array<{ month: string; recorded: number | null; projected: number | null }>;
  members: Array<{ label: string; monthlyMinor: number; color?: string }>;
  names: { recorded: string; projected: string };
  perMonth: string;
}
type ChartCtor = typeof ChartInstance;

let loader: Promise<ChartCtor> | null = null;

/** Loads chart.js on first use and registers only the pieces these charts need. */
function loadChartJs(): Promise<ChartCtor> {
  loader ??= (async () => {
    const {
      Chart,
      ArcElement,
      BarController,
      BarElement,
      CategoryScale,
      DoughnutController,
      Legend,
      LinearScale,
      Tooltip,
    } = await import('chart.js');
    Chart.register(
      ArcElement,
      BarController,
      BarElement,
      CategoryScale,
      DoughnutController,
      Legend,
      LinearScale,
      Tooltip,
    );
    return Chart;
  })().catch((error: unknown) => {
    loader = null;
    throw error;
  });
  return loader;
}

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** Chart colours from the page's CSS custom properties, with light/dark fallbacks. */
function readTheme(): ChartTheme {
  const dark = matches('(prefers-color-scheme: dark)');
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, light: string, darkValue: string) =>
    css.getPropertyValue(name).trim() || (dark ? darkValue : light);
  return {
    fg: v('--fg', '#1b1f24', '#e6e8eb'),
    muted: v('--muted', '#57606a', '#9aa4ae'),
    grid: v('--border', '#d0d7de', '#3a424b'),
    accent: v('--accent', '#0b5cad', '#6cb6ff'),
    card: v('--card', '#ffffff', '#1c2128'),
    reducedMotion: matches('(prefers-reduced-motion: reduce)'),
  };
}

/** A counter that changes when the colour scheme changes, so the charts redraw in the new colours. */
function useSchemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setVersion((v) => v + 1);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, []);
  return version;
}

/**
 * Three charts of where the money goes: by category (doughnut), per month (recorded charges beside projected
 * renewals) and per household member. chart.js is loaded lazily; every chart also has a table with the same
 * numbers for screen readers, and the tables are shown when the charts cannot be drawn.
 */
export function ChartsView({ byCategory, pastMonths, projectedMonths, byMember, base, t, locale }: ChartsViewProps) {
  const [state, setState] = useState<ChartState>('loading');
  const schemeVersion = useSchemeVersion();
  const categoryRef = useRef<HTMLCanvasElement>(null);
  const monthlyRef = useRef<HTMLCanvasElement>(null);
  const memberRef = useRef<HTMLCanvasElement>(null);

  const categories = byCategory
    .filter((c) => c.monthlyMinor > 0)
    .map((c) => ({ ...c, label: t(`common.category.${c.key}`) }));
  const months = mergeMonths(pastMonths, projectedMonths).map((m) => ({ ...m, label: formatMonth(m.month, locale) }));
  const hasMonths = months.some((m) => (m.recorded ?? 0) > 0 || (m.projected ?? 0) > 0);
  const members = byMember.map((m) => ({ ...m, label: m.name || t('dashboard.noOwner') }));
  const names = { recorded: t('views.charts.recorded'), projected: t('views.charts.projected') };
  const perMonth = t('views.charts.perMonth');

  // Redraw only when what is drawn changes (not on every render with a new `t`).
  const otherLabel = t('common.category.other');
  const drawn = JSON.stringify({ categories, months, members, names, perMonth, otherLabel });
  const input = useMemo(() => JSON.parse(drawn) as ChartInput, [drawn]);

  useEffect(() => {
    let cancelled = false;
    const charts: ChartInstance[] = [];
    setState('loading');
    loadChartJs().then(
      (Chart) => {
        if (cancelled) return;
        const theme = readTheme();
        // Axis ticks are compact numbers (the caption names the currency); tooltips are full amounts.
        const format = (minor: number, compact = false) =>
          compact ? compactAmount(minor, base, locale) : money(minor, base, locale);
        const jobs: Array<[HTMLCanvasElement | null, () => ChartConfiguration]> = [
          [
            categoryRef.current,
            () =>
              categoryChart(
                foldSmallest(input.categories, PALETTE.length, input.otherLabel),
                theme,
                format,
              ) as ChartConfiguration,
          ],
          [
            monthlyRef.current,
            () =>
              monthlyChart(
                input.months.map((m) => ({ ...m, label: formatMonth(m.month, locale, 'short') })),
                input.names,
                theme,
                format,
              ) as ChartConfiguration,
          ],
          [memberRef.current, () => memberChart(input.members, input.perMonth, theme, format) as ChartConfiguration],
        ];
        let drawnAll = true;
        for (const [canvas, config] of jobs) {
          if (!canvas) continue;
          if (!canvas.getContext('2d')) {
            drawnAll = false;
            continue;
          }
          charts.push(new Chart(canvas, config()));
        }
        setState(drawnAll ? 'ready' : 'unavailable');
      },
      () => {
        if (!cancelled) setState('unavailable');
      },
    );
    return () => {
      cancelled = true;
      for (const chart of charts) chart.destroy();
    };
  }, [input, base, locale, schemeVersion]);

  const tableClass = state === 'unavailable' ? 'chart-table' : 'chart-table sr-only';

  return (
    <section class="view charts-view" aria-labelledby="charts-view-title" data-chart-state={state}>
      <h2 id="charts-view-title">{t('views.charts.title')}</h2>
      <p class="view-intro">{t('views.charts.intro', { currency: base })}</p>
      {state === 'unavailable' && <p class="note">{t('views.charts.unavailable')}</p>}

      <ChartCard
        id="chart-category-title"
        title={t('views.charts.byCategory')}
        empty={categories.length === 0 ? t('views.charts.noSpend') : undefined}
        canvasRef={categoryRef}
        alt={t('views.charts.alt', { title: t('views.charts.byCategory') })}
      >
        <SpendTable
          class={tableClass}
          caption={t('views.charts.byCategoryCaption', { currency: base })}
          keyHeader={t('views.charts.category')}
          valueHeader={perMonth}
          rows={categories}
          totalLabel={t('common.total')}
          base={base}
          locale={locale}
        />
      </ChartCard>

      <ChartCard
        id="chart-monthly-title"
        title={t('views.charts.monthly')}
        empty={!hasMonths ? t('views.charts.noMonths') : undefined}
        canvasRef={monthlyRef}
        alt={t('views.charts.alt', { title: t('views.charts.monthly') })}
        wide
      >
        <table class={tableClass}>
          <caption>{t('views.charts.monthlyCaption', { currency: base })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('views.charts.month')}</th>
              <th scope="col">{names.recorded}</th>
              <th scope="col">{names.projected}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.label}</th>
                <td>{m.recorded === null ? '–' : money(m.recorded, base, locale)}</td>
                <td>{m.projected === null ? '–' : money(m.projected, base, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartCard>

      <ChartCard
        id="chart-member-title"
        title={t('views.charts.byMember')}
        empty={members.length === 0 ? t('views.charts.noMembers') : undefined}
        canvasRef={memberRef}
        alt={t('views.charts.alt', { title: t('views.charts.byMember') })}
      >
        <SpendTable
          class={tableClass}
          caption={t('views.charts.byMemberCaption', { currency: base })}
          keyHeader={t('views.charts.member')}
          valueHeader={perMonth}
          rows={members}
          base={base}
          locale={locale}
        />
      </ChartCard>
    </section>
  );
}

/**
 * One chart on the charts view: its title, the canvas chart.js draws on (with its text alternative), and the
 * table with the same numbers (for screen readers, and shown when the chart cannot be drawn); or a line saying
 * there is nothing to show.
 */
function ChartCard(props: {
  id: string;
  title: string;
  empty: string | undefined;
  canvasRef: Ref<HTMLCanvasElement>;
  alt: string;
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <section class="chart-card card">
      <h3 id={props.id}>{props.title}</h3>
      {props.empty !== undefined ? (
        <p class="view-empty">{props.empty}</p>
      ) : (
        <>
          <div class={props.wide ? 'chart-box chart-box-wide' : 'chart-box'}>
            <canvas ref={props.canvasRef} role="img" aria-label={props.alt} />
          </div>
          {props.children}
        </>
      )}
    </section>
  );
}

/** The accessible table behind a spend chart: one row per category or member, optionally with a total. */
function SpendTable(props: {
  class: string;
  caption: string;
  keyHeader: string;
  valueHeader: string;
  rows: readonly { key: string; label: string; monthlyMinor: number }[];
  totalLabel?: string;
  base: string;
  locale: string;
}) {
  const { base, locale } = props;
  return (
    <table class={props.class}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.keyHeader}</th>
          <th scope="col">{props.valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{money(r.monthlyMinor, base, locale)}</td>
          </tr>
        ))}
      </tbody>
      {props.totalLabel && (
        <tfoot>
          <tr>
            <th scope="row">{props.totalLabel}</th>
            <td>
              {money(
                props.rows.reduce((sum, r) => sum + r.monthlyMinor, 0),
                base,
                locale,
              )}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
