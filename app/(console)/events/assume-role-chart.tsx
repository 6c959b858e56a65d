"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AssumeRolePoint } from "@/lib/cloudtrail";

function label(t: string, bucket: "hour" | "day"): string {
  return bucket === "hour" ? `${t.slice(5, 10)} ${t.slice(11, 16)}` : t.slice(0, 10);
}

/** Role assumptions per bucket, stacked by kind, with failures beside them. Receives plain data only. */
export function AssumeRoleChart({ points, bucket }: { points: AssumeRolePoint[]; bucket: "hour" | "day" }) {
  const data = points.map((p) => ({ ...p, label: label(p.t, bucket) }));
  return (
    <div style={{ width: "100%", height: 260 }} aria-label="AssumeRole activity chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={11} minTickGap={16} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          <Bar dataKey="assumeRole" name="AssumeRole" stackId="calls" fill="#1d4ed8" />
          <Bar dataKey="assumeRoleWithSaml" name="AssumeRoleWithSAML" stackId="calls" fill="#60a5fa" />
          <Bar dataKey="failed" name="Failed" fill="#b91c1c" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
