import { boxafeProfile, resolveProfile } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { baselineApis } from "./baseline-apis.js";

describe("baselineApis", () => {
  it("groups the boxafe profile into five resources, 20 application and 6 delegated permissions", () => {
    const apis = baselineApis(resolveProfile(boxafeProfile));
    expect(apis).toHaveLength(5);
    expect(apis.flatMap((a) => a.application)).toHaveLength(20);
    expect(apis.flatMap((a) => a.delegated)).toHaveLength(6);
    const graph = apis.find((a) => a.resourceAppId === "00000003-0000-0000-c000-000000000000");
    expect([...(graph?.delegated ?? [])].sort()).toEqual([
      "Group.ReadWrite.All",
      "User.Read",
      "User.ReadWrite.All",
      "openid",
    ]);
    expect(apis.filter((a) => a.delegated.length > 0)).toHaveLength(3);
  });
});
