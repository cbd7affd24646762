import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "./config.js";

const good = {
  clientId: "5b0c3d1e-7a2f-4c8b-9e6d-0f1a2b3c4d5e",
  authority: "https://localhost:8444/6f1d3c2a-8b4e-4d5f-9a7b-2c3e4f5a6b7c/",
  graphBaseUrl: "https://localhost:8444",
  cloud: "sandbox",
};

describe("parseConfig", () => {
  it("normalises the URLs", () => {
    const r = parseConfig(good);
    expect(r).toEqual({
      ok: true,
      config: {
        clientId: good.clientId,
        authority: "https://localhost:8444/6f1d3c2a-8b4e-4d5f-9a7b-2c3e4f5a6b7c",
        graphBaseUrl: "https://localhost:8444/",
        cloud: "sandbox",
      },
    });
  });

  it("takes a same-origin verification path only: the secret must not be posted to another host", () => {
    const path = (verifyApi: unknown) => {
      const r = parseConfig({ ...good, verifyApi });
      return r.ok ? r.config.verifyApi : "refused";
    };
    expect(path("/api/v1/verify")).toBe("/api/v1/verify");
    expect(path("https://evil.example.com/v1/verify")).toBeUndefined();
    expect(path("//evil.example.com/v1/verify")).toBeUndefined();
    expect(path("//intranet-host/v1/verify")).toBeUndefined();
    expect(path(42)).toBeUndefined();
  });

  it.each([
    [{ ...good, clientId: " " }, "clientId"],
    [{ ...good, authority: "http://example.com/x" }, "authority"],
    [{ ...good, graphBaseUrl: 42 }, "graphBaseUrl"],
    [{ ...good, cloud: "mars" }, "cloud"],
    [null, "config"],
  ])("names the bad field (%#)", (raw, field) => {
    const r = parseConfig(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.field).toBe(field);
  });

  it("reads /config.json and reports a server that answers badly", async () => {
    const ok = await loadConfig(async () => new Response(JSON.stringify(good)));
    expect(ok.ok).toBe(true);
    const missing = await loadConfig(async () => new Response("", { status: 404 }));
    expect(missing).toEqual({ ok: false, field: "config.json", message: "the server answered 404" });
    const down = await loadConfig(async () => {
      throw new TypeError("fetch failed");
    });
    expect(down.ok).toBe(false);
  });
});
