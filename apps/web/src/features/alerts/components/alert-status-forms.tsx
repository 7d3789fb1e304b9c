import type { AlertDetail } from "@wc/contracts";
import { useLayoutEffect, useRef } from "react";
import { Form, useNavigation } from "react-router";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { TextAreaField } from "../../../components/ui/text-area-field";
import type { AlertActionResult } from "../alert-intents";
import { DoneMessage } from "./done-message";

/**
 * Admins only: an open alert is resolved (it was real and dealt with) or dismissed (not a
 * problem), each with a note for the audit log; a closed one can be reopened.
 */
export function AlertStatusForms({ alert, result }: { alert: AlertDetail; result: AlertActionResult | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const problem = result && !result.ok ? result.problem : undefined;
  const note = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (problem?.fields.note) note.current?.querySelector("textarea")?.focus();
  }, [problem]);
  return (
    <section aria-labelledby="alert-actions-heading">
      <h2 id="alert-actions-heading">Actions</h2>
      {result?.ok ? <DoneMessage message={result.message} /> : null}
      {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      {alert.status === "open" ? (
        <Form method="post" noValidate ref={note}>
          <TextAreaField
            label="Note"
            name="note"
            rows={3}
            hint="Why it is resolved or dismissed: the note goes into the audit log."
            error={problem?.fields.note ?? problem?.fields.status}
          />
          <div className="actions">
            <button type="submit" name="status" value="resolved" className="button-primary" disabled={busy}>
              Resolve
            </button>
            <button type="submit" name="status" value="dismissed" disabled={busy}>
              Dismiss
            </button>
          </div>
        </Form>
      ) : (
        <Form method="post">
          <button type="submit" name="status" value="open" disabled={busy}>
            Reopen
          </button>
        </Form>
      )}
    </section>
  );
}
