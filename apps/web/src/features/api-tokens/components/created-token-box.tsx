import { routes, type ApiTokenCreatedResponse } from "@wc/contracts";
import { useId, useLayoutEffect, useRef } from "react";
import { CopyButton } from "../../../components/ui/copy-button";

/** The variable the example reads the token from: the token itself is never part of a command to copy. */
const TOKEN_VARIABLE = "WORKDAY_CONNECT_TOKEN";

/**
 * A token just created, the one time the BFF sends its secret. It takes focus so nobody misses
 * it; Done drops it (the caller forgets the answer that held it).
 */
export function CreatedTokenBox({ created, publicUrl, onDone }: { created: ApiTokenCreatedResponse; publicUrl: string; onDone: () => void }) {
  const headingId = useId();
  const box = useRef<HTMLElement>(null);
  useLayoutEffect(() => box.current?.focus(), [created.secret]);
  const example = `curl -H "Authorization: Bearer $${TOKEN_VARIABLE}" ${publicUrl.replace(/\/+$/, "")}${routes.connectors}`;
  return (
    <section className="secret-box" aria-labelledby={headingId} tabIndex={-1} ref={box}>
      <h3 id={headingId}>New API token: {created.token.name}</h3>
      <p>
        <strong>Copy the token now: it is shown only once.</strong>
      </p>
      <p className="secret-value">
        <code translate="no">{created.secret}</code>
        <CopyButton label="API token" value={created.secret} />
      </p>
      <p>
        Keep it where the script keeps its secrets, e.g. in <code>{TOKEN_VARIABLE}</code>, and send it with every request:
      </p>
      <p className="secret-value">
        <code translate="no">{example}</code>
        <CopyButton label="example command" value={example} />
      </p>
      <button type="button" className="button-small" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
