import { useLayoutEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * What the previous page did ("Added the policy …"), carried in the navigation's state rather
 * than the URL, so a reload or a shared link does not say it again. It takes the focus, so
 * keyboard and screen-reader users land on it.
 */
export function RouteNote() {
  const state: unknown = useLocation().state;
  const note = typeof state === "object" && state !== null && "note" in state && typeof state.note === "string" ? state.note : null;
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (note) ref.current?.focus();
  }, [note]);
  if (note === null) return null;
  return (
    <p role="status" className="ok" tabIndex={-1} ref={ref}>
      {note}
    </p>
  );
}
