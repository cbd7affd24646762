/**
 * Parses an adapter's input into a use-case request once, at its edge. A bad field becomes a
 * CoreError invalid_input naming the request field (the adapter maps it to its flag or form field
 * when it renders), before anything is contacted or written.
 */
import type { z } from "zod";
import { CoreError } from "../errors.js";
import { fieldPath } from "../profiles/parse-profile.js";

export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue ? fieldPath(issue.path) : "request";
  throw new CoreError("invalid_input", issue?.message ?? "The request is not valid.", {
    field: field === "" ? "request" : field,
  });
}
