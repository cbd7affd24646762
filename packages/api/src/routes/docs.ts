/**
 * GET /docs: a small self-contained reference page (no CDN, no script) listing the operations of
 * the OpenAPI document, and GET /openapi.json itself.
 */

import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../router.js";

export const openApiInfo = {
  openapi: "3.1.0",
  info: {
    title: "boxafe-connect API",
    version: "1.0.0",
    description:
      "Registers and checks the Entra ID app QNAP Boxafe needs to back up a Microsoft 365 tenant. Stateless: nothing sent is stored.",
  },
} as const;

const route = createRoute({
  method: "get",
  path: "/docs",
  operationId: "docs",
  summary: "This reference page (HTML)",
  responses: { 200: { description: "HTML page.", content: { "text/html": { schema: z.string() } } } },
});

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface Operation {
  readonly summary?: string;
  readonly operationId?: string;
  readonly security?: unknown[];
}

function renderPage(paths: Record<string, Record<string, Operation>>): string {
  const rows = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? "")}${
          op.security ? " <em>(Authorization: Bearer)</em>" : ""
        }</td></tr>`,
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(openApiInfo.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem}td{padding:.3rem .6rem;vertical-align:top}code{font-size:14px}</style>
</head><body><h1>${escapeHtml(openApiInfo.info.title)}</h1><p>${escapeHtml(openApiInfo.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are
<code>{code, message, field, requestId}</code>; every response carries <code>X-Request-Id</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What it does</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></body></html>`;
}

/** Mounts /openapi.json and /docs on the finished app, so both see every route. */
export function mountDocs(app: OpenAPIHono<ApiEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The signed-in admin's delegated Microsoft Graph access token.",
  });
  app.doc31("/openapi.json", openApiInfo);
  let page: string | undefined;
  app.openapi(route, (c) => {
    page ??= renderPage(
      app.getOpenAPI31Document(openApiInfo).paths as Record<string, Record<string, Operation>>,
    );
    return c.html(page, 200);
  });
}
