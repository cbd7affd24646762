import { describe, expect, it } from "vitest";
import { covers, scopeKey, tokenSource } from "./token-source.js";

const BASE = ["https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/Policy.Read.All"];

/** An acquisition the test settles by hand, counting how often it was started and with what. */
function controlled() {
  const calls: string[][] = [];
  const pending: { resolve: (token: string) => void; reject: (error: Error) => void }[] = [];
  const acquire = (scopes: string[]) =>
    new Promise<string>((resolve, reject) => {
      calls.push(scopes);
      pending.push({ resolve, reject });
    });
  return { calls, pending, acquire };
}

describe("tokenSource", () => {
  it("shares one acquisition among concurrent requests for the same scope set", async () => {
    const fake = controlled();
    const source = tokenSource(fake.acquire);
    const asked = [
      source.token(BASE),
      source.token([...BASE].reverse()),
      source.token([...BASE, BASE[0] ?? ""]),
      source.token(BASE.map((s) => s.toUpperCase())),
    ];
    expect(fake.calls).toHaveLength(1);
    fake.pending[0]?.resolve("token-1");
    expect(await Promise.all(asked)).toEqual(["token-1", "token-1", "token-1", "token-1"]);
  });

  it("shares a failure too, and asks again once it has settled", async () => {
    const fake = controlled();
    const source = tokenSource(fake.acquire);
    const first = source.token(BASE);
    const second = source.token(BASE);
    fake.pending[0]?.reject(new Error("expired"));
    await expect(first).rejects.toThrow("expired");
    await expect(second).rejects.toThrow("expired");
    expect(fake.calls).toHaveLength(1);
    const third = source.token(BASE);
    expect(fake.calls).toHaveLength(2);
    fake.pending[1]?.resolve("token-2");
    expect(await third).toBe("token-2");
  });

  it("keeps different scope sets apart", async () => {
    const fake = controlled();
    const source = tokenSource(fake.acquire);
    const a = source.token(BASE);
    const b = source.token(BASE.slice(0, 1));
    expect(fake.calls).toEqual([BASE, BASE.slice(0, 1)]);
    fake.pending[0]?.resolve("a");
    fake.pending[1]?.resolve("b");
    expect([await a, await b]).toEqual(["a", "b"]);
  });
});

describe("scope sets", () => {
  it("keys ignore order, case and repeats; covers is a subset test", () => {
    expect(scopeKey(BASE)).toBe(scopeKey([...BASE].reverse()));
    expect(covers(BASE, ["https://graph.microsoft.com/policy.read.all"])).toBe(true);
    expect(covers(BASE.slice(0, 1), BASE)).toBe(false);
  });
});
