/**
 * A plain HTTPS JSON client for Graph, one request per call, the way the common tools talk to Graph
 * (CLI for Microsoft 365 sends one axios request per call; Azure CLI one `requests` call). Keep-alive
 * is on, as it is in those tools, so the baseline pays latency, not TLS handshakes.
 */
import https from "node:https";

export interface GraphHttpOptions {
  /** Origin of the sandbox (or https://graph.microsoft.com), without a trailing slash. */
  readonly origin: string;
  /** PEM of an extra CA to trust (the sandbox CA). */
  readonly ca?: string;
  readonly getToken: () => Promise<string>;
}

export interface GraphHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface GraphHttp {
  request(method: string, path: string, body?: unknown): Promise<GraphHttpResponse>;
  /** HTTP requests sent so far. */
  readonly count: number;
  close(): void;
}

export function createGraphHttp(options: GraphHttpOptions): GraphHttp {
  const agent = new https.Agent({ keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) });
  let count = 0;
  const send = async (method: string, path: string, body?: unknown): Promise<GraphHttpResponse> => {
    const token = await options.getToken();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(path.startsWith("/v1.0/") ? path : `/v1.0${path}`, options.origin);
    count += 1;
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            accept: "application/json",
            ...(payload === undefined
              ? {}
              : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const headers: Record<string, string> = {};
            for (const [key, value] of Object.entries(res.headers)) {
              if (typeof value === "string") headers[key] = value;
            }
            let parsed: unknown;
            try {
              parsed = text.length > 0 ? JSON.parse(text) : undefined;
            } catch {
              parsed = text;
            }
            resolve({ status: res.statusCode ?? 0, headers, body: parsed });
          });
        },
      );
      req.on("error", reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  };
  return {
    request: send,
    get count() {
      return count;
    },
    close: () => agent.destroy(),
  };
}

/** Graph's error code and message from an error body, for messages and retry decisions. */
export function graphError(body: unknown): { code: string; message: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    code: typeof error?.code === "string" ? error.code : "unknown",
    message: typeof error?.message === "string" ? error.message : "",
  };
}
