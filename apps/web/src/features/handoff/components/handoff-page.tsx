import type { HandoffViewResponse } from "@wc/contracts";
import type { ReactNode } from "react";
import { PageTitle } from "../../../components/ui/page-title";
import { StatusBadge } from "../../../components/ui/status-badge";
import { UtcTime } from "../../../components/ui/utc-time";
import { ENVIRONMENT_NAMES } from "../../../lib/labels";

/** The wizard's and the health feature's pieces, composed in by the app layer (features do not import each other). */
export interface HandoffSections {
  prerequisites: ReactNode;
  tenantSetup: ReactNode;
  register: ReactNode;
  details: ReactNode;
  connect: ReactNode;
  verify: ReactNode;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="handoff-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The Workday administrator's page for one connector, opened by a hand-off link without a console
 * account: what to set up in Workday, the API client to register, its details, and consent; after
 * consent, the live checks.
 */
export function HandoffPage({ view, sections }: { view: HandoffViewResponse; sections: HandoffSections }) {
  const { connector } = view;
  return (
    <main id="main" tabIndex={-1} className="page handoff">
      <PageTitle title={`Connect Workday – ${connector.name}`} />
      <h1>Connect Workday – {connector.name}</h1>
      <p className="muted">
        {connector.environment ? `${ENVIRONMENT_NAMES[connector.environment]} tenant. ` : ""}
        {view.phase === "setup" ? (
          <>
            This link was sent to you by a workday-connect admin. It works once, until <UtcTime value={view.expiresAt} seconds={false} /> UTC.
          </>
        ) : (
          <>The link has been used. These results stay here until you close or reload this page.</>
        )}
      </p>
      {view.phase === "results" ? (
        <Section id="results" title="Workday was connected">
          <p>
            Status: <StatusBadge status={connector.status} />
          </p>
          {sections.verify}
        </Section>
      ) : (
        <>
          <Section id="prerequisites" title="1. Security group permissions">
            <p>The Workday account that grants consent needs a security group with these permissions.</p>
            {sections.prerequisites}
          </Section>
          <Section id="tenant-setup" title="2. Tenant setup">
            {sections.tenantSetup}
          </Section>
          <Section id="register" title="3. Register API client">
            {sections.register}
          </Section>
          <Section id="details" title="4. Enter details">
            {sections.details}
          </Section>
          <Section id="connect" title="5. Connect Workday">
            {sections.connect}
          </Section>
        </>
      )}
    </main>
  );
}
