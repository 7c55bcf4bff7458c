export interface ColumnChartItem {
  id: string;
  /** Under the column, short (« 3 mars »); only some are written when there are many columns. */
  label: string;
  value: number;
  /** What a pointer shows on the column, e.g. « Semaine du 3 mars : 12 participants ». */
  title: string;
}

export interface ColumnChartProps {
  /** What the chart says in one sentence (its accessible name): the table that goes with it holds every value. */
  label: string;
  items: ColumnChartItem[];
  /** The numbers of the vertical axis, in the UI language. */
  formatValue: (value: number) => string;
  caption?: string;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 8, bottom: 30, left: 48 };
/** Axis labels written under the columns at most. */
const MAX_LABELS = 8;

/** A round step for an axis reaching `max` in about four steps (whole numbers: the figures are counts). */
export function axisStep(max: number): number {
  if (max <= 4) return 1;
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return Math.max(1, Math.ceil(nice * power));
}

/**
 * Vertical columns over time (one a week), drawn in SVG: one image for assistive technologies, named by a summary
 * and with a <title>; each column has its own <title> for pointer users. Everything is SVG attributes and classes, so
 * the strict CSP has nothing to say; the table beside it is the accessible content.
 */
export function ColumnChart({ label, items, formatValue, caption }: ColumnChartProps) {
  const max = Math.max(0, ...items.map((item) => item.value));
  const step = axisStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = items.length > 0 ? plotWidth / items.length : plotWidth;
  const barWidth = Math.max(1, band * 0.7);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const every = Math.ceil(items.length / MAX_LABELS);
  return (
    <figure className="column-chart">
      <svg className="column-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <title>{label}</title>
        {ticks.map((tick) => (
          <g key={tick} className="column-chart__tick">
            <line className="column-chart__grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text className="column-chart__axis-label" x={MARGIN.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {items.map((item, index) => {
          const x = MARGIN.left + index * band + (band - barWidth) / 2;
          const height = y(0) - y(item.value);
          return (
            <g key={item.id} className="column-chart__column">
              {/* The whole band answers the pointer, so a zero week has its tooltip too. */}
              <rect className="column-chart__hit" x={MARGIN.left + index * band} y={MARGIN.top} width={band} height={plotHeight}>
                <title>{item.title}</title>
              </rect>
              {item.value > 0 ? (
                <rect className="column-chart__bar" x={x} y={y(item.value)} width={barWidth} height={height}>
                  <title>{item.title}</title>
                </rect>
              ) : null}
              {index % every === 0 ? (
                <text className="column-chart__axis-label" x={x + barWidth / 2} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
                  {item.label}
                </text>
              ) : null}
            </g>
          );
        })}
        <line className="column-chart__axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
      </svg>
      {caption ? <figcaption className="column-chart__caption">{caption}</figcaption> : null}
    </figure>
  );
}
