import { COPIED_DETAILS_FIELDS, DETAILS_FIELDS, type Connector } from "@wc/contracts";
import type { ReactNode } from "react";
import { DateTime } from "../../../components/ui/date-time";
import { CLIENT_AUTH_NAMES, describeSecret, environmentName } from "../../../lib/labels";
import { ConsentingAccount } from "../../../components/ui/consenting-account";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const text = (value: string | null) => value ?? "—";

function Environment({ connector }: { connector: Connector }) {
  if (connector.environment === null) return <>—</>;
  const how = connector.environmentSource === "override" ? " (set by an admin)" : connector.environmentSource === "detected" ? " (detected)" : "";
  return (
    <>
      {environmentName(connector.environment, connector.tenant)}
      {how}
      {connector.environmentReason ? <span className="muted"> {connector.environmentReason}</span> : null}
    </>
  );
}

/**
 * What is stored for a connector. The client secret is write-only: the API sends only whether one
 * is set and its last characters, and this view shows nothing more.
 */
export function ConnectorDetails({ connector }: { connector: Connector }) {
  return (
    <dl className="dl">
      <Item term="Tenant">{text(connector.tenant)}</Item>
      <Item term="Environment">
        <Environment connector={connector} />
      </Item>
      {COPIED_DETAILS_FIELDS.map((field) =>
        field === "clientSecret" ? (
          <Item key={field} term="Client secret">
            {describeSecret(connector.clientSecretSet, connector.clientSecretHint)}
          </Item>
        ) : (
          <Item key={field} term={DETAILS_FIELDS[field].label}>
            {text(connector[field])}
          </Item>
        ),
      )}
      <Item term="Signs in with SAML SSO">{connector.samlSso ? "Yes" : "No"}</Item>
      <Item term="Effective authorization URL">{text(connector.effectiveAuthorizationUrl)}</Item>
      <Item term={DETAILS_FIELDS.clientAuthMethod.label}>{CLIENT_AUTH_NAMES[connector.clientAuthMethod]}</Item>
      <Item term="Redirection URI">{connector.redirectUri}</Item>
      <Item term="Connected at">
        <DateTime value={connector.connectedAt} empty="Not connected" />
      </Item>
      <Item term="Consent started by">{text(connector.consentGrantedBy)}</Item>
      <ConsentingAccount connector={connector} />
      <Item term="Created">
        <DateTime value={connector.createdAt} /> by {connector.createdBy}
      </Item>
    </dl>
  );
}
