"use client";

import { useEffect, useState } from "react";

/** `1:02:03` / `4:05` left until `until`, ticking each second; "ended" once it has passed. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return "ended";
  const total = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function Countdown({ until }: { until: string }) {
  const end = new Date(until).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  // The server renders no number (its clock is not the reader's); the client fills it in at once.
  return (
    <span data-testid="countdown" className="inv-mono">
      {now === null ? "…" : formatRemaining(end - now)}
    </span>
  );
}
