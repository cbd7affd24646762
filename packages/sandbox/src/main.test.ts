import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";

describe("pnpm sandbox (src/main.ts)", () => {
  it("prints one JSON line with the connection details and stops cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/main.ts", "--port", "0", "--json", "--seed", "3", "--faults", "latency=1"],
      {
        cwd: new URL("..", import.meta.url).pathname,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    const info = JSON.parse(line) as Record<string, unknown>;
    console.log(`CLI sandbox startup (in-process part): ${info.startupMs} ms`);
    expect(info).toMatchObject({
      tenantId: "6f1d3c2a-8b4e-4d5f-9a7b-2c3e4f5a6b7c",
      tenantDomain: "contoso.onmicrosoft.com",
      admin: { upn: "admin@contoso.onmicrosoft.com" },
      faults: "latency=1",
    });
    expect(String(info.url)).toMatch(/^https:\/\/localhost:\d+$/);
    expect(String(info.caFile)).toMatch(/ca\.pem$/);
    const discovery = await fetch(`${info.url}/common/discovery/instance`);
    expect(discovery.status).toBe(200);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    // tsx compiles the sandbox on start: a few seconds, 28 s of the 60 s default under load. The bound only
    // says "no hang", so it is generous.
  }, 180_000);
});
