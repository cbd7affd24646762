/**
 * The Graph port: one method that sends one JSON $batch (at most 20 requests) in one HTTP round
 * trip. Adapters implement it on @microsoft/microsoft-graph-client; core builds every request.
 */

export type GraphMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface GraphRequest {
  /** Unique within the batch. */
  readonly id: string;
  readonly method: GraphMethod;
  /** Relative to the version root, starting with "/", e.g. "/applications(uniqueName='x')". */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
}

export interface GraphResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, or undefined for 204. Errors have Graph's `{ error: { code, message, details?, innerError? } }`. */
  readonly body: unknown;
}

export interface GraphPort {
  /** Sends the requests as one $batch. Resolves with one response per request (any order). */
  batch(requests: readonly GraphRequest[]): Promise<readonly GraphResponse[]>;
}

export const MAX_BATCH_SIZE = 20;
