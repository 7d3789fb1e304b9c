import {
  HANDOFF_CONNECTOR_STATUSES,
  HANDOFF_DEFAULT_HOURS,
  HANDOFF_EXPIRY_CHOICES,
  HANDOFF_STATE_LABELS,
  HANDOFF_STEP_LABELS,
  type Connector,
  type HandoffLink,
} from "@wc/contracts";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { CopyButton } from "../../../components/ui/copy-button";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { SelectField } from "../../../components/ui/select-field";
import { UtcTime } from "../../../components/ui/utc-time";
import { TableScroll } from "../../../components/ui/table-scroll";
import { ApiError } from "../../../lib/api-client";
import { createHandoffLink, listHandoffLinks, revokeHandoffLink } from "../api/handoff-links-api";

type Problem = { message: string; requestId?: string | undefined } | null;
const problemOf = (error: unknown): Problem =>
  error instanceof ApiError ? { message: error.message, requestId: error.requestId } : { message: "Something went wrong. Try again." };

function Progress({ link }: { link: HandoffLink }) {
  if (link.lastStep === null || link.lastStepAt === null) return <>Not opened yet</>;
  return (
    <>
      {HANDOFF_STEP_LABELS[link.lastStep]}, <UtcTime value={link.lastStepAt} seconds={false} /> UTC
      {link.lastIp ? <span className="muted"> · from {link.lastIp}</span> : null}
      {link.lastUserAgent ? <span className="muted"> · {link.lastUserAgent}</span> : null}
    </>
  );
}

/**
 * The connector page's hand-off links (admins): a single-use link for the Workday administrator,
 * who has no console account. Self-contained: it loads and changes its own data. The URL is shown
 * once, right after creating it, and kept only in this component's state.
 */
export function HandoffLinksSection({ connector }: { connector: Pick<Connector, "id" | "status"> }) {
  const [links, setLinks] = useState<HandoffLink[] | null>(null);
  const [hours, setHours] = useState(String(HANDOFF_DEFAULT_HOURS));
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const canCreate = HANDOFF_CONNECTOR_STATUSES.includes(connector.status);

  const load = useCallback(
    (signal?: AbortSignal) =>
      listHandoffLinks(connector.id, signal).then(
        (r) => setLinks(r.links),
        (error: unknown) => {
          if (!signal?.aborted) setProblem(problemOf(error));
        },
      ),
    [connector.id],
  );
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load, connector.status]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      await load();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }

  function onCreate(event: FormEvent) {
    event.preventDefault();
    void run(async () => setCreated((await createHandoffLink(connector.id, Number(hours))).url));
  }

  return (
    <section aria-labelledby="handoff-heading" className="handoff-links">
      <h2 id="handoff-heading">Hand-off link</h2>
      <p className="muted">
        A single-use link for the Workday administrator, who needs no console account: it opens only this connector&apos;s setup and consent.
      </p>
      {problem ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      {canCreate ? (
        <form onSubmit={onCreate} className="inline-form">
          <SelectField
            label="Expires after"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            options={HANDOFF_EXPIRY_CHOICES.map((c) => ({ value: String(c.hours), label: c.label }))}
          />
          <button type="submit" disabled={busy}>
            Create hand-off link
          </button>
        </form>
      ) : (
        <p>This connector does not need consent now: a hand-off link is for a draft or a connector that needs reconnecting.</p>
      )}
      {created ? (
        <div className="panel" role="status">
          <p>
            <strong>Copy the link now: it is shown only once.</strong> Send it to your Workday administrator.
          </p>
          <p>
            <code className="handoff-url">{created}</code> <CopyButton label="hand-off link" value={created} />
          </p>
          <button type="button" className="button-small" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      ) : null}
      {links && links.length > 0 ? (
        <TableScroll label="Hand-off links">
          <table className="table">
            <caption className="visually-hidden">Hand-off links</caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
                <th scope="col">Progress</th>
                <th scope="col">Used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.id}>
                  <td>
                    <UtcTime value={l.createdAt} seconds={false} /> by {l.createdBy}
                  </td>
                  <td>
                    <UtcTime value={l.expiresAt} seconds={false} />
                  </td>
                  <td>
                    {HANDOFF_STATE_LABELS[l.state]}
                    {l.revokedBy ? ` by ${l.revokedBy}` : ""}
                  </td>
                  <td>
                    <Progress link={l} />
                  </td>
                  <td>{l.usedAt ? <UtcTime value={l.usedAt} seconds={false} /> : "—"}</td>
                  <td>
                    {l.state === "active" ? (
                      <button
                        type="button"
                        className="button-small button-danger"
                        disabled={busy}
                        onClick={() => void run(async () => void (await revokeHandoffLink(connector.id, l.id)))}
                      >
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : links ? (
        <p className="muted">No hand-off links yet.</p>
      ) : null}
    </section>
  );
}
