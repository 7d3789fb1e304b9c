import type { AlertListResponse, AlertStatus } from "@wc/contracts";
import { useLayoutEffect, useRef } from "react";
import { Form, useNavigation } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { TextAreaField } from "../../../components/ui/text-area-field";
import { formatCount } from "../../../lib/numbers";
import type { AlertActionResult } from "../alert-intents";
import type { AlertFilterValues } from "../alert-search";
import { DoneMessage } from "./done-message";

const FILTERS = ["policyId", "severity", "connectorId", "account"] as const;

/**
 * Admins only: every alert the filters match with the status shown (open, unless the list is
 * filtered to resolved or dismissed ones), on every page, changed at once with one note. The
 * count shown goes with the request: if a different number matches by then (an alert raised or
 * changed meanwhile), nothing changes and the admin is told.
 */
export function AlertBulkForm({
  counts,
  values,
  result,
}: {
  counts: AlertListResponse["counts"];
  values: AlertFilterValues;
  result: AlertActionResult | undefined;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const from: AlertStatus = values.status === "resolved" || values.status === "dismissed" ? values.status : "open";
  const n = counts[from];
  const problem = result && !result.ok ? result.problem : undefined;
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (problem?.fields.note) form.current?.querySelector("textarea")?.focus();
  }, [problem]);
  const done = result?.ok ? <DoneMessage message={result.message} /> : null;
  if (n === 0) return done;
  const all = `${formatCount(n)} ${from} alert${n === 1 ? "" : "s"}`;
  return (
    <>
      {done}
      <details className="advanced" open={problem ? true : undefined}>
        <summary>{from === "open" ? `Resolve or dismiss all ${all}` : `Reopen all ${all}`}</summary>
        <p className="muted">
          Every {from} alert these filters match, on every page, not only the ones listed. If that number has changed when you press the button, nothing changes
          and you are told.
        </p>
        {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
        <Form method="post" noValidate ref={form}>
          {FILTERS.map((name) => (values[name] ? <input key={name} type="hidden" name={name} value={values[name]} /> : null))}
          <input type="hidden" name="from" value={from} />
          <input type="hidden" name="count" value={n} />
          {from === "open" ? (
            <>
              <TextAreaField
                label="Note for all"
                name="note"
                rows={2}
                hint="Why they are resolved or dismissed: the note goes into the audit log."
                error={problem?.fields.note}
              />
              <div className="actions">
                <button type="submit" name="status" value="resolved" className="button-primary" disabled={busy}>
                  Resolve all {formatCount(n)}
                </button>
                <button type="submit" name="status" value="dismissed" disabled={busy}>
                  Dismiss all {formatCount(n)}
                </button>
              </div>
            </>
          ) : (
            <div className="actions">
              <button type="submit" name="status" value="open" disabled={busy}>
                Reopen all {formatCount(n)}
              </button>
            </div>
          )}
        </Form>
      </details>
    </>
  );
}
