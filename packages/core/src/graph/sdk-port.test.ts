import { describe, expect, it } from "vitest";
import { type GraphSdkClient, type GraphSdkRequest, graphPortFromClient } from "./sdk-port.js";
import { GraphTransportError } from "./transport-error.js";

function fakeClient(
  post: (path: string, headers: Record<string, string>, body: unknown) => Promise<unknown>,
): GraphSdkClient {
  return {
    api(path) {
      const headers: Record<string, string> = {};
      const request: GraphSdkRequest = {
        header(k, v) {
          headers[k] = v;
          return request;
        },
        post: (body) => post(path, headers, body),
      };
      return request;
    },
  };
}

describe("graphPortFromClient", () => {
  it("posts one /$batch with Content-Type on bodies and returns the sub-responses", async () => {
    const seen: unknown[] = [];
    const port = graphPortFromClient(
      fakeClient(async (path, _h, body) => {
        seen.push({ path, body });
        return {
          responses: [
            { id: "1", status: 201, headers: { "Content-Type": "application/json" }, body: { id: "x" } },
          ],
        };
      }),
    );
    const out = await port.batch([
      { id: "1", method: "POST", url: "/applications", body: { displayName: "a" } },
    ]);
    expect(seen).toEqual([
      {
        path: "/$batch",
        body: {
          requests: [
            {
              id: "1",
              method: "POST",
              url: "/applications",
              headers: { "Content-Type": "application/json" },
              body: { displayName: "a" },
            },
          ],
        },
      },
    ]);
    expect(out).toEqual([
      { id: "1", status: 201, headers: { "Content-Type": "application/json" }, body: { id: "x" } },
    ]);
  });

  it("reports a fetch failure (statusCode -1) as a lost response", async () => {
    const port = graphPortFromClient(
      fakeClient(async () => Promise.reject({ statusCode: -1, code: "TypeError" })),
    );
    const error = await port.batch([{ id: "1", method: "GET", url: "/x" }]).catch((e) => e);
    expect(error).toBeInstanceOf(GraphTransportError);
    expect(error.kind).toBe("network");
  });

  it("reports an outer 429 with its Retry-After", async () => {
    const headers = new Map([["retry-after", "2"]]);
    const fetchLike = {
      get: (k: string) => headers.get(k),
      forEach: (cb: (v: string, k: string) => void) => headers.forEach(cb),
    };
    const port = graphPortFromClient(
      fakeClient(async () => Promise.reject({ statusCode: 429, headers: fetchLike })),
    );
    const error = await port.batch([{ id: "1", method: "GET", url: "/x" }]).catch((e) => e);
    expect(error).toMatchObject({ kind: "http", status: 429, retryAfter: { afterMs: 2000 } });
  });
});
