/**
 * The page's EWS "allow" on its own origin (Node): a device-code sign-in of the Exchange Online
 * PowerShell module's public client (the one `Connect-ExchangeOnline -Device` uses; its redirect URIs
 * admit no page of ours, so a browser redirect cannot get its token), then core's EWS step
 * (runEwsStep: read, merge, write the whole list, read back; a change that blocks other apps needs
 * confirmEwsChange). The page shows the user code and the verification URL and polls; the Exchange
 * token lives in this module's memory for that one call, is never logged and never returned.
 *
 *   POST /api/ews/allow {tenantId, initialDomain, appId, confirmEwsChange} -> {id, userCode, verificationUri, expiresIn}
 *   GET  /api/ews/allow/{id} -> {state: "waiting"} | {state: "done", result} | {state: "failed", error}
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CloudEndpoints, EwsStepResult } from "@boxafe-connect/core";
import {
  CoreError,
  EXCHANGE_POWERSHELL_CLIENT_ID,
  ewsRequestSchema,
  exchangeAdminScope,
  isCoreError,
  parseRequest,
  printable,
  runEwsStep,
  validateTenantId,
} from "@boxafe-connect/core";
import type { DeviceCodeInfo } from "@boxafe-connect/runtime";
import { createFetchHttpPort, deviceCodeSignIn, nodePorts } from "@boxafe-connect/runtime";
import type { EwsAllowView, EwsDeviceCode, EwsPoll } from "../src/contracts/ews-allow.js";

export const EWS_ALLOW_PATH = "/api/ews/allow";
const BODY_LIMIT = 4 * 1024;
/** Sign-ins waiting at once; more answer 429 (each holds a device code at the token service). */
const MAX_SESSIONS = 20;

/** A sign-in's poll answer (the page's contract) until it expires. */
type Session = EwsPoll & { readonly expiresAt: number };

export interface EwsAllowOptions {
  /** The cloud whose Exchange Online and token service the sign-in and the cmdlets use. */
  readonly cloud: CloudEndpoints;
}

function view(result: EwsStepResult): EwsAllowView {
  return {
    ewsAllowed: result.ewsAllowed,
    needsConfirmation: result.needsConfirmation,
    outcome: result.allow?.outcome ?? result.mode,
    effects: (result.allow?.change.effects ?? []).map((line) => printable(line, 600)),
    notes: (result.allow?.notes ?? []).map((line) => printable(line, 600)),
    powershell: result.powershell,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function errorBody(error: unknown): { code: string; message: string; field?: string } {
  if (isCoreError(error)) {
    return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  }
  return { code: "internal_error", message: "The EWS step failed unexpectedly; try again." };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new CoreError("payload_too_large", "The request body is too large.");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new CoreError("invalid_input", "The body is not JSON.", { field: "body" });
  }
}

function field(raw: unknown, name: string): unknown {
  return typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;
}

function tenantField(raw: unknown, name: string): string {
  const value = field(raw, name);
  if (typeof value !== "string")
    throw new CoreError("invalid_input", `${name} is required.`, { field: name });
  try {
    return validateTenantId(value);
  } catch (error) {
    throw isCoreError(error) ? new CoreError("invalid_input", error.message, { field: name }) : error;
  }
}

export function createEwsAllow(options: EwsAllowOptions) {
  const sessions = new Map<string, Session>();
  const sweep = (now: number) => {
    for (const [id, s] of sessions) if (s.expiresAt <= now) sessions.delete(id);
  };

  async function start(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readJson(req);
    // core's request: which app, and whether a change that blocks other apps is confirmed.
    const request = parseRequest(ewsRequestSchema, {
      action: "allow",
      appId: field(raw, "appId"),
      confirmEwsChange: field(raw, "confirmEwsChange") ?? false,
    });
    const tenantId = tenantField(raw, "tenantId");
    const initialDomain = tenantField(raw, "initialDomain");
    sweep(Date.now());
    if (sessions.size >= MAX_SESSIONS) {
      throw new CoreError("throttled", "Too many Exchange Online sign-ins are waiting; try again shortly.");
    }
    const id = randomUUID();
    const code = await new Promise<DeviceCodeInfo>((resolve, reject) => {
      const signIn = deviceCodeSignIn({
        authorityHost: options.cloud.authorityHost,
        tenant: tenantId,
        clientId: EXCHANGE_POWERSHELL_CLIENT_ID,
        scopes: [exchangeAdminScope(options.cloud)],
        onCode: (info) => {
          sessions.set(id, { state: "waiting", expiresAt: Date.now() + info.expiresIn * 1000 });
          resolve(info);
        },
      });
      signIn
        .then(async (signedIn) => {
          // The token is used for this one step and dropped with this closure.
          const result = await runEwsStep(
            "allow",
            {
              tenantId,
              initialDomain,
              cloud: options.cloud,
              appId: request.appId,
              ...(signedIn.account?.username ? { adminUpn: signedIn.account.username } : {}),
            },
            {
              deps: {
                ...nodePorts(),
                http: createFetchHttpPort(),
                exchangeToken: { getAccessToken: async () => signedIn.accessToken },
              },
              confirmNarrowing: request.confirmEwsChange,
            },
          );
          sessions.set(id, { state: "done", expiresAt: Date.now() + 600_000, result: view(result) });
        })
        .catch((error: unknown) => {
          if (!sessions.has(id)) reject(error);
          else
            sessions.set(id, { state: "failed", expiresAt: Date.now() + 600_000, error: errorBody(error) });
        });
    });
    const answer: EwsDeviceCode = {
      id,
      userCode: code.userCode,
      verificationUri: code.verificationUri,
      expiresIn: code.expiresIn,
    };
    send(res, 200, answer);
  }

  function status(id: string, res: ServerResponse): void {
    sweep(Date.now());
    const session = sessions.get(id);
    if (session === undefined) {
      send(res, 404, { code: "not_found", message: "No such sign-in (it expired); start again." });
      return;
    }
    const { expiresAt: _, ...shown } = session;
    const answer: EwsPoll = shown;
    send(res, 200, answer);
  }

  /** Handles the two paths; answers false for any other path. */
  return function handle(path: string, req: IncomingMessage, res: ServerResponse): boolean {
    if (path === EWS_ALLOW_PATH && req.method === "POST") {
      start(req, res).catch((error: unknown) => {
        const body = errorBody(error);
        const statusCode =
          body.code === "invalid_input"
            ? 400
            : body.code === "payload_too_large"
              ? 413
              : body.code === "throttled"
                ? 429
                : 502;
        if (!res.headersSent) send(res, statusCode, body);
      });
      return true;
    }
    const match = /^\/api\/ews\/allow\/([0-9a-f-]{36})$/.exec(path);
    if (match?.[1] && req.method === "GET") {
      status(match[1], res);
      return true;
    }
    if (path.startsWith(EWS_ALLOW_PATH)) {
      send(res, 405, { code: "method_not_allowed", message: "POST to start, GET /{id} to poll." });
      return true;
    }
    return false;
  };
}
