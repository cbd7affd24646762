/** registerWebUi: upsert the web UI's single-page app (its redirect URIs and delegated Graph scopes). */
import type { WebAppResult } from "../engine/web-app.js";
import { registerWebApp } from "../engine/web-app.js";
import type { WebAppRequest } from "../requests/web-app-request.js";
import type { Emit } from "./events.js";
import { silent } from "./events.js";
import type { AdminPorts } from "./ports.js";
import { reporting } from "./prepare.js";

export async function registerWebUi(
  ports: AdminPorts,
  request: WebAppRequest,
  emit: Emit = silent,
): Promise<WebAppResult> {
  return registerWebApp(reporting(ports, emit), request);
}
