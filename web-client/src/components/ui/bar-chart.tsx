export interface BarChartItem {
  id: string;
  label: string;
  value: number;
  /** The value as people read it, e.g. « 12 votes » or « 8 paniers · financée ». */
  valueText: string;
  /** `strong` bars are filled, `soft` ones only outlined (with the words in `valueText`, never told by colour alone). */
  tone?: 'strong' | 'soft';
}

export interface BarChartProps {
  /** What the chart says in one sentence (its accessible name): the table beside it holds every figure. */
  label: string;
  items: BarChartItem[];
  caption?: string;
}

/**
 * Horizontal bars for a results page. One image for assistive technologies, named by a summary; the table
 * that goes with it is the accessible content. Bars are SVG attributes, so the strict CSP has nothing to say.
 */
export function BarChart({ label, items, caption }: BarChartProps) {
  const max = Math.max(0, ...items.map((item) => item.value));
  return (
    <figure className="bar-chart">
      <div className="bar-chart__plot" role="img" aria-label={label}>
        {items.map((item) => {
          const width = max > 0 ? Math.max(0.5, (item.value / max) * 100) : 0;
          return (
            <div className="bar-chart__row" key={item.id}>
              <span className="bar-chart__label">{item.label}</span>
              <svg className="bar-chart__track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                {item.value > 0 ? (
                  <rect className={`bar-chart__bar bar-chart__bar--${item.tone ?? 'strong'}`} x="0" y="0" width={width} height="10" />
                ) : null}
              </svg>
              <span className="bar-chart__value">{item.valueText}</span>
            </div>
          );
        })}
      </div>
      {caption ? <figcaption className="bar-chart__caption">{caption}</figcaption> : null}
    </figure>
  );
}
