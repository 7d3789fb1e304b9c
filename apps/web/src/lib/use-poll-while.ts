import { useEffect } from "react";
import { useRevalidator } from "react-router";

/**
 * Re-reads the page's loaders `intervalMs` after each new `data` while `active`, so a loader stays
 * the one owner of the data. The next read is scheduled only once the previous one has delivered
 * (never two at once; `data` is the loader value the read replaces), and the timer is cleared when
 * `active` turns false or the component unmounts.
 */
export function usePollWhile(active: boolean, intervalMs: number, data: unknown): void {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => void revalidate(), intervalMs);
    return () => clearTimeout(timer);
  }, [active, intervalMs, revalidate, data]);
}
