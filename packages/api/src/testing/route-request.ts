/** What the route contract's cases send and check: the app under test, a keyed POST, a verify body, an error answer. */
import { expect } from "vitest";
import type { AccessLogEntry, ApiConfig } from "../config.js";
import { GOOD_SECRET, TEST_API_KEY, TEST_CLIENT, TEST_TENANT } from "./fakes.js";

export interface AppUnderTest {
  request(path: string, init?: RequestInit): Promise<Response>;
  readonly logs: readonly AccessLogEntry[];
  readonly config: ApiConfig;
}
export type AppFactory = (overrides?: Partial<ApiConfig>) => AppUnderTest;

/** A POST with the test partner's key; pass `"x-api-key": ""` to send none. */
export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: Object.fromEntries(
    Object.entries({ "content-type": "application/json", "x-api-key": TEST_API_KEY, ...headers }).filter(
      ([, v]) => v !== "",
    ),
  ),
  body: typeof body === "string" ? body : JSON.stringify(body),
});

export const verifyBody = (extra: Record<string, unknown> = {}) => ({
  tenantId: TEST_TENANT,
  clientId: TEST_CLIENT,
  clientSecret: GOOD_SECRET,
  ...extra,
});

export async function expectError(res: Response, status: number, code: string, field?: string | null) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe("string");
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  if (field !== undefined) expect(body.field).toBe(field);
  return body;
}
