/**
 * A plain HTTP call, for the services that are not Microsoft Graph: Exchange Online's admin REST,
 * EWS and SharePoint REST. Core builds every request (URL, headers, body) and reads every answer;
 * the adapter only moves bytes (fetch in Node, the browser or a Worker).
 */

export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  /** Header names as sent; Authorization carries the bearer token, which the port never logs. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Resolves for every HTTP status; rejects with CoreError `unreachable` when no answer came. */
export interface HttpPort {
  send(request: HttpRequest): Promise<HttpResponse>;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
