/**
 * 405 with Allow for a known path asked with a method it does not serve (RFC 9110 §15.5.6), instead
 * of a 404 that would tell a client the path does not exist. The methods come from the app's own
 * route table, so the answer cannot drift from what is served.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { errorBody } from "../errors.js";
import type { ApiEnv } from "../router.js";

export function allowedMethods(app: OpenAPIHono<ApiEnv>): (path: string) => string | undefined {
  let table: Map<string, string> | undefined;
  return (path) => {
    if (table === undefined) {
      const byPath = new Map<string, Set<string>>();
      for (const route of app.routes) {
        if (route.method === "ALL" || route.path.includes("*") || route.path.includes(":")) continue;
        const methods = byPath.get(route.path) ?? new Set<string>();
        methods.add(route.method);
        // Hono answers HEAD from the GET handler; CORS preflights answer OPTIONS on every route.
        if (route.method === "GET") methods.add("HEAD");
        methods.add("OPTIONS");
        byPath.set(route.path, methods);
      }
      table = new Map([...byPath].map(([p, m]) => [p, [...m].sort().join(", ")]));
    }
    return table.get(path);
  };
}

export function methodNotAllowed(c: Context<ApiEnv>, allow: string): Response {
  c.header("Allow", allow);
  return c.json(
    errorBody(
      "method_not_allowed",
      `${c.req.path} does not take ${c.req.method.slice(0, 10)}; it takes ${allow}.`,
      null,
      c.get("requestId"),
    ),
    405,
  );
}
