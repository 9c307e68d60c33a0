/**
 * The trace waterfall, virtualised: only the rows inside the scrolled viewport (plus a few above
 * and below) are in the DOM, so a 100k-span trace renders as fast as a small one. Each row shows
 * the span's bar on the trace's time axis, its critical-path sections drawn over the bar, its
 * duration and self time, and a flag when it is slower than its operation's p95.
 * Rows use text glyphs, not <Icon> (an SVG mount per row made scrolling a 100k-span trace stutter).
 * On the summary of a huge trace some rows are folded subtrees (engine/prune.ts): such a row says
 * how many spans it holds and their self time, its bar covers the subtree's time range, and a
 * click or Enter expands it. A selection made elsewhere (a search match, a hotspot) scrolls into view.
 * A span that reports its own busy_ns/idle_ns (async Rust spans, DEFINITIONS.md §6.5) has the idle
 * share idle / (busy + idle) of its bar hatched at the bar's end (when it was idle is not recorded),
 * and says both times in its tooltip and label.
 * Keyboard: the list is one tab stop; ↑/↓ move the selection, ←/→ collapse/expand, Enter expands a
 * folded row, Home/End jump.
 */
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import {
  FoldedGroup,
  foldedGroup,
  hasChildren,
  isErrorSpan,
  nameOf,
  Pruning,
  serviceOf,
  spanDepth,
  spanEnd,
  spanSelfTime,
  SpanBusyIdle,
  spanStart,
  TraceAnalysis,
  CriticalSections,
  mapCriticalSections,
} from '../../engine';
import { formatDuration } from '../../components/breakdown';
import { rowColor } from '../../components/breakdown/colors';
import { AS_TEXT } from '../../components/i18n';
import { idlePart, reportedBusyIdleBySpan } from './waterfallModel';

export const ROW_HEIGHT = 24;
const VIEWPORT_HEIGHT = 480;
// rows rendered beyond each edge of the viewport: every row a scroll step adds costs its style and layout
const OVERSCAN = 5;

interface Props {
  analysis: TraceAnalysis;
  rows: Uint32Array;
  sections: CriticalSections;
  selected: number;
  onSelect: (span: number) => void;
  collapsed: ReadonlySet<number>;
  onToggle: (span: number) => void;
  /** palette index of a span's service */
  colorOf: (span: number) => number;
  /** the operation's p95 in ns when the span is slower than it */
  slowerThanP95: (span: number) => number | undefined;
  /** the summary's pruning, with per row 1 when the row is a folded subtree; absent when nothing folds */
  folded?: { groups: Uint8Array; pruning: Pruning };
}

const pct = (v: number, total: number) => `${total > 0 ? (v / total) * 100 : 0}%`;

/** "1,204 spans, 3.2 ms self time": what a folded row holds. */
const foldedText = (g: FoldedGroup) =>
  t('trace.waterfall.folded', '', {
    count: g.spans,
    selfTime: formatDuration(g.selfTime),
    defaultValue_one: '{{count, number}} span, {{selfTime}} self time',
    defaultValue_other: '{{count, number}} spans, {{selfTime}} self time',
    ...AS_TEXT,
  });

/** The rows' fixed texts, looked up once per render rather than once per row (i18next's lookups
 * were a third of a scroll step's script time). */
const rowTexts = () => ({
  expand: t('trace.waterfall.expand', 'Expand'),
  collapse: t('trace.waterfall.collapse', 'Collapse'),
  errorTitle: t('trace.waterfall.error-title', 'Error status'),
  error: t('trace.waterfall.error', 'error'),
  slow: t('trace.waterfall.slow', 'slower than p95'),
  duration: t('trace.waterfall.duration', 'Duration'),
  selfTime: t('trace.waterfall.self-time', 'Self time'),
  foldedDuration: t('trace.waterfall.folded-duration', 'Time range of the folded spans'),
  foldedSelfTime: t('trace.waterfall.folded-self-time', 'Self time of the folded spans'),
});

/** "busy 60 µs · idle 40 µs (reported by the span)" */
const busyIdleText = (v: SpanBusyIdle) =>
  t('trace.waterfall.busy-idle', 'busy {{busy}} · idle {{idle}} (reported by the span)', {
    busy: formatDuration(v.busy),
    idle: formatDuration(v.idle),
    ...AS_TEXT,
  });

export function Waterfall(props: Props) {
  const { analysis, rows, sections, selected, onSelect, collapsed, onToggle, colorOf, slowerThanP95, folded } = props;
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const { trace, duration } = analysis;
  const reported = useMemo(() => reportedBusyIdleBySpan(analysis), [analysis]);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + VIEWPORT_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  // the list's height, as set on it below (not read back from the layout)
  const height = Math.min(VIEWPORT_HEIGHT, rows.length * ROW_HEIGHT + 2);
  // The selection the keyboard moves from: set at once on a key press (the URL-driven `selected`
  // prop arrives a render later), and reset whenever `selected` changes from outside.
  const [active, setActive] = useState(selected);
  const [lastSelected, setLastSelected] = useState(selected);
  if (selected !== lastSelected) {
    setLastSelected(selected);
    setActive(selected);
  }
  const position = rows.indexOf(active);
  const isGroup = (k: number) => folded !== undefined && folded.groups[k] === 1;
  /** whether row k shows its span's children (▾) or hides them (▸) */
  const isClosed = (k: number) => isGroup(k) || collapsed.has(rows[k]);

  // A selection made outside the list (search, hotspots, the critical path's gaps) scrolls into
  // view once its row exists; moves inside the list scroll in moveTo.
  const revealed = useRef(-1);
  useEffect(() => {
    const k = rows.indexOf(selected);
    const el = viewport.current;
    if (selected === revealed.current || k < 0 || !el) {
      return;
    }
    revealed.current = selected;
    const top = k * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + height) {
      el.scrollTop = Math.max(0, top - Math.floor(height / 2));
      setScrollTop(el.scrollTop);
    }
  }, [rows, selected, height]);

  const moveTo = useCallback(
    (k: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, k));
      setActive(rows[target]);
      onSelect(rows[target]);
      const el = viewport.current;
      if (el) {
        const top = target * ROW_HEIGHT;
        if (top < el.scrollTop) {
          el.scrollTop = top;
        } else if (top + ROW_HEIGHT > el.scrollTop + height) {
          el.scrollTop = top + ROW_HEIGHT - height;
        }
      }
    },
    [rows, onSelect, height]
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.floor(VIEWPORT_HEIGHT / ROW_HEIGHT);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(position + 1),
      ArrowUp: () => moveTo(position - 1),
      PageDown: () => moveTo(position + page),
      PageUp: () => moveTo(position - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowLeft: () => position >= 0 && !isClosed(position) && hasChildren(analysis, active) && onToggle(active),
      ArrowRight: () => position >= 0 && isClosed(position) && onToggle(active),
      Enter: () => position >= 0 && isGroup(position) && onToggle(active),
    };
    if (moves[e.key]) {
      e.preventDefault();
      moves[e.key]();
    }
  };

  const texts = rowTexts();
  const items: React.ReactNode[] = [];
  for (let k = first; k < last; k++) {
    const i = rows[k];
    // a folded row stands for its subtree: the subtree's time range and summed self time
    const group = isGroup(k) && folded ? foldedGroup(folded.pruning, i) : undefined;
    const start = group ? group.start : spanStart(analysis, i);
    const end = group ? group.end : spanEnd(analysis, i);
    const self = group ? group.selfTime : spanSelfTime(analysis, i);
    const p95 = slowerThanP95(i);
    const closed = isClosed(k);
    const children = hasChildren(analysis, i);
    const critical = mapCriticalSections(sections, i, (from, to, j) => (
      <div key={j} className={styles.critical} style={{ left: pct(from, duration), width: pct(to - from, duration) }} />
    ));
    const service = serviceOf(trace, i);
    const name = nameOf(trace, i);
    const busyIdle = group ? undefined : reported.get(i);
    const idle = busyIdle && idlePart(busyIdle, start, end);
    const foldedSummary = group && foldedText(group);
    const label = group
      ? t('trace.waterfall.folded-row', '{{service}} {{name}}: {{folded}}', {
          service,
          name,
          folded: foldedSummary,
          ...AS_TEXT,
        })
      : busyIdle
        ? t('trace.waterfall.busy-idle-row', '{{service}} {{name}}, {{busyIdle}}', {
            service,
            name,
            busyIdle: busyIdleText(busyIdle),
            ...AS_TEXT,
          })
        : `${service} ${name}`;
    items.push(
      <div
        key={i}
        role="option"
        aria-selected={i === selected}
        aria-label={label}
        className={cx(styles.row, i === selected && styles.selected)}
        style={{ top: k * ROW_HEIGHT }}
        onClick={() => {
          onSelect(i);
          if (group) {
            onToggle(i);
          }
        }}
        data-testid="waterfall-row"
        data-span-index={i}
        data-folded={group ? group.spans : undefined}
        data-critical={critical.length > 0 ? 'true' : undefined}
      >
        <div className={styles.name} style={{ paddingLeft: Math.min(spanDepth(analysis, i), 40) * 12 }}>
          {children ? (
            <button
              type="button"
              tabIndex={-1}
              className={styles.toggle}
              aria-label={closed ? texts.expand : texts.collapse}
              onClick={(e) => {
                e.stopPropagation();
                onToggle(i);
              }}
            >
              {/* eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- glyphs, the same in every language */}
              {closed ? '▸' : '▾'}
            </button>
          ) : (
            <span className={styles.toggleSpace} />
          )}
          <span className={styles.swatch} style={{ background: rowColor(theme, colorOf(i)) }} data-testid="swatch" />
          <span className={styles.service}>{service}</span>
          <span className={styles.op}>{name}</span>
          {group && <span className={styles.folded}>{foldedSummary}</span>}
          {isErrorSpan(trace, i) && (
            <span className={styles.error} title={texts.errorTitle} role="img" aria-label={texts.error}>
              ●
            </span>
          )}
          {p95 !== undefined && (
            <span
              className={styles.slow}
              title={t('trace.waterfall.slow-title', 'Slower than its operation’s p95 ({{p95}})', {
                p95: formatDuration(p95),
                ...AS_TEXT,
              })}
              role="img"
              aria-label={texts.slow}
            >
              ◷
            </span>
          )}
        </div>
        <div
          className={styles.timeline}
          title={
            busyIdle &&
            t(
              'trace.waterfall.busy-idle-title',
              '{{busyIdle}}. The hatched end of the bar is the idle share: when the span was idle is not recorded.',
              { busyIdle: busyIdleText(busyIdle), ...AS_TEXT }
            )
          }
        >
          <div
            className={cx(styles.bar, group && styles.foldedBar)}
            style={{
              left: pct(start, duration),
              width: pct(end - start, duration),
              background: rowColor(theme, colorOf(i)),
            }}
            data-testid="waterfall-bar"
          />
          {idle && (
            <div
              className={styles.idle}
              style={{ left: pct(idle[0], duration), width: pct(idle[1] - idle[0], duration) }}
              data-testid="idle-shading"
            />
          )}
          {critical}
        </div>
        <div className={styles.numbers}>
          <span title={group ? texts.foldedDuration : texts.duration}>{formatDuration(end - start)}</span>
          <span className={styles.self} title={group ? texts.foldedSelfTime : texts.selfTime}>
            {formatDuration(self)}
          </span>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.wrap}>
      <div className={styles.header} aria-hidden>
        <span>{t('trace.waterfall.service-and-span', 'Service and span')}</span>
        <div className={styles.axis}>
          {[0, 0.25, 0.5, 0.75, 1].map((f) => (
            <span key={f} className={styles.tick} style={{ left: `${f * 100}%` }}>
              {formatDuration(duration * f)}
            </span>
          ))}
        </div>
        <span className={styles.numbersHead}>{t('trace.waterfall.numbers-head', 'duration · self')}</span>
      </div>
      <div
        ref={viewport}
        className={styles.viewport}
        style={{ height }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        tabIndex={0}
        role="listbox"
        aria-label={
          folded
            ? t('trace.waterfall.label-rows', '', {
                count: rows.length,
                defaultValue_one: 'Waterfall: {{count}} row; arrow keys move, left and right collapse and expand',
                defaultValue_other: 'Waterfall: {{count}} rows; arrow keys move, left and right collapse and expand',
              })
            : t('trace.waterfall.label-spans', '', {
                count: rows.length,
                defaultValue_one: 'Waterfall: {{count}} span; arrow keys move, left and right collapse and expand',
                defaultValue_other: 'Waterfall: {{count}} spans; arrow keys move, left and right collapse and expand',
              })
        }
        onKeyDown={onKeyDown}
        data-testid="waterfall"
      >
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>{items}</div>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const grid = { display: 'grid', gridTemplateColumns: 'minmax(200px, 34%) 1fr 150px', alignItems: 'center' };
  return {
    wrap: css({ border: `1px solid ${theme.colors.border.weak}`, borderRadius: theme.shape.radius.default }),
    header: css({
      ...grid,
      height: 28,
      padding: theme.spacing(0, 1),
      fontSize: theme.typography.bodySmall.fontSize,
      color: theme.colors.text.secondary,
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    }),
    axis: css({ position: 'relative', height: '100%' }),
    tick: css({
      position: 'absolute',
      top: 6,
      transform: 'translateX(-50%)',
      whiteSpace: 'nowrap',
      '&:first-child': { transform: 'none' },
      '&:last-child': { transform: 'translateX(-100%)' },
    }),
    numbersHead: css({ textAlign: 'right' }),
    viewport: css({
      overflowY: 'auto',
      position: 'relative',
      // Grafana's global `* { box-sizing: inherit }` makes every row's elements restyle with their
      // parent, which tripled the style work of each scroll step; a value of their own ends that
      '& *': { boxSizing: 'border-box' },
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
    }),
    row: css({
      ...grid,
      // each row's layout and paint stay inside it, so swapping rows while scrolling stays cheap
      contain: 'strict',
      position: 'absolute',
      left: 0,
      right: 0,
      height: ROW_HEIGHT,
      padding: theme.spacing(0, 1),
      fontSize: theme.typography.bodySmall.fontSize,
      cursor: 'pointer',
      '&:hover': { background: theme.colors.action.hover },
    }),
    selected: css({
      background: theme.colors.action.selected,
      '&:hover': { background: theme.colors.action.selected },
    }),
    name: css({
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      overflow: 'hidden',
      whiteSpace: 'nowrap',
    }),
    toggle: css({
      background: 'none',
      border: 'none',
      padding: 0,
      color: theme.colors.text.secondary,
      width: 16,
      cursor: 'pointer',
    }),
    toggleSpace: css({ width: 16, flexShrink: 0 }),
    swatch: css({ width: 4, height: 14, borderRadius: 1, flexShrink: 0 }),
    service: css({ fontWeight: theme.typography.fontWeightMedium }),
    op: css({ color: theme.colors.text.secondary, overflow: 'hidden', textOverflow: 'ellipsis' }),
    error: css({ color: theme.colors.error.text, flexShrink: 0 }),
    slow: css({ color: theme.colors.warning.text, flexShrink: 0 }),
    timeline: css({ position: 'relative', height: '100%' }),
    bar: css({ position: 'absolute', top: 7, height: 10, minWidth: 1, borderRadius: 1, opacity: 0.55 }),
    foldedBar: css({ opacity: 0.3, outline: `1px dashed ${theme.colors.text.secondary}` }),
    // stripes of the page's background over the bar's end: lighter in the light theme, darker in the dark
    idle: css({
      position: 'absolute',
      top: 7,
      height: 10,
      pointerEvents: 'none',
      background: `repeating-linear-gradient(135deg, ${theme.colors.background.primary} 0 2px, transparent 2px 4px)`,
      opacity: 0.8,
    }),
    folded: css({
      flexShrink: 0,
      color: theme.colors.text.secondary,
      fontStyle: 'italic',
    }),
    critical: css({
      position: 'absolute',
      top: 5,
      height: 14,
      minWidth: 1,
      border: `2px solid ${theme.colors.text.primary}`,
      borderRadius: 2,
    }),
    numbers: css({
      display: 'flex',
      justifyContent: 'flex-end',
      gap: theme.spacing(1),
      fontVariantNumeric: 'tabular-nums',
    }),
    self: css({ color: theme.colors.text.secondary }),
  };
};
