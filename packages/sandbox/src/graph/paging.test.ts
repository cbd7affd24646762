import { request } from "node:https";
import { describe, expect, it } from "vitest";
import type { ServicePrincipal } from "../store/types.js";
import { errorOf, graph } from "../test/harness.js";
import { useSandbox } from "../test/suite.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./odata.js";

const t = useSandbox({ reset: "tenant" });

/** Reads every page the way a client must: follow @odata.nextLink until it is absent. */
async function readAll(path: string): Promise<{ pages: number; ids: string[]; links: string[] }> {
  const ids: string[] = [];
  const links: string[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next !== undefined) {
    const res = await graph(t.sb, t.admin, "GET", next);
    expect(res.status).toBe(200);
    pages += 1;
    ids.push(...(res.body.value as { id: string }[]).map((v) => v.id));
    const link = res.body["@odata.nextLink"];
    if (typeof link === "string") links.push(link);
    next = typeof link === "string" ? link.slice(`${t.sb.url}/v1.0`.length) : undefined;
  }
  return { pages, ids, links };
}

/** A Graph call with `Host: graph.microsoft.com`, as through a TLS front (fetch cannot set Host). */
function asGraphHost(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const url = new URL(t.sb.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `/v1.0${path}`,
        ca: t.sb.caPem,
        servername: url.hostname,
        headers: {
          Host: "graph.microsoft.com",
          Authorization: `Bearer ${t.admin}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
      },
    );
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** More service principals than one default page holds (a directory of this size is seeded later). */
function padDirectory(count: number): void {
  const dir = t.sb.context.dir;
  const template = dir.data.servicePrincipals[0] as ServicePrincipal;
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(12, "0");
    dir.data.servicePrincipals.push({
      ...template,
      id: `c0000000-0000-4000-8000-${n}`,
      appId: `d0000000-0000-4000-8000-${n}`,
      displayName: `Padding ${i}`,
      appRoles: [],
      oauth2PermissionScopes: [],
    });
  }
}

describe("paging", () => {
  it("pages servicePrincipals by 100 by default and links every page until the last", async () => {
    padDirectory(250);
    const total = t.sb.context.dir.data.servicePrincipals.length;
    const first = await graph(t.sb, t.admin, "GET", "/servicePrincipals?$select=id,appId");
    expect((first.body.value as unknown[]).length).toBe(DEFAULT_PAGE_SIZE);
    const all = await readAll("/servicePrincipals?$select=id,appId");
    expect(all.pages).toBe(Math.ceil(total / DEFAULT_PAGE_SIZE));
    expect(new Set(all.ids).size).toBe(total);
    // The link keeps the original query options (and the tenant segment when one was used).
    for (const link of all.links)
      expect(link).toMatch(/\/v1\.0\/servicePrincipals\?\$select=id%2CappId&\$skiptoken=/);
    const addressed = await graph(t.sb, t.admin, "GET", "/myorganization/servicePrincipals?$top=3");
    expect(addressed.body["@odata.nextLink"]).toMatch(
      /\/v1\.0\/myorganization\/servicePrincipals\?\$top=3&\$skiptoken=/,
    );
  });

  it("links the next page where the client addressed Graph (graph.microsoft.com through a front), in a batch too", async () => {
    // A client reaching the sandbox under Microsoft's name (the conformance package's TLS front) takes
    // its token's resource from the nextLink's host: Graph's links point at https://graph.microsoft.com.
    const direct = await asGraphHost("GET", "/servicePrincipals?$top=3");
    expect(direct["@odata.nextLink"]).toMatch(
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/servicePrincipals\?\$top=3&\$skiptoken=/,
    );
    const batch = await asGraphHost("POST", "/$batch", {
      requests: [{ id: "1", method: "GET", url: "/servicePrincipals?$top=3" }],
    });
    const page = (batch.responses as { body: Record<string, unknown> }[])[0]?.body;
    expect(page?.["@odata.nextLink"]).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/servicePrincipals\?/);
    // Called at the sandbox's own origin, the link stays there.
    const own = await graph(t.sb, t.admin, "GET", "/servicePrincipals?$top=3");
    expect(String(own.body["@odata.nextLink"]).startsWith(`${t.sb.url}/v1.0/`)).toBe(true);
  });

  it("honours $top up to 999 and refuses 0, 1000 and junk with Graph's message", async () => {
    padDirectory(1000);
    const big = await graph(t.sb, t.admin, "GET", `/servicePrincipals?$top=${MAX_PAGE_SIZE}&$select=id`);
    expect((big.body.value as unknown[]).length).toBe(MAX_PAGE_SIZE);
    expect(typeof big.body["@odata.nextLink"]).toBe("string");
    const small = await readAll("/servicePrincipals?$top=7&$select=id");
    expect(new Set(small.ids).size).toBe(t.sb.context.dir.data.servicePrincipals.length);
    for (const top of ["0", "1000", "abc"]) {
      const res = await graph(t.sb, t.admin, "GET", `/servicePrincipals?$top=${top}`);
      expect(res.status).toBe(400);
      expect(errorOf(res).message).toBe(
        `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`,
      );
    }
  });

  it("filters before it pages, and refuses a forged $skiptoken", async () => {
    padDirectory(150);
    const filtered = await graph(
      t.sb,
      t.admin,
      "GET",
      "/servicePrincipals?$filter=startswith(displayName,'Padding 1')",
    );
    // Padding 1, 10-19, 100-149: 61 matches, one page, no link.
    expect((filtered.body.value as unknown[]).length).toBe(61);
    expect(filtered.body["@odata.nextLink"]).toBeUndefined();
    const forged = await graph(t.sb, t.admin, "GET", "/servicePrincipals?$skiptoken=bm90LW91cnM");
    expect(forged.status).toBe(400);
    expect(errorOf(forged).code).toBe("Request_UnsupportedQuery");
  });

  it("pages in $batch with absolute links the engine can follow", async () => {
    padDirectory(120);
    const batch = await graph(t.sb, t.admin, "POST", "/$batch", {
      requests: [{ id: "1", method: "GET", url: "/servicePrincipals?$select=id" }],
    });
    const [first] = batch.body.responses as { status: number; body: Record<string, unknown> }[];
    expect(first?.status).toBe(200);
    expect(String(first?.body["@odata.nextLink"])).toMatch(
      new RegExp(`^${t.sb.url}/v1\\.0/servicePrincipals\\?`),
    );
  });
});
