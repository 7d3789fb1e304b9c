import { STATUS_LABELS, type ConnectorStatus } from "@wc/contracts";

/** A status in plain words; the colour (from styles.css) only repeats what the words say. */
export function StatusBadge({ status }: { status: ConnectorStatus }) {
  return (
    <span className={`status status-${status.replace(/_/g, "-")}`}>
      <span className="status-dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}
