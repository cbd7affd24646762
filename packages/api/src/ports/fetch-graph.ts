/**
 * GraphPort on plain fetch (Workers): a structural stand-in for the Graph SDK client that core's
 * `graphPortFromClient` drives, so the $batch wire format and transport errors are core's, not ours.
 * Failures are thrown in the SDK's shape (`statusCode`, `code`, `headers`; -1 = no response).
 */
import type { GraphPort, GraphSdkClient, GraphSdkRequest } from "@boxafe-connect/core";
import { graphPortFromClient } from "@boxafe-connect/core";
import type { FetchLike } from "./outbound.js";

export interface FetchGraphOptions {
  /** Graph origin without version, e.g. https://graph.microsoft.com or a sandbox origin. */
  readonly graphBaseUrl: string;
  readonly accessToken: string;
  /** Already restricted to the cloud's origins and under a timeout (createOutbound). */
  readonly fetch: FetchLike;
}

interface SdkLikeError {
  readonly statusCode: number;
  readonly code?: string;
  readonly headers?: Headers;
}

export function createFetchGraphPort(options: FetchGraphOptions): GraphPort {
  const root = `${options.graphBaseUrl.replace(/\/$/, "")}/v1.0`;
  const client: GraphSdkClient = {
    api(path) {
      const headers: Record<string, string> = { accept: "application/json" };
      const request: GraphSdkRequest = {
        header(name, value) {
          headers[name.toLowerCase()] = value;
          return request;
        },
        async post(body) {
          let response: Response;
          try {
            response = await options.fetch(`${root}${path}`, {
              method: "POST",
              headers: { ...headers, authorization: `Bearer ${options.accessToken}` },
              body: JSON.stringify(body),
            });
          } catch {
            throw { statusCode: -1 } satisfies SdkLikeError;
          }
          const parsed: unknown = await response.json().catch(() => undefined);
          if (response.ok) return parsed;
          throw {
            statusCode: response.status,
            code: errorCode(parsed),
            headers: response.headers,
          } satisfies SdkLikeError;
        },
      };
      return request;
    },
  };
  return graphPortFromClient(client);
}

function errorCode(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code.slice(0, 100) : undefined;
}
