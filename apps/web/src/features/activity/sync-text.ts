import type { SyncPhase, SyncProgress } from "@wc/contracts";
import { troubleshootingFor } from "../../components/ui/troubleshooting-entry";

/** Phases in which rows are being fetched right now: the page polls the status while one lasts. */
export const isSyncRunning = (phase: SyncPhase) => phase === "backfilling" || phase === "polling";

/** How much of the window from→to is stored (every row before `coveredUntil` is), from 0 to 1. */
export function coveredFraction(progress: SyncProgress): number {
  const from = Date.parse(progress.from);
  const span = Date.parse(progress.to) - from;
  const covered = Date.parse(progress.coveredUntil) - from;
  if (!(span > 0) || Number.isNaN(covered)) return 0;
  return Math.min(1, Math.max(0, covered / span));
}

const UNITS = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
] as const;

/** The window's length in its largest whole unit: "7 days", "3 hours", "1 minute". */
export function describeSpan(fromIso: string, toIso: string): string {
  const ms = Math.max(0, Date.parse(toIso) - Date.parse(fromIso));
  for (const [unit, size] of UNITS) {
    if (ms >= size) {
      const n = Math.round(ms / size);
      return `${n} ${unit}${n === 1 ? "" : "s"}`;
    }
  }
  return "less than a minute";
}

/** What someone has to do before a blocked sync can go on. */
export function blockedAdvice(reasonCode: string | null): string {
  const entry = troubleshootingFor(reasonCode);
  if (entry === null) return "contact support and quote the reason code.";
  if (entry.reconnect || entry.status === "disconnected") return "an admin has to reconnect this connector.";
  return "fix the cause in Workday as the steps below say.";
}
