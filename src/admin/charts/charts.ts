/**
 * The charts, one function each, from the numbers a page already shows in its table: what
 * is drawn is never computed anywhere else. Each takes the Plot module (loaded lazily), the
 * width to draw at and the texts in the reader's language.
 */
import type { PlotModule } from './PlotFigure';

/** Five points from "very bad" to "very good": red, grey in the middle, blue (colour-blind safe). */
export const RATING_COLOURS = ['#b2182b', '#ef8a62', '#bdbdbd', '#67a9cf', '#2166ac'];
export const NPS_COLOURS = { detractors: '#b2182b', passives: '#bdbdbd', promoters: '#2166ac' };
export const BAR_COLOUR = '#1d4f91';
export const GAP_BAND_COLOUR = '#cfe0f5';
const FONT = 'system-ui, sans-serif';

export interface Segment {
  label: string;
  count: number;
  colour: string;
}

/**
 * A diverging stacked bar: the points below the middle left of the centre line, those
 * above it right, and the middle point split in half across it. Shares of those who
 * answered with a point.
 */
export function divergingBar(
  Plot: PlotModule,
  segments: Segment[],
  width: number,
  percent: (share: number) => string,
) {
  const total = segments.reduce((sum, s) => sum + s.count, 0) || 1;
  const shares = segments.map((s) => s.count / total);
  const middle = Math.floor(segments.length / 2);
  const odd = segments.length % 2 === 1;
  const half = odd ? (shares[middle] ?? 0) / 2 : 0;
  const rects: { x1: number; x2: number; colour: string; share: number; label: string }[] = [];
  let left = -half;
  for (let i = (odd ? middle : middle) - 1; i >= 0; i--) {
    const share = shares[i] ?? 0;
    rects.push({
      x1: left - share,
      x2: left,
      colour: segments[i]?.colour ?? '',
      share,
      label: segments[i]?.label ?? '',
    });
    left -= share;
  }
  if (odd) {
    const s = segments[middle];
    rects.push({
      x1: -half,
      x2: half,
      colour: s?.colour ?? '',
      share: shares[middle] ?? 0,
      label: s?.label ?? '',
    });
  }
  let right = half;
  for (let i = odd ? middle + 1 : middle; i < segments.length; i++) {
    const share = shares[i] ?? 0;
    rects.push({
      x1: right,
      x2: right + share,
      colour: segments[i]?.colour ?? '',
      share,
      label: segments[i]?.label ?? '',
    });
    right += share;
  }
  const reach = Math.max(0.5, Math.ceil(Math.max(-left, right) * 10) / 10);
  return Plot.plot({
    width,
    height: 90,
    marginLeft: 10,
    marginRight: 10,
    style: { fontFamily: FONT, fontSize: '13px' },
    x: { domain: [-reach, reach], tickFormat: (d: number) => percent(Math.abs(d)), label: null },
    y: { axis: null },
    marks: [
      Plot.rectX(rects, { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: 'colour', inset: 0.5 }),
      Plot.text(
        rects.filter((r) => r.share >= 0.06),
        {
          x: (r: { x1: number; x2: number }) => (r.x1 + r.x2) / 2,
          y: 0.5,
          text: (r: { share: number }) => percent(r.share),
          fill: (r: { colour: string }) => (r.colour === RATING_COLOURS[2] ? '#1b1f24' : '#ffffff'),
          fontWeight: 600,
        },
      ),
      Plot.ruleX([0], { stroke: '#1b1f24', strokeWidth: 2 }),
    ],
  });
}

/** One bar split into bands (NPS: detractors, passives, promoters), shares of the whole. */
export function bandBar(
  Plot: PlotModule,
  segments: Segment[],
  width: number,
  percent: (share: number) => string,
) {
  const total = segments.reduce((sum, s) => sum + s.count, 0) || 1;
  let at = 0;
  const rects = segments.map((s) => {
    const share = s.count / total;
    const rect = { x1: at, x2: at + share, share, colour: s.colour };
    at += share;
    return rect;
  });
  return Plot.plot({
    width,
    height: 90,
    marginLeft: 10,
    marginRight: 16,
    style: { fontFamily: FONT, fontSize: '13px' },
    x: { domain: [0, 1], tickFormat: (d: number) => percent(d), label: null },
    y: { axis: null },
    marks: [
      Plot.rectX(rects, { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: 'colour', inset: 0.5 }),
      Plot.text(
        rects.filter((r) => r.share >= 0.06),
        {
          x: (r: { x1: number; x2: number }) => (r.x1 + r.x2) / 2,
          y: 0.5,
          text: (r: { share: number }) => percent(r.share),
          fill: (r: { colour: string }) =>
            r.colour === NPS_COLOURS.passives ? '#1b1f24' : '#ffffff',
          fontWeight: 600,
        },
      ),
    ],
  });
}

export interface ShareRow {
  label: string;
  share: number;
  low: number | null;
  high: number | null;
}

/** Horizontal bars of shares, each with its 95% interval as a line across its end. */
export function shareBars(
  Plot: PlotModule,
  rows: ShareRow[],
  width: number,
  percent: (share: number) => string,
) {
  const longest = Math.max(...rows.map((r) => r.label.length), 4);
  const marginLeft = Math.min(Math.round(width * 0.4), 12 + longest * 7);
  const top = Math.min(1, Math.max(0.2, ...rows.map((r) => r.high ?? r.share)) + 0.08);
  return Plot.plot({
    width,
    height: 28 * rows.length + 40,
    marginLeft,
    marginRight: 48,
    style: { fontFamily: FONT, fontSize: '13px' },
    x: { domain: [0, top], tickFormat: (d: number) => percent(d), label: null, grid: true },
    y: {
      domain: rows.map((r) => r.label),
      label: null,
      tickFormat: (label: string) =>
        label.length * 7 > marginLeft - 12
          ? `${label.slice(0, Math.floor((marginLeft - 16) / 7))}…`
          : label,
    },
    marks: [
      Plot.barX(rows, { x: 'share', y: 'label', fill: BAR_COLOUR, inset: 3 }),
      Plot.ruleY(
        rows.filter((r) => r.low !== null && r.high !== null),
        { y: 'label', x1: 'low', x2: 'high', stroke: '#1b1f24', strokeWidth: 2 },
      ),
      Plot.text(rows, {
        x: (r: ShareRow) => r.high ?? r.share,
        y: 'label',
        text: (r: ShareRow) => percent(r.share),
        dx: 6,
        textAnchor: 'start',
        fill: '#1b1f24',
      }),
      Plot.ruleX([0]),
    ],
  });
}

export interface GapLine {
  minimum: number;
  desired: number;
  perceived: number;
  perceivedLow: number | null;
  perceivedHigh: number | null;
}

/**
 * A gap item on its 1–9 scale: the band from the minimum mean to the desired mean (the zone
 * of tolerance), and the perceived mean marked on it with its 95% interval. Only numbers
 * are drawn; the survey's long labels are in the legend above and in the table.
 */
export function gapBand(
  Plot: PlotModule,
  line: GapLine,
  width: number,
  decimal: (value: number) => string,
) {
  const low = Math.min(line.minimum, line.desired);
  const high = Math.max(line.minimum, line.desired);
  return Plot.plot({
    width,
    height: 130,
    marginLeft: 16,
    marginRight: 16,
    marginTop: 24,
    style: { fontFamily: FONT, fontSize: '13px' },
    x: { domain: [1, 9], ticks: 9, label: null, grid: true },
    y: { axis: null, domain: [0, 1] },
    marks: [
      Plot.rectX([{ low, high }], {
        x1: 'low',
        x2: 'high',
        y1: 0.4,
        y2: 0.9,
        fill: GAP_BAND_COLOUR,
        stroke: BAR_COLOUR,
      }),
      Plot.text([{ x: line.minimum, t: decimal(line.minimum) }], {
        x: 'x',
        y: 0.9,
        text: 't',
        dy: -10,
        textAnchor: 'end',
        fill: '#1b1f24',
      }),
      Plot.text([{ x: line.desired, t: decimal(line.desired) }], {
        x: 'x',
        y: 0.9,
        text: 't',
        dy: -10,
        textAnchor: 'start',
        fill: '#1b1f24',
      }),
      ...(line.perceivedLow !== null && line.perceivedHigh !== null
        ? [
            Plot.ruleY([{ a: line.perceivedLow, b: line.perceivedHigh }], {
              x1: 'a',
              x2: 'b',
              y: 0.65,
              stroke: '#1b1f24',
              strokeWidth: 2,
            }),
          ]
        : []),
      Plot.dot([{ x: line.perceived }], {
        x: 'x',
        y: 0.65,
        r: 7,
        fill: '#1b1f24',
        symbol: 'diamond',
      }),
      Plot.text([{ x: line.perceived, t: decimal(line.perceived) }], {
        x: 'x',
        y: 0.4,
        text: 't',
        dy: 14,
        fill: '#1b1f24',
        fontWeight: 700,
      }),
    ],
  });
}

/** At most `count` of the values, evenly spaced, the first always among them. */
function everyNth<T>(values: T[], count: number): T[] {
  const step = Math.max(1, Math.ceil(values.length / count));
  return values.filter((_, i) => i % step === 0);
}

export interface TrendPoint {
  start: Date;
  responses: number;
  completed: number;
}

/** Responses and completed responses per day, week or month. */
export function trendLines(
  Plot: PlotModule,
  points: TrendPoint[],
  width: number,
  labels: { responses: string; completed: string },
  tickFormat: (date: Date) => string,
  integer: (value: number) => string,
) {
  const series = points.flatMap((p) => [
    { start: p.start, value: p.responses, series: labels.responses },
    { start: p.start, value: p.completed, series: labels.completed },
  ]);
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 48,
    style: { fontFamily: FONT, fontSize: '13px' },
    // Explicit ticks on the points themselves, as many as fit: Plot's own choice of a time
    // axis's ticks ignores how long a label is in the reader's language.
    x: {
      type: 'utc',
      label: null,
      tickFormat,
      ticks: everyNth(
        points.map((p) => p.start),
        Math.max(2, Math.floor(width / 120)),
      ),
    },
    y: { label: null, grid: true, zero: true, tickFormat: integer },
    color: { domain: [labels.responses, labels.completed], range: [BAR_COLOUR, '#ef8a62'] },
    marks: [
      Plot.lineY(series, {
        x: 'start',
        y: 'value',
        stroke: 'series',
        strokeWidth: 2.5,
        marker: points.length < 40 ? 'circle-stroke' : null,
      }),
      Plot.ruleY([0]),
    ],
  });
}
