import { connectorStatusSchema, STATUS_LABELS, type ConnectorStatus } from "@wc/contracts";
import { useId } from "react";
import { useSearchParams } from "react-router";

const PARAM = "status";

/** The status the list is filtered by (`?status=degraded`), or null for all. */
export function useStatusFilter(): ConnectorStatus | null {
  const [search] = useSearchParams();
  const parsed = connectorStatusSchema.safeParse(search.get(PARAM));
  return parsed.success ? parsed.data : null;
}

/** A select kept in the URL, so a filtered list can be bookmarked and shared. */
export function StatusFilter() {
  const id = useId();
  const [, setSearch] = useSearchParams();
  const status = useStatusFilter();
  function choose(value: string) {
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (value === "") next.delete(PARAM);
      else next.set(PARAM, value);
      return next;
    });
  }
  return (
    <div className="filter">
      <label htmlFor={id}>Filter by status</label>
      <select id={id} value={status ?? ""} onChange={(e) => choose(e.target.value)}>
        <option value="">All</option>
        {connectorStatusSchema.options.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}
