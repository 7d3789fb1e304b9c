import { addressOfAuthorizationEndpoint, workdayTaskLink } from "@wc/workday";

/**
 * A Workday task by its name, linked into the admin's own tenant once the console knows its
 * Workday address (Workday's search for the task opens in a new tab); plain bold text before that.
 */
export function TaskLink({ address, task }: { address: string | null; task: string }) {
  // The stored address is `https://host/tenant`, the same shape the Authorization Endpoint starts with.
  const tenant = address === null ? null : addressOfAuthorizationEndpoint(address);
  if (tenant === null) return <strong>{task}</strong>;
  return (
    <a href={workdayTaskLink(tenant, task)} target="_blank" rel="noopener noreferrer">
      <strong>{task}</strong>
      <span className="visually-hidden"> (opens Workday in a new tab)</span>
    </a>
  );
}

/** Said where task links would be, while the console does not know the tenant's address yet. */
export function NoAddressHint() {
  return <p className="muted">Give your Workday address on the Name step and these task names become links into your tenant.</p>;
}
