import { useId, useState, type KeyboardEvent } from "react";
import { formatCount } from "../../lib/numbers";

/** From this many connectors on, a list of connectors to tick gets a filter box: a console may hold thousands. */
const FILTER_FROM = 12;
/** At most this many connectors are listed at once; the filter box finds the others. */
const SHOWN_MAX = 200;

/** What the filter box holds and which names it lets through (part of the name, any case). */
function useConnectorFilter() {
  const [query, setQuery] = useState("");
  const wanted = query.trim().toLowerCase();
  return { query, setQuery, shows: (name: string) => wanted === "" || name.toLowerCase().includes(wanted) };
}

/**
 * The connectors a list shows: those the filter lets through, in order, the first SHOWN_MAX of
 * them, and any ticked one it lets through past those (a tick is never out of reach while its name
 * is typed). `matching` counts every one the filter lets through.
 */
function shownConnectors<C extends { id: string; name: string }>(
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
function ConnectorFilter({ query, onQuery, shown, matching, total, chosen }: Props) {
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

interface TicksProps {
  connectors: readonly { id: string; name: string }[];
  ticked: ReadonlySet<string>;
  onTick: (id: string, on: boolean) => void;
  /** The form field each tick is sent as, for a form read as form data: a tick the list does not show is then sent as a hidden field. */
  name?: string;
}

/**
 * A list of connectors to tick (a channel's, a policy's): every one on a small console; from
 * FILTER_FROM on, a filter box and at most SHOWN_MAX of them, ticked ones always, so a console of
 * thousands stays a list one can read and a form that answers at once.
 */
export function ConnectorTicks({ connectors, ticked, onTick, name }: TicksProps) {
  const filter = useConnectorFilter();
  const filtered = connectors.length >= FILTER_FROM;
  const { shown, matching } = filtered ? shownConnectors(connectors, filter.shows, ticked) : { shown: connectors, matching: connectors.length };
  const listed = new Set(shown.map((c) => c.id));
  return (
    <>
      {connectors.length === 0 ? <p className="muted">There are no connectors yet.</p> : null}
      {filtered ? (
        <ConnectorFilter
          query={filter.query}
          onQuery={filter.setQuery}
          shown={shown.length}
          matching={matching}
          total={connectors.length}
          chosen={connectors.filter((c) => ticked.has(c.id)).length}
        />
      ) : null}
      <div className={filtered ? "choice-list choice-list-long" : "choice-list"}>
        {shown.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" name={name} value={c.id} checked={ticked.has(c.id)} onChange={(e) => onTick(c.id, e.currentTarget.checked)} />
            {c.name}
          </label>
        ))}
      </div>
      {name !== undefined
        ? connectors.filter((c) => ticked.has(c.id) && !listed.has(c.id)).map((c) => <input key={c.id} type="hidden" name={name} value={c.id} />)
        : null}
    </>
  );
}
