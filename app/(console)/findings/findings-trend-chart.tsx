"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendPoint = { label: string; critical: number; high: number; medium: number; low: number; info: number };

const SERIES = [
  { key: "critical", color: "#7f1d1d" },
  { key: "high", color: "#b91c1c" },
  { key: "medium", color: "#b45309" },
  { key: "low", color: "#1d4ed8" },
  { key: "info", color: "#64748b" },
] as const;

/** Open findings after each evaluated snapshot, stacked by severity. Receives plain data only. */
export function FindingsTrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <div style={{ width: "100%", height: 240 }} aria-label="Open findings trend chart">
      <ResponsiveContainer>
        <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={11} minTickGap={16} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          {SERIES.map((series) => (
            <Area
              key={series.key}
              type="stepAfter"
              dataKey={series.key}
              name={series.key}
              stackId="open"
              stroke={series.color}
              fill={series.color}
              fillOpacity={0.35}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
