/**
 * The request of the `ews` use case (CLI `ews status|allow`, a setup's EWS step, the API): which
 * app, and whether the admin confirmed a change that blocks other apps. The confirmation is its own
 * field because `--yes` alone must not be enough for it.
 */
import { z } from "zod";
import { appIdField } from "./fields.js";

export const ewsRequestSchema = z.strictObject({
  action: z.enum(["status", "allow"], { error: "must be status or allow" }),
  /** The Boxafe app's Application (client) ID. */
  appId: appIdField,
  confirmEwsChange: z
    .boolean()
    .default(false)
    .meta({ description: "Confirm an allow-list change that leaves other apps without EWS." }),
});

export type EwsRequest = z.output<typeof ewsRequestSchema>;
export type EwsRequestInput = z.input<typeof ewsRequestSchema>;
