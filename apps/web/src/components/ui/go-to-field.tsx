import { DETAILS_FIELDS } from "@wc/contracts";
import { Link } from "react-router";
import { paths } from "../../config/paths";
import { toDetailsField } from "../../lib/details-fields";
import { troubleshootingFor } from "./troubleshooting-entry";

/** "Go to Client Secret": the details field a troubleshooting entry points at, focused in the wizard; nothing when it points at none. */
export function GoToField({ connectorId, reasonCode, className }: { connectorId: string; reasonCode: string | null; className?: string }) {
  const field = toDetailsField(troubleshootingFor(reasonCode)?.field);
  if (field === null) return null;
  return (
    <Link to={paths.wizardField.getHref(connectorId, field)} className={className}>
      Go to {DETAILS_FIELDS[field].label}
    </Link>
  );
}
