import { routes, type Connector } from "@wc/contracts";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { paths } from "../../../config/paths";
import { hasTokens, isDraft, isSandboxRelink } from "../status-groups";
import { DeleteForm } from "./delete-form";
import { DisconnectForm } from "./disconnect-form";
import { RedirectSelfTest } from "./redirect-self-test";

interface Props {
  connector: Connector;
  /** Run checks now (the health feature); the app layer composes it in. */
  runChecks: ReactNode;
  /** Reconnect (the consent feature); the app layer composes it in. */
  reconnect: ReactNode;
}

/** What an admin can do with a connector. Support staff never see this section. */
export function ConnectorActions({ connector, runChecks, reconnect }: Props) {
  const draft = isDraft(connector);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <div className="actions">
        {draft ? <Link to={paths.wizard.getHref(connector.id)}>Resume setup</Link> : null}
        {hasTokens(connector) ? runChecks : null}
        {!draft && !isSandboxRelink(connector) ? reconnect : null}
        {!draft ? <Link to={paths.wizard.getHref(connector.id, "details")}>Edit details</Link> : null}
        {hasTokens(connector) ? <DisconnectForm connector={connector} /> : null}
        <DeleteForm connector={connector} />
      </div>
      <RedirectSelfTest connector={connector} />
    </section>
  );
}

/** The redacted bundle support staff send on; read-only, so every role gets it. */
export function DiagnosticsDownload({ connector }: { connector: Connector }) {
  return (
    <section aria-labelledby="support-heading">
      <h2 id="support-heading">For support</h2>
      <p className="muted">Status, checks, timeline and versions, without any secret or token.</p>
      <a href={routes.connectorDiagnostics(connector.id)} download>
        Download diagnostics
      </a>
    </section>
  );
}
