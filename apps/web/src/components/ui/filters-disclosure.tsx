import { useState, useSyncExternalStore, type ReactNode } from "react";

/** Wider than the phone layout (styles.css: max-width 45rem): filters are always shown there. */
const WIDE = "(min-width: 45.01rem)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

const isWide = () => window.matchMedia(WIDE).matches;

/**
 * On a phone a filter form would fill the first screen before any result, so it folds into a
 * "Filters" disclosure (saying how many are set); on wider screens it stays open and the summary
 * is hidden (styles.css).
 */
export function FiltersDisclosure({ active, children }: { active: number; children: ReactNode }) {
  const wide = useSyncExternalStore(subscribe, isWide, () => true);
  const [openOnPhone, setOpenOnPhone] = useState(false);
  return (
    <details
      className="filters-disclosure"
      open={wide || openOnPhone}
      onToggle={(event) => {
        if (!wide) setOpenOnPhone(event.currentTarget.open);
      }}
    >
      <summary>{active > 0 ? `Filters (${active} set)` : "Filters"}</summary>
      {children}
    </details>
  );
}
