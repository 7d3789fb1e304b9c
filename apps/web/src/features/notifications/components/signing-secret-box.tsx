import { useId, useLayoutEffect, useRef } from "react";
import { CopyButton } from "../../../components/ui/copy-button";

/**
 * A webhook's signing secret, the one time the BFF sends it. It is held only by the router's
 * action answer and this box: never in browser storage or the URL, so the next navigation ends it.
 */
export function SigningSecretBox({ message, secret }: { message: string; secret: string }) {
  const headingId = useId();
  const box = useRef<HTMLElement>(null);
  useLayoutEffect(() => box.current?.focus(), [secret]);
  return (
    <section className="secret-box" aria-labelledby={headingId} tabIndex={-1} ref={box}>
      <h2 id={headingId}>Signing secret — copy it now; it is not shown again</h2>
      <p role="status">{message}</p>
      <p className="secret-value">
        <code translate="no">{secret}</code>
        <CopyButton label="signing secret" value={secret} />
      </p>
      <p className="muted">Give it to the receiver: it checks the webhook-signature header of each request with it. If it is lost, make a new one.</p>
    </section>
  );
}
