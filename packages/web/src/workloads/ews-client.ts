/**
 * The EWS step's "allow" through the page's own server (`ewsApi`, same origin): it starts a device-code
 * sign-in of the Exchange Online PowerShell client and runs core's read-merge-write once the admin has
 * signed in; the page shows the code and polls. No token reaches the page.
 */
import { CoreError } from "@boxafe-connect/core";
import type { EwsAllowRequest, EwsDeviceCode, EwsPoll } from "../contracts/ews-allow.js";
import { callPageService, serviceFailure } from "../page-service.js";

async function call(url: string, init: RequestInit, fetchFn: typeof fetch): Promise<unknown> {
  const answer = await callPageService("EWS service", url, init, fetchFn);
  if (!answer.res.ok) throw serviceFailure("EWS service", answer, "sign_in_failed");
  return answer.json;
}

export async function startEwsAllow(
  ewsApi: string,
  request: EwsAllowRequest,
  fetchFn: typeof fetch = fetch,
): Promise<EwsDeviceCode> {
  const json = await call(
    ewsApi,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) },
    fetchFn,
  );
  const code = json as Partial<EwsDeviceCode>;
  if (
    typeof code.id !== "string" ||
    typeof code.userCode !== "string" ||
    typeof code.verificationUri !== "string"
  ) {
    throw new CoreError("unreachable", "The EWS service answered without a sign-in code.");
  }
  return code as EwsDeviceCode;
}

export async function pollEwsAllow(
  ewsApi: string,
  id: string,
  fetchFn: typeof fetch = fetch,
): Promise<EwsPoll> {
  return (await call(`${ewsApi}/${encodeURIComponent(id)}`, { method: "GET" }, fetchFn)) as EwsPoll;
}
