/**
 * The OpenAPIHono flavour every route module uses: request id in the context, and one validation
 * hook that turns a zod failure into `{ code: "invalid_input", message, field, requestId }` (400).
 */
import type { Hook } from "@hono/zod-openapi";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "hono";
import { errorBody } from "./errors.js";

export interface ApiEnv extends Env {
  /** `apiKey` is the name of the partner key that authenticated the request (protected routes only). */
  Variables: { requestId: string; apiKey?: string };
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The first issue, named by its dotted path. Zod messages describe the rule, never the value sent. */
export function describeIssue(
  issues: readonly IssueLike[],
  target: string,
): { field: string; message: string } {
  const issue = issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : target;
  if (!issue) return { field, message: `${field} is invalid.` };
  if (/received undefined$/.test(issue.message)) return { field, message: `${field} is required.` };
  return { field, message: `${field}: ${issue.message}.` };
}

/**
 * The default hook of every route: it reads only the failure (never `data`), so the validated input is
 * `unknown` here and each route's own types stay with its handler; any path, a Response or nothing.
 */
export const validationHook: Hook<unknown, ApiEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return;
  const target = result.target === "json" ? "body" : result.target;
  const { field, message } = describeIssue(result.error.issues, target);
  return c.json(errorBody("invalid_input", message, field, c.get("requestId")), 400);
};

export function createRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}
