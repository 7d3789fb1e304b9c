import type { Connector } from "@wc/contracts";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { StatusBadge } from "../../../components/ui/status-badge";
import { paths } from "../../../config/paths";
import { environmentName, SANDBOX_NOTE } from "../../../lib/labels";
import { ConsentingAccount } from "../../../components/ui/consenting-account";

/** Consent succeeded: what is now connected, the live checks that prove it (`verify`), and where to watch it. */
export function DoneStep({ connector, verify }: { connector: Connector; verify: ReactNode }) {
  return (
    <div>
      <dl className="dl">
        <div className="dl-row">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={connector.status} />
          </dd>
        </div>
        <div className="dl-row">
          <dt>Tenant</dt>
          <dd>{connector.tenant ?? "—"}</dd>
        </div>
        <div className="dl-row">
          <dt>Environment</dt>
          <dd>{environmentName(connector.environment, connector.tenant)}</dd>
        </div>
        {connector.consentGrantedBy ? (
          <div className="dl-row">
            <dt>Consent started by</dt>
            <dd>{connector.consentGrantedBy}</dd>
          </div>
        ) : null}
        <ConsentingAccount connector={connector} />
      </dl>
      {connector.environment === "sandbox" ? <p className="note">{SANDBOX_NOTE}</p> : null}
      {verify}
      <p>
        <Link to={paths.connector.getHref(connector.id)} className="button-primary">
          Go to connector
        </Link>
      </p>
    </div>
  );
}
