import { useNavigation, useSubmit } from "react-router";
import type { WizardIntent } from "./intents";

/** Sends a step's intent to the route action as JSON; `busy` while it is being saved. */
export function useWizardSubmit() {
  const submit = useSubmit();
  const navigation = useNavigation();
  return {
    busy: navigation.state === "submitting",
    send: (intent: WizardIntent) => void submit(JSON.stringify(intent), { method: "post", encType: "text/plain" }),
  };
}
