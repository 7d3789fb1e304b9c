import { COPIED_DETAILS_FIELDS, DETAILS_FIELDS, type CopiedDetailsField, type DetailsValues } from "@wc/contracts";
import { parseApiClientBlock, type ApiClientBlock } from "@wc/workday";
import { useId, useState } from "react";

/** The copied values the block holds, by field; the block names them as the details fields do. */
function pastedValues(pasted: ApiClientBlock): Partial<Record<CopiedDetailsField, string>> {
  const block: Readonly<Record<string, unknown>> = { ...pasted };
  const found: Partial<Record<CopiedDetailsField, string>> = {};
  for (const field of COPIED_DETAILS_FIELDS) {
    const value = block[field];
    if (typeof value === "string") found[field] = value;
  }
  return found;
}

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
    const values = pastedValues(block);
    const found = COPIED_DETAILS_FIELDS.filter((f) => values[f] !== undefined);
    if (found.length === 0) {
      setResult("No values were recognised. Paste the block that lists Client ID, Client Secret and the three endpoints, with their labels.");
      return;
    }
    onFill(values);
    setText("");
    const skipped = block.unrecognised.length > 0 ? ` ${block.unrecognised.length} other line(s) were ignored.` : "";
    setResult(`Filled ${found.map((f) => DETAILS_FIELDS[f].label).join(", ")}. Check the fields below.${skipped}`);
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
