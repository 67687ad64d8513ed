/**
 * A horizontal grouped bar chart as plain SVG: one group per row (a length bucket, a period …),
 * one bar per series (women, men). Not colour alone: each series has its own pattern (solid,
 * striped) shown in the legend, and every bar carries its number as a direct label. The SVG is an
 * image with a title and a description; the table beside it carries the same data for screen
 * readers and keyboard users.
 */
import { useId } from "react";

export interface ChartSeries {
  label: string;
  style: "solid" | "striped";
}

export interface ChartGroup {
  label: string;
  /** One value per series; null = suppressed (no bar, "dolt" as its label). */
  values: (number | null)[];
}

const texts = {
  hidden: "dolt",
};

const layout = { labelWidth: 190, barHeight: 14, barGap: 2, groupGap: 10, valueWidth: 52, width: 600 };
const colours = { solid: "#1c4f8a", stripe: "#9a3412", text: "#212529", axis: "#495057" };

function Swatch({
  style,
  patternId,
  x,
  y,
}: {
  style: ChartSeries["style"];
  patternId: string;
  x: number;
  y: number;
}) {
  return style === "solid" ? (
    <rect x={x} y={y} width={14} height={14} fill={colours.solid} />
  ) : (
    <rect x={x} y={y} width={14} height={14} fill={`url(#${patternId})`} stroke={colours.stripe} />
  );
}

export function BarChart({
  title,
  description,
  series,
  groups,
}: {
  title: string;
  description: string;
  series: ChartSeries[];
  groups: ChartGroup[];
}) {
  const id = useId();
  const patternId = `${id}-stripes`;
  const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const plotWidth = layout.width - layout.labelWidth - layout.valueWidth;
  const groupHeight = series.length * (layout.barHeight + layout.barGap) + layout.groupGap;
  const legendHeight = 24;
  const height = legendHeight + groups.length * groupHeight + 4;

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${layout.width} ${height}`}
      width="100%"
      style={{ maxWidth: layout.width, display: "block" }}
      fontSize={12}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern
          id={patternId}
          width={6}
          height={6}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width={6} height={6} fill="#ffffff" />
          <rect width={3} height={6} fill={colours.stripe} />
        </pattern>
      </defs>
      <g aria-hidden="true">
        {series.map((s, index) => (
          <g key={s.label} transform={`translate(${layout.labelWidth + index * 110}, 2)`}>
            <Swatch style={s.style} patternId={patternId} x={0} y={0} />
            <text x={20} y={11} fill={colours.text}>
              {s.label}
            </text>
          </g>
        ))}
        {groups.map((group, g) => {
          const top = legendHeight + g * groupHeight;
          const middle = top + (series.length * (layout.barHeight + layout.barGap)) / 2;
          return (
            <g key={group.label}>
              <text x={layout.labelWidth - 8} y={middle + 4} textAnchor="end" fill={colours.text}>
                {group.label}
              </text>
              {group.values.map((value, index) => {
                const y = top + index * (layout.barHeight + layout.barGap);
                const width = value === null ? 0 : (value / max) * plotWidth;
                const s = series[index]!;
                return (
                  <g key={s.label}>
                    {width > 0 && (
                      <rect
                        x={layout.labelWidth}
                        y={y}
                        width={width}
                        height={layout.barHeight}
                        fill={s.style === "solid" ? colours.solid : `url(#${patternId})`}
                        stroke={s.style === "solid" ? undefined : colours.stripe}
                      />
                    )}
                    <text x={layout.labelWidth + width + 4} y={y + layout.barHeight - 3} fill={colours.text}>
                      {value === null ? texts.hidden : value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line
          x1={layout.labelWidth}
          x2={layout.labelWidth}
          y1={legendHeight - 2}
          y2={height}
          stroke={colours.axis}
        />
      </g>
    </svg>
  );
}
