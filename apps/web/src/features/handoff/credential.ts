/**
 * The hand-off credential, held in this tab's memory only: never in localStorage, sessionStorage
 * or a cookie. A reload forgets it, and the link must be opened again.
 */
export interface HandoffCredential {
  /** `link`: the link's token (#<token>); `result`: the results ticket issued when consent completed (#result=<ticket>). */
  kind: "link" | "result";
  value: string;
}

const SHAPE = /^[A-Za-z0-9_-]{43}$/;
let held: HandoffCredential | null = null;

/**
 * Takes the credential out of the URL fragment (which no server or Referer ever sees) and replaces
 * the address at once, so it stays neither in the address bar nor in the browser history.
 */
export function takeCredentialFromUrl(): void {
  const fragment = window.location.hash.replace(/^#/, "");
  if (fragment === "") return;
  const ticket = fragment.startsWith("result=") ? fragment.slice("result=".length) : null;
  const value = ticket ?? fragment;
  held = SHAPE.test(value) ? { kind: ticket === null ? "link" : "result", value } : null;
  window.history.replaceState(window.history.state, "", `${window.location.pathname}${window.location.search}`);
}

export function heldCredential(): HandoffCredential | null {
  return held;
}

/** After consent the results ticket takes the link's place: the link itself is spent. */
export function holdResultTicket(value: string): void {
  if (SHAPE.test(value)) held = { kind: "result", value };
}

/** Tests only. */
export function forgetCredential(): void {
  held = null;
}
