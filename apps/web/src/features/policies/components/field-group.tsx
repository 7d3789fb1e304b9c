import { useId, type ReactNode } from "react";

interface Props {
  legend: ReactNode;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}

/** A fieldset whose error is read out with it, like a text field's (the connector and event choices do the same). */
export function FieldGroup({ legend, error, className, children }: Props) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset
      className={["field", "choices", error ? "field-invalid" : null, className].filter(Boolean).join(" ")}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {children}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
