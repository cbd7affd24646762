/** Saving and loading a wizard state (`setup --resume`): JSON, checked with zod on the way in. */
import { type WizardState, wizardStateSchema } from "./schema.js";

export type ParseStateResult =
  | { readonly ok: true; readonly state: WizardState }
  | { readonly ok: false; readonly issues: readonly { readonly field: string; readonly message: string }[] };

export function serializeState(state: WizardState): string {
  return JSON.stringify(state);
}

/** Accepts the JSON text or an already parsed value; a bad document is a value, not a throw. */
export function parseState(input: unknown): ParseStateResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch {
      return {
        ok: false,
        issues: [{ field: "state", message: "is not valid JSON; start a new setup instead of resuming." }],
      };
    }
  }
  const parsed = wizardStateSchema.safeParse(value);
  if (parsed.success) return { ok: true, state: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      field: issue.path.length === 0 ? "state" : issue.path.map(String).join("."),
      message: issue.message,
    })),
  };
}
