/**
 * The wizard's answers (which app, the secret's lifetime) as core's SetupRequest, parsed once
 * here at the page's edge: the same contract the CLI's flags and the API's body map to, with
 * core's defaults for everything the page does not ask.
 */
import type { AppKey, SetupRequest } from "@boxafe-connect/core";
import { parseRequest, setupRequestSchema } from "@boxafe-connect/core";

export interface FormAnswers {
  /** From the step machine: { appId } to adopt, { uniqueName } for ours (named by displayName). */
  readonly appKey: AppKey;
  readonly displayName?: string | undefined;
  readonly secretDays?: number | undefined;
}

export function setupRequestFromForm(form: FormAnswers): SetupRequest {
  return parseRequest(setupRequestSchema, {
    ...("appId" in form.appKey ? { appId: form.appKey.appId } : {}),
    ...(form.displayName === undefined ? {} : { displayName: form.displayName }),
    ...(form.secretDays === undefined ? {} : { secretLifetimeDays: form.secretDays }),
  });
}
