import { parseApiClientBlock } from "@wc/workday";
import { useId, useState } from "react";
import { DETAILS_FIELD_LABELS } from "../../../lib/details-fields";
import type { DetailsValues } from "../store";

const PASTABLE = ["clientId", "clientSecret", "restApiEndpoint", "tokenEndpoint", "authorizationEndpoint"] as const;

/**
 * Reads the block copied from Workday and hands the recognised values to the form. The box is
 * emptied afterwards: the block may hold the client secret, which should not linger on screen.
 */
export function PasteBlock({ onFill }: { onFill: (values: Partial<DetailsValues>) => void }) {
  const [text, setText] = useState("");
  const [result, setResult] = useState("");
  const id = useId();

  function fill() {
    const block = parseApiClientBlock(text);
    const found = PASTABLE.filter((f) => block[f] !== undefined);
    if (found.length === 0) {
      setResult("No values were recognised. Paste the block that lists Client ID, Client Secret and the three endpoints, with their labels.");
      return;
    }
    onFill(Object.fromEntries(found.map((f) => [f, block[f] ?? ""])));
    setText("");
    const skipped = block.unrecognised.length > 0 ? ` ${block.unrecognised.length} other line(s) were ignored.` : "";
    setResult(`Filled ${found.map((f) => DETAILS_FIELD_LABELS[f]).join(", ")}. Check the fields below.${skipped}`);
  }

  return (
    <div className="paste-block">
      <label htmlFor={id}>Paste from Workday</label>
      <p className="field-hint" id={`${id}-hint`}>
        Paste the whole block from Workday&apos;s done page or View API Clients
      </p>
      <textarea id={id} rows={6} value={text} aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <button type="button" onClick={fill} disabled={text.trim() === ""}>
        Fill fields
      </button>
      <p role="status" className="muted">
        {result}
      </p>
    </div>
  );
}
