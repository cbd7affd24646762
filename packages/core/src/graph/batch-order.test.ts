import { describe, expect, it } from "vitest";
import { fakeTime, graphError, scriptedGraph } from "../testing/index.js";
import { chunksOf } from "./batch-order.js";
import { type RunRequest, runRequests } from "./batch-runner.js";

const get = (id: string): RunRequest => ({ id, method: "GET", url: `/things/${id}` });
const mark: RunRequest = { id: "mark", method: "PATCH", url: "/applications/a", body: { tags: ["t"] } };
const add: RunRequest = {
  id: "add",
  method: "POST",
  url: "/applications/a/addPassword",
  body: {},
  onLost: "report",
  dependsOn: ["mark"],
};

describe("chunksOf", () => {
  it("keeps a request in the $batch of what it depends on, at most 20 per batch", () => {
    const many = Array.from({ length: 19 }, (_, i) => get(String(i)));
    const chunks = chunksOf([...many, mark, add]);
    expect(chunks.map((c) => c.length)).toEqual([19, 2]);
    expect(chunks[1]?.map((r) => r.id)).toEqual(["mark", "add"]);
  });
});

describe("runRequests with dependsOn", () => {
  it("sends dependsOn only for ids in the same $batch", async () => {
    const time = fakeTime();
    const graph = scriptedGraph((r, call) =>
      r.url.endsWith("/addPassword") && call === 1 ? { status: 429 } : { status: 200, body: {} },
    );
    await runRequests({ ...time, graph }, [mark, add]);
    expect(graph.batches[0]?.find((r) => r.id === "add")?.dependsOn).toEqual(["mark"]);
    // The retry carries add alone: its dependency has run, and Graph refuses an unknown id.
    expect(graph.batches[1]?.map((r) => r.id)).toEqual(["add"]);
    expect(graph.batches[1]?.[0]?.dependsOn).toBeUndefined();
  });

  it("re-sends a 424 (never ran) with its throttled dependency, even a write reported when lost", async () => {
    const time = fakeTime();
    const graph = scriptedGraph((r, call) => {
      if (r.id === "mark" && call === 1) return { status: 429, headers: { "Retry-After": "1" } };
      if (r.id === "add" && call === 1) return graphError(424, "FailedDependency", "dependency failed");
      return { status: 200, body: { keyId: "k" } };
    });
    const results = await runRequests({ ...time, graph }, [mark, add]);
    expect(graph.batches.map((b) => b.map((r) => r.id))).toEqual([
      ["mark", "add"],
      ["mark", "add"],
    ]);
    expect(results.get("add")?.kind).toBe("ok");
    expect(time.sleeps).toEqual([1000]);
  });

  it("fails a 424 with its dependency's error when that one fails for good (keepGoing)", async () => {
    const time = fakeTime();
    const graph = scriptedGraph((r) =>
      r.id === "mark"
        ? graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
        : graphError(424, "FailedDependency", "dependency failed"),
    );
    const results = await runRequests({ ...time, graph }, [mark, add], undefined, { keepGoing: true });
    const [dependency, failed] = [results.get("mark"), results.get("add")];
    expect(dependency?.kind).toBe("failed");
    expect(failed?.kind).toBe("failed");
    // The same error as its dependency's (what the caller should act on), and nothing was sent again.
    expect(
      failed?.kind === "failed" && dependency?.kind === "failed" && failed.error === dependency.error,
    ).toBe(true);
    expect(graph.batches).toHaveLength(1);
  });
});
