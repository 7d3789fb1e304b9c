import { useState } from "react";
import { DateTime } from "./date-time";

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "3 days ago", "in 2 hours": the largest whole unit, so the reader sees at a glance how long it was. */
export function describeRelative(value: Date, now: Date): string {
  const seconds = (value.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(0, "second");
}

/** A server timestamp as "3 days ago (21 Nov 2026, 10:00)". */
export function RelativeTime({ value }: { value: string }) {
  const [now] = useState(() => new Date());
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return (
    <>
      {describeRelative(date, now)} (<DateTime value={value} />)
    </>
  );
}
