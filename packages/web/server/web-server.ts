/**
 * The page's own HTTPS server (Node): serves the built page and `/config.json`, and forwards every
 * other path to the sandbox. Page, sign-in and Graph then share one origin, so the browser needs
 * no CORS and trusts one certificate (the sandbox CA's). Not part of the browser bundle.
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { createEwsAllow, EWS_ALLOW_PATH, type EwsAllowOptions } from "./ews-allow.js";

export interface WebServerOptions {
  /** The built page (vite build output). */
  readonly distDir: string;
  /** The sandbox origin, e.g. https://localhost:8443. */
  readonly upstream: string;
  /** PEM of the CA that issued the upstream's certificate. */
  readonly upstreamCa: string;
  /** Certificate and key this server presents (the sandbox's localhost leaf works). */
  readonly tls: { readonly cert: string; readonly key: string };
  /** Fields of /config.json besides the URLs derived from the request's own origin. */
  readonly config: { readonly clientId: string; readonly tenantId: string; readonly hint?: string };
  /** The issuer the upstream puts in its tokens (it names the upstream origin, not ours). */
  readonly issuer?: string;
  /**
   * The boxafe-connect API that proves the new secret with tokens (its /v1/verify), and the partner
   * key this server adds. The page posts to the same-origin VERIFY_PATH only, so the key never
   * reaches the browser, and the key on the API may be allowed /v1/verify alone.
   */
  readonly verifyApi?: { readonly url: string; readonly key: string };
  /**
   * The EWS step's "allow" on this origin (./ews-allow.ts): a device-code sign-in of the Exchange Online
   * PowerShell client, then core's read-merge-write. Absent: the page offers print and skip only.
   */
  readonly ewsAllow?: EwsAllowOptions;
  readonly port?: number;
  readonly host?: string;
}

export interface WebServer {
  readonly url: string;
  stop(): Promise<void>;
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
};

const securityHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "SAMEORIGIN",
  // Everything the page loads or calls is on this origin (the sandbox is proxied); msal's silent
  // renewal uses a hidden frame on the same origin.
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
};

/** The API paths this server forwards (with the key); nothing else of the API is reachable here. */
export const VERIFY_PATH = "/api/v1/verify";
/** The workload proofs: the page posts the secret or the assertions it signed, never the key. */
export const PROVE_PATH = "/api/v1/prove";
const FORWARDED: ReadonlyMap<string, string> = new Map([
  [VERIFY_PATH, "/v1/verify"],
  [PROVE_PATH, "/v1/prove"],
]);
const VERIFY_BODY_LIMIT = 64 * 1024;

/** POST /api/v1/{verify,prove} -> {api}/v1/... with X-Api-Key: the body passes through, nothing is kept or logged. */
async function forwardVerify(
  api: { readonly url: string; readonly key: string },
  apiPath: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > VERIFY_BODY_LIMIT) {
      res.writeHead(413, { "content-type": "application/json" }).end('{"code":"payload_too_large"}');
      return;
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const answer = await fetch(`${api.url.replace(/\/$/, "")}${apiPath}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": api.key },
      body: Buffer.concat(chunks),
      signal: AbortSignal.timeout(120_000),
    });
    const retryAfter = answer.headers.get("retry-after");
    res.writeHead(answer.status, {
      ...securityHeaders,
      "content-type": "application/json",
      "cache-control": "no-store",
      ...(retryAfter ? { "retry-after": retryAfter } : {}),
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
  } catch {
    if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
    res.end('{"code":"unreachable","message":"The verification service did not answer."}');
  }
}

function isStatic(path: string): boolean {
  return path === "/" || path === "/index.html" || path.startsWith("/assets/") || path === "/favicon.svg";
}

async function serveStatic(distDir: string, path: string, res: ServerResponse): Promise<void> {
  const rel = path === "/" ? "/index.html" : path;
  const file = normalize(join(distDir, rel));
  if (!file.startsWith(normalize(distDir))) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    const immutable = rel.startsWith("/assets/");
    res.writeHead(200, {
      ...securityHeaders,
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
    res.end(body);
  } catch {
    res
      .writeHead(404, { "content-type": "text/plain" })
      .end("Not found. Run the build first (pnpm start does).");
  }
}

function forward(options: WebServerOptions, origin: string, req: IncomingMessage, res: ServerResponse): void {
  const upstream = new URL(options.upstream);
  // The browser's Origin goes through as Entra would receive it (the page's origin, not the
  // sandbox's): token redemption rules that depend on it (AADSTS9002326 for a non-SPA client,
  // 9002327 for an SPA) then apply here as they do on Microsoft's cloud.
  const headers = { ...req.headers, host: upstream.host };
  const out = httpsRequest(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers,
      ca: options.upstreamCa,
    },
    (up) => {
      const responseHeaders = { ...up.headers };
      // Redirects that name the sandbox origin come back to this one.
      const location = responseHeaders.location;
      if (typeof location === "string" && location.startsWith(upstream.origin)) {
        responseHeaders.location = origin + location.slice(upstream.origin.length);
      }
      res.writeHead(up.statusCode ?? 502, responseHeaders);
      up.pipe(res);
    },
  );
  out.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end("The sandbox did not answer. Is it still running?");
  });
  req.pipe(out);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const ewsAllow = options.ewsAllow ? createEwsAllow(options.ewsAllow) : undefined;
  const server = createServer({ cert: options.tls.cert, key: options.tls.key }, (req, res) => {
    const origin = `https://${req.headers.host ?? "localhost"}`;
    const path = new URL(req.url ?? "/", origin).pathname;
    if (req.method === "GET" && path === "/config.json") {
      const config = {
        clientId: options.config.clientId,
        tenantId: options.config.tenantId,
        cloud: "sandbox",
        authority: `${origin}/${options.config.tenantId}`,
        graphBaseUrl: `${origin}/`,
        issuer: options.issuer ?? `${options.upstream}/${options.config.tenantId}/v2.0`,
        ...(options.config.hint ? { hint: options.config.hint } : {}),
        ...(options.verifyApi ? { verifyApi: VERIFY_PATH, proveApi: PROVE_PATH } : {}),
        ...(options.ewsAllow ? { ewsApi: EWS_ALLOW_PATH } : {}),
        // The API redeems the page's assertions at the sandbox itself, so they must name its token endpoint.
        assertionAuthority: options.upstream,
      };
      res.writeHead(200, {
        ...securityHeaders,
        "content-type": "application/json",
        "cache-control": "no-store",
      });
      res.end(JSON.stringify(config));
      return;
    }
    const apiPath = FORWARDED.get(path);
    if (apiPath !== undefined) {
      if (req.method !== "POST" || options.verifyApi === undefined) {
        res.writeHead(options.verifyApi ? 405 : 404, options.verifyApi ? { allow: "POST" } : {}).end();
        return;
      }
      void forwardVerify(options.verifyApi, apiPath, req, res);
      return;
    }
    if (ewsAllow?.(path, req, res)) return;
    if ((req.method === "GET" || req.method === "HEAD") && isStatic(path)) {
      void serveStatic(options.distDir, path, res);
      return;
    }
    forward(options, origin, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "localhost", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
