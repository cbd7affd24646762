/** Saving and loading a wizard state (`setup --resume`): JSON, checked with zod on the way in. */
import { credentialIn } from "../credentials/credential-shapes.js";
import { type WizardState, wizardStateSchema } from "./schema.js";

export type ParseStateResult =
  | { readonly ok: true; readonly state: WizardState }
  | { readonly ok: false; readonly issues: readonly { readonly field: string; readonly message: string }[] };

export function serializeState(state: WizardState): string {
  return JSON.stringify(state);
}

/**
 * Accepts the JSON text or an already parsed value; a bad document is a value, not a throw. A state
 * never holds a credential (the schema has no place for one, and a name or id shaped like one is
 * refused too): a document that does was not written by us, or leaked one, and is not resumed.
 */
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
  const found = credentialIn(typeof input === "string" ? input : (JSON.stringify(value) ?? ""));
  if (found !== undefined) {
    return {
      ok: false,
      issues: [{ field: "state", message: `holds ${found}; a saved setup state never does.` }],
    };
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
