import { DateTime } from "./date-time";

/** An instant to the second, for logs read side by side ("21 Nov 2026, 10:00:05 UTC"); the same format as DateTime. */
export function UtcTime({ value, seconds = true }: { value: string; seconds?: boolean }) {
  return <DateTime value={value} seconds={seconds} />;
}
