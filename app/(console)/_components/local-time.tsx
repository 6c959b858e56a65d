"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatLocalDateTime } from "./format";

/**
 * A timestamp in the reader's time zone, UTC on hover. The server (which cannot know the zone)
 * and the first client render both write UTC, so hydration matches; the effect then swaps in the
 * local time.
 */
export function LocalTime({ iso, fallback = "—" }: { iso: string | Date | null | undefined; fallback?: string }) {
  const value = iso instanceof Date ? iso.toISOString() : iso;
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    // Swapping after mount is the point: the first render must equal the server's UTC text.
    if (value) setLocal(formatLocalDateTime(value));
  }, [value]);
  if (!value) return <>{fallback}</>;
  const utc = formatDateTime(value);
  return (
    <time dateTime={value} title={utc} className="vg-time">
      {local ?? utc}
    </time>
  );
}
