import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "./main.js";

describe("api command", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("--port 0 --json prints one JSON line with the url of a live server", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const api = await main(["--", "--port", "0", "--json"]);
    try {
      expect(lines).toHaveLength(1);
      const { url } = JSON.parse(lines[0] ?? "") as { url: string };
      expect(url).toBe(api.url);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${url}/v1/health`)).json()) as { status: string };
      expect(health.status).toBe("ok");
      // No API_KEYS in the environment: this run's key was handed over, and it opens /v1/verify.
      const { apiKey } = JSON.parse(lines[0] ?? "") as { apiKey: string };
      expect(apiKey).toMatch(/^bxc_[A-Za-z0-9_-]{43}$/);
      const verify = (key: string) =>
        fetch(`${url}/v1/verify`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": key },
          body: "{}",
        });
      const other = apiKey.endsWith("A") ? "B" : "A";
      expect((await verify(`${apiKey.slice(0, -1)}${other}`)).status).toBe(401);
      expect((await verify(apiKey)).status).toBe(400);
    } finally {
      await api.close();
    }
  });

  it("rejects a bad port and unknown flags", async () => {
    await expect(main(["--port", "70000"])).rejects.toThrow(/--port/);
    await expect(main(["--nope"])).rejects.toThrow();
    await expect(main(["--sandbox", "http://localhost:1"])).rejects.toThrow(/https/);
  });
});
