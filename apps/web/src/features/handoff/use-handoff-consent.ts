import { handoffMessageSchema, type HandoffMessage } from "@wc/contracts";
import { useEffect, useEffectEvent, useState } from "react";
import { useRevalidator } from "react-router";
import { ApiError } from "../../lib/api-client";
import { startHandoffConsent } from "./api/handoff-api";
import { holdResultTicket } from "./credential";

const POPUP_NAME = "workday-consent";
const POPUP_FEATURES = "popup,width=720,height=760";
const POLL_MS = 400;
const GRACE_MS = 800;

export const REFUSED =
  "Workday's answer did not match a consent attempt started from this page in the last 10 minutes, or the link was revoked meanwhile, so nothing changed.";

export type HandoffConsentPhase =
  | { kind: "idle" }
  | { kind: "waiting"; popup: boolean }
  | { kind: "checking" }
  | { kind: "popup_closed" }
  | { kind: "failed"; message: string; requestId?: string | undefined };

/**
 * Consent from the hand-off page: a pop-up, or a full-page redirect when pop-ups are blocked (then
 * /handoff/complete brings the results ticket back). The pop-up's message is checked for exact
 * origin, shape and connector; the result is then read from the server with the ticket or the link.
 */
export function useHandoffConsent(connectorId: string) {
  const [phase, setPhase] = useState<HandoffConsentPhase>({ kind: "idle" });
  const [popup, setPopup] = useState<Window | null>(null);
  const revalidator = useRevalidator();

  const onMessage = useEffectEvent((event: MessageEvent<unknown>) => {
    if (event.origin !== window.location.origin) return;
    const parsed = handoffMessageSchema.safeParse(event.data);
    if (!parsed.success || parsed.data.connectorId !== connectorId) return;
    setPopup(null);
    const message: HandoffMessage = parsed.data;
    if (message.outcome === "refused") {
      setPhase({ kind: "failed", message: REFUSED });
      return;
    }
    // A success brings the results ticket (the link is spent); an error leaves the link usable for another try.
    if (message.outcome === "success" && message.result) holdResultTicket(message.result);
    setPhase({ kind: "checking" });
    void revalidator.revalidate().finally(() => setPhase({ kind: "idle" }));
  });

  useEffect(() => {
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  const onGone = useEffectEvent(() => {
    setPopup(null);
    setPhase({ kind: "popup_closed" });
  });
  useEffect(() => {
    if (popup === null) return;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const poll = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(poll);
      grace = setTimeout(onGone, GRACE_MS);
    }, POLL_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(grace);
    };
  }, [popup]);

  /** MUST run inside the click handler: browsers allow `window.open` only there. */
  function connect() {
    const opened = window.open("", POPUP_NAME, POPUP_FEATURES);
    setPopup(opened);
    setPhase({ kind: "waiting", popup: opened !== null });
    startHandoffConsent(connectorId, { mode: opened ? "popup" : "redirect" }).then(
      ({ authorizationUrl }) => {
        if (opened) opened.location.href = authorizationUrl;
        else window.location.assign(authorizationUrl);
      },
      (error: unknown) => {
        opened?.close();
        setPopup(null);
        setPhase(
          error instanceof ApiError
            ? { kind: "failed", message: error.message, requestId: error.requestId }
            : { kind: "failed", message: "Could not start the connection to Workday. Try again." },
        );
      },
    );
  }

  function cancel() {
    if (popup && !popup.closed) popup.close();
    setPopup(null);
    setPhase({ kind: "idle" });
  }

  return { phase, connect, cancel };
}
