import { useId, useState, type KeyboardEvent } from "react";
import { formatCount } from "../../lib/numbers";

/** From this many connectors on, a list of connectors to tick gets a filter box: a console may hold thousands. */
export const FILTER_FROM = 12;
/** At most this many connectors are listed at once; the filter box finds the others. */
export const SHOWN_MAX = 200;

/** What the filter box holds and which names it lets through (part of the name, any case). */
export function useConnectorFilter() {
  const [query, setQuery] = useState("");
  const wanted = query.trim().toLowerCase();
  return { query, setQuery, shows: (name: string) => wanted === "" || name.toLowerCase().includes(wanted) };
}

/**
 * The connectors a list shows: those the filter lets through, in order, the first SHOWN_MAX of
 * them, and any ticked one it lets through past those (a tick is never out of reach while its name
 * is typed). `matching` counts every one the filter lets through.
 */
export function shownConnectors<C extends { id: string; name: string }>(
  all: readonly C[],
  shows: (name: string) => boolean,
  ticked: ReadonlySet<string>,
): { shown: C[]; matching: number } {
  const shown: C[] = [];
  let matching = 0;
  for (const c of all) {
    if (!shows(c.name)) continue;
    matching++;
    if (shown.length < SHOWN_MAX || ticked.has(c.id)) shown.push(c);
  }
  return { shown, matching };
}

interface Props {
  query: string;
  onQuery: (query: string) => void;
  shown: number;
  matching: number;
  total: number;
  chosen: number;
}

/**
 * The filter box above a list of connectors to tick (a channel's, a policy's). A connector the
 * list does not show keeps its tick and is still sent, so narrowing the list to find one never
 * drops another.
 */
export function ConnectorFilter({ query, onQuery, shown, matching, total, chosen }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  // Enter in a search box would submit the form it sits in.
  const keepEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") e.preventDefault();
  };
  const typed = query.trim();
  const showing =
    matching === 0
      ? `No connector's name contains “${typed}”.`
      : shown < matching
        ? typed === ""
          ? `Showing ${formatCount(shown)} of ${formatCount(total)}: type part of a name to find the others`
          : `Showing ${formatCount(shown)} of ${formatCount(matching)} matching “${typed}”: type more of the name`
        : shown === total
          ? `${formatCount(total)} connectors`
          : `Showing ${formatCount(shown)} of ${formatCount(total)}`;
  return (
    <div className="field connector-filter">
      <label htmlFor={id}>Filter connectors</label>
      <input id={id} type="search" value={query} onChange={(e) => onQuery(e.currentTarget.value)} onKeyDown={keepEnter} aria-describedby={hintId} />
      <p className="field-hint" id={hintId} aria-live="polite">
        {showing} · {formatCount(chosen)} chosen
      </p>
    </div>
  );
}
