"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActivityDay } from "./load-dashboard";

/** Role assumptions per UTC day, failures beside them, with axes: the trend and its scale. Receives plain data only. */
export function AssumeRoleChart({ days }: { days: ActivityDay[] }) {
  return (
    <div style={{ width: "100%", height: 180 }} role="img" aria-label={`AssumeRole calls per day over the last ${days.length} days`}>
      <ResponsiveContainer>
        <AreaChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" fontSize={11} minTickGap={24} tickFormatter={(day: string) => day.slice(5)} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip labelFormatter={(day) => `${String(day)} (UTC)`} />
          <Legend />
          <Area type="monotone" dataKey="calls" name="AssumeRole calls" stroke="#1d4ed8" fill="#bfdbfe" isAnimationActive={false} />
          <Area type="monotone" dataKey="failed" name="Failed" stroke="#b91c1c" fill="#fecaca" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
