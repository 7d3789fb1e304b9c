import { WIZARD_STEPS, wizardStepSchema, type Connector, type WizardStep } from "@wc/contracts";

export const STEP_TITLES: Record<WizardStep, string> = {
  name: "Name",
  prerequisites: "Prerequisites",
  tenant_setup: "Tenant setup",
  register: "Register API client",
  details: "Enter details",
  connect: "Connect",
  done: "Done",
};

const indexOf = (step: WizardStep) => WIZARD_STEPS.indexOf(step);

export function nextStep(step: WizardStep): WizardStep {
  return WIZARD_STEPS[indexOf(step) + 1] ?? step;
}

export function previousStep(step: WizardStep): WizardStep {
  return WIZARD_STEPS[indexOf(step) - 1] ?? step;
}

export function laterStep(a: WizardStep, b: WizardStep): WizardStep {
  return indexOf(a) >= indexOf(b) ? a : b;
}

/**
 * The furthest step the admin may open: Done only while consent has succeeded and the connector
 * is connected (a connector that later needs reconnecting goes back to Connect), else the saved step.
 */
export function furthestStep(connector: Connector): WizardStep {
  if (connector.status === "connected" && connector.lastConsent?.outcome === "success") return "done";
  return connector.wizardStep === "done" ? "connect" : connector.wizardStep;
}

export function isVisited(step: WizardStep, connector: Connector): boolean {
  return indexOf(step) <= indexOf(furthestStep(connector));
}

/** The step to show: `?step=` when it names a step already reached, else where the admin left off. */
export function resolveStep(connector: Connector, requested: string | null): WizardStep {
  const parsed = wizardStepSchema.safeParse(requested);
  if (parsed.success && isVisited(parsed.data, connector)) return parsed.data;
  return furthestStep(connector);
}
