/** `web-app register`: the single-page app registration the web UI signs in with on a real tenant. */
import { z } from "zod";
import { appNameField } from "./fields.js";

export const DEFAULT_WEB_APP_NAME = "Boxafe Connect Web";
/** Vite's dev server, where the web UI runs by default. */
export const DEFAULT_WEB_REDIRECT_URI = "http://localhost:5173/";

export const webAppRequestSchema = z.strictObject({
  displayName: appNameField.default(DEFAULT_WEB_APP_NAME),
  /** Checked by engine/web-app.ts (https, or http on localhost) with the field named. */
  redirectUris: z.array(z.string()).default([DEFAULT_WEB_REDIRECT_URI]),
});

export type WebAppRequest = z.output<typeof webAppRequestSchema>;
