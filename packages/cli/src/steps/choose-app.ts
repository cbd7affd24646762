/** choose-app: a new app (name) or an existing one (client ID), plus the secret's description and lifetime. */
import type { SetupRequest, WizardEvent, WizardState } from "@boxafe-connect/core";
import {
  boxafeCredentials,
  DEFAULT_SECRET_DAYS,
  isGuid,
  secretLifetimes,
  validateAppName,
} from "@boxafe-connect/core";
import { unwrap } from "../wizard/prompts.js";
import type { WizardSession } from "../wizard/setup-session.js";
import type { Ui } from "./ui.js";

function nameError(value: string | undefined): string | undefined {
  try {
    validateAppName(value ?? "");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : "Not a usable name.";
  }
}

export async function askChooseApp(
  ui: Ui,
  state: WizardState,
  session: WizardSession,
  request: SetupRequest,
): Promise<WizardEvent> {
  if (state.inputError) ui.log.error(state.inputError.message);
  const flagAppId = request.appId;
  const mode = flagAppId
    ? "adopt"
    : await unwrap(
        await ui.select({
          message: "Which app should Boxafe use?",
          options: [
            {
              value: "new",
              label: "Register a new app",
              hint: "recommended; single tenant (this organization only)",
            },
            {
              value: "adopt",
              label: "Use an app I already registered",
              hint: "by its Application (client) ID",
            },
          ],
          initialValue: "new",
        }),
      );
  // Core decides whether this Boxafe gets a secret (1.5 takes a certificate): no secret, no questions.
  if (request.boxafe === undefined || boxafeCredentials(request.boxafe).secret)
    await askSecret(ui, session, request);
  if (mode === "adopt") {
    const appId =
      flagAppId ??
      (await unwrap(
        await ui.text({
          message: "Application (client) ID of the existing app",
          placeholder: "00000000-0000-0000-0000-000000000000",
          validate: (v) =>
            isGuid((v ?? "").trim()) ? undefined : "Paste the GUID from the app's Overview page.",
        }),
      ));
    return { type: "app.choose-existing", appId: appId.trim() };
  }
  const displayName = await unwrap(
    await ui.text({
      message: "App name (shown in Entra ID and in Boxafe)",
      initialValue: request.displayName ?? state.options.defaultDisplayName,
      validate: nameError,
    }),
  );
  return { type: "app.choose-new", displayName: displayName.trim() };
}

/** The secret's description and lifetime (Boxafe 1.4 signs in with it). */
async function askSecret(ui: Ui, session: WizardSession, request: SetupRequest): Promise<void> {
  const secretName = await unwrap(
    await ui.text({
      message: "Client secret description",
      initialValue: request.secretName,
      validate: (v) => ((v ?? "").trim() === "" ? "Give the secret a description." : undefined),
    }),
  );
  const lifetime = await unwrap(
    await ui.select({
      message: "Client secret lifetime",
      options: secretLifetimes.map((days) => ({
        value: days,
        label: `${days} days`,
        ...(days === DEFAULT_SECRET_DAYS ? { hint: "recommended" } : {}),
      })),
      initialValue: request.secretLifetimeDays ?? DEFAULT_SECRET_DAYS,
    }),
  );
  session.chooseSecret({ displayName: secretName.trim(), lifetimeDays: lifetime });
}
