import type { ReactNode } from "react";

/**
 * Wraps every table: on a narrow screen the table scrolls sideways inside this box instead of
 * widening the page. Keyboard users can only scroll what they can focus, hence tabIndex 0; the
 * region's name (usually the table's caption) tells screen-reader users what they landed on.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
