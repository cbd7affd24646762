import type { User } from "../store/types.js";

export type Caller =
  | { kind: "app"; appId: string; spId: string; roles: string[] }
  | { kind: "user"; appId: string; user: User; scopes: string[] };

export interface GraphRequest {
  method: string;
  /** Path after /v1.0, e.g. `/applications(uniqueName='x')/addPassword`. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
  caller: Caller;
  /**
   * Absolute URL of this request without its query, as the client addressed it (tenant segment kept):
   * the base of `@odata.nextLink`. Set by the router.
   */
  selfUrl?: string;
  /**
   * Scheme and host the client addressed (`https://graph.microsoft.com` for a client reaching the sandbox
   * under Microsoft's name, through a TLS front); default the sandbox's own origin. Graph's nextLink
   * points where the client called, and a client takes its token's resource from that URL.
   */
  origin?: string;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export function isWrite(method: string): boolean {
  return method !== "GET" && method !== "HEAD";
}
