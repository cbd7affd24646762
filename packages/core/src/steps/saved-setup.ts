/**
 * A saved setup run, as `setup --resume` keeps it in a file: the step machine's state plus the
 * adapter's non-secret options to replay (the CLI's flags). One zod schema for the whole document,
 * so a file that is corrupt, of another shape, or holding a credential is refused with the reason
 * before anything signs in or writes.
 */
import { z } from "zod";
import { credentialIn } from "../credentials/credential-shapes.js";
import type { WizardState } from "./schema.js";
import { parseState } from "./serialize.js";

const savedSetupSchema = z.strictObject({
  savedAt: z.string(),
  flags: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])),
  state: z.unknown(),
});

export interface SavedSetup {
  readonly savedAt: string;
  readonly flags: Readonly<Record<string, string | boolean | readonly string[]>>;
  readonly state: WizardState;
}

export type SavedSetupParse =
  | { readonly ok: true; readonly saved: SavedSetup }
  | { readonly ok: false; readonly reason: string };

export function serializeSavedSetup(saved: SavedSetup): string {
  return `${JSON.stringify({ savedAt: saved.savedAt, flags: saved.flags, state: saved.state }, null, 2)}\n`;
}

/** Parses the file's text; the reason names the field at fault and never quotes a value. */
export function parseSavedSetup(text: string): SavedSetupParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "it is not valid JSON" };
  }
  const found = credentialIn(text);
  if (found !== undefined) return { ok: false, reason: `it holds ${found}; a saved setup never does` };
  const envelope = savedSetupSchema.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return {
      ok: false,
      reason: `${issue?.path.join(".") || "the document"}: ${issue?.message ?? "wrong shape"}`,
    };
  }
  const state = parseState(envelope.data.state);
  if (!state.ok) {
    const issue = state.issues[0];
    const field = issue?.field === "state" || issue === undefined ? "state" : `state.${issue.field}`;
    return { ok: false, reason: `${field}: ${issue?.message ?? "wrong shape"}` };
  }
  return {
    ok: true,
    saved: { savedAt: envelope.data.savedAt, flags: envelope.data.flags, state: state.state },
  };
}
