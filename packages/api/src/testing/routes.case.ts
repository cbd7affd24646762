/**
 * The route contract, written once over an app factory (hono's `runTest({ newRouter })` pattern):
 * routes.test.ts runs it on Node through app.request(), routes.workers.test.ts inside workerd.
 * The cases live by concept beside it (http, verify-input, access, limits).
 */
import { describe } from "vitest";
import { accessCases } from "./access.case.js";
import { httpCases } from "./http.case.js";
import { limitCases } from "./limits.case.js";
import type { AppFactory } from "./route-request.js";
import { verifyInputCases } from "./verify-input.case.js";

export type { AppFactory, AppUnderTest } from "./route-request.js";

export function describeRouteContract(name: string, makeApp: AppFactory): void {
  describe(`routes (${name})`, () => {
    httpCases(makeApp);
    verifyInputCases(makeApp);
    accessCases(makeApp);
    limitCases(makeApp);
  });
}
