"use client";

import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import type { ActivityDay } from "./load-dashboard";

/** Role assumptions per day, with failures beneath: a trend at a glance. Receives plain data only. */
export function AssumeRoleSparkline({ days }: { days: ActivityDay[] }) {
  return (
    <div style={{ width: "100%", height: 80 }} role="img" aria-label="AssumeRole calls per day over the last 14 days">
      <ResponsiveContainer>
        <AreaChart data={days} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
          <XAxis dataKey="day" hide />
          <Tooltip labelFormatter={(day) => String(day)} />
          <Area type="monotone" dataKey="calls" name="AssumeRole calls" stroke="#1d4ed8" fill="#bfdbfe" isAnimationActive={false} />
          <Area type="monotone" dataKey="failed" name="Failed" stroke="#b91c1c" fill="#fecaca" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
