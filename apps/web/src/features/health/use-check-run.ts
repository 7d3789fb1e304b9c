import type { CheckResult, CheckStreamLine, Connector } from "@wc/contracts";
import { useRef, useState } from "react";
import { useRevalidator } from "react-router";
import { ApiError } from "../../lib/api-client";
import { streamChecks } from "./api/stream-checks";

/** Where the lines come from: the console's route (a session), or the hand-off page's (its results ticket). */
export type CheckStream = (connectorId: string, onLine: (line: CheckStreamLine) => void) => Promise<void>;

/** One run of the live checks, as far as the stream has got. */
export type CheckRun =
  | { kind: "idle" }
  | { kind: "running"; checks: CheckResult[] }
  | { kind: "done"; checks: CheckResult[]; connector: Connector }
  | { kind: "failed"; checks: CheckResult[]; message: string; requestId?: string | undefined };

const ENDED_EARLY = "The checks stopped before they finished. Run them again; if it keeps happening, download the diagnostics for support.";

function withCheck(checks: CheckResult[], check: CheckResult): CheckResult[] {
  return [...checks.filter((c) => c.id !== check.id), check];
}

function failed(error: unknown, checks: CheckResult[]): CheckRun {
  if (error instanceof ApiError) return { kind: "failed", checks, message: error.message, requestId: error.requestId };
  return { kind: "failed", checks, message: ENDED_EARLY };
}

/**
 * Runs the checks with the NDJSON stream and keeps each result as it lands, so the page can show
 * them live. This is the one piece of server data outside a loader: a stream cannot go through an
 * action. `revalidate` re-reads the route's loaders when the run ends (the connector page), so the
 * stored status and checks take over from the live ones; the Done step keeps its own result.
 */
export function useCheckRun(connectorId: string, { revalidate, stream = streamChecks }: { revalidate: boolean; stream?: CheckStream }) {
  const [run, setRun] = useState<CheckRun>({ kind: "idle" });
  const latest = useRef(0);
  const revalidator = useRevalidator();

  async function perform(runId: number) {
    const show = (next: CheckRun) => {
      if (latest.current === runId) setRun(next);
    };
    let checks: CheckResult[] = [];
    let outcome: CheckRun | null = null;
    const onLine = (line: CheckStreamLine) => {
      if (line.type === "check") {
        checks = withCheck(checks, line.check);
        show({ kind: "running", checks });
      } else if (line.type === "done") outcome = { kind: "done", checks, connector: line.connector };
      else outcome = { kind: "failed", checks, message: line.message };
    };
    try {
      await stream(connectorId, onLine);
    } catch (error) {
      outcome = failed(error, checks);
    }
    if (revalidate) await revalidator.revalidate();
    show(outcome ?? { kind: "failed", checks, message: ENDED_EARLY });
  }

  function start() {
    if (run.kind === "running") return;
    latest.current += 1;
    setRun({ kind: "running", checks: [] });
    void perform(latest.current);
  }

  return { run, start, running: run.kind === "running" };
}

export type CheckRunControl = ReturnType<typeof useCheckRun>;
