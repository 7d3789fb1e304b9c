import { routes, type Connector } from "@wc/contracts";

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
