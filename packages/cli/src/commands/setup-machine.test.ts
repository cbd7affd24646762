/**
 * `setup --yes` and the wizard run the same step machine: both are driven through core's
 * driveSteps over core's setup session on a fake tenant, --yes with its answers given up front,
 * the wizard with its real prompt code answering through a scripted terminal. The sequences of
 * phases and effects must match, with and without the SharePoint certificate.
 */
import type { Driver, Effect, SetupRequest, WizardState } from "@boxafe-connect/core";
import {
  answersUpFront,
  createSetupSession,
  DEFAULT_APP_NAME,
  driveSteps,
  initialState,
  parseRequest,
  permissions,
  runEffect,
  sandboxEndpoints,
  setupRequestSchema,
} from "@boxafe-connect/core";
import { fakeAppTokens, fakeTenant, fakeTime } from "@boxafe-connect/core/testing";
import { describe, expect, it } from "vitest";
import type { CommandContext } from "../command-context.js";
import { createOutput } from "../output.js";
import type { Ui } from "../steps/ui.js";
import { wizardSessionOver } from "../wizard/setup-session.js";
import { promptAnswers } from "./setup-wizard.js";

const roles = permissions.filter((p) => p.kind === "application").map((p) => p.value);
const sink = { write: () => true };

function coreSession(request: SetupRequest) {
  const tenant = fakeTenant();
  const made = {
    source: "made" as const,
    derBase64: "MIIB",
    thumbprint: "C".repeat(40),
    notAfter: "2027-11-27T12:00:00.000Z",
    certificatePem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
    privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
    pfx: new Uint8Array([1]),
    x5tS256: "x",
    notBefore: "2026-11-27T12:00:00.000Z",
    pfxPassword: "pw",
    generatedPassword: false,
  };
  const ports = {
    ...fakeTime(),
    graph: tenant,
    proof: { appToken: fakeAppTokens(() => roles), cloud: sandboxEndpoints("https://localhost:8443") },
    certificates: { make: async () => made },
  };
  return createSetupSession(
    {
      signIn: async () => ({ username: "admin@contoso.onmicrosoft.com", tenantId: "t", ports }),
      checkRole: async () => ({ roles: ["Global Administrator"] }),
    },
    request,
  );
}

/** A terminal that takes every prompt's default, except the SharePoint choice. */
function scriptedUi(sharepoint: "finish" | "certificate"): Ui {
  const quiet = () => {};
  const ui = {
    select: async (options: { message: string; initialValue?: unknown }) =>
      options.message.startsWith("Add SharePoint access") ? sharepoint : options.initialValue,
    text: async (options: { initialValue?: string }) => options.initialValue ?? "",
    confirm: async (options: { initialValue?: boolean }) => options.initialValue ?? true,
    note: quiet,
    log: { info: quiet, warn: quiet, error: quiet, success: quiet, step: quiet, message: quiet },
    spinner: () => ({ start: quiet, stop: quiet, message: quiet, error: quiet }),
    isCancel: () => false,
  };
  return ui as unknown as Ui;
}

interface Walk {
  readonly phases: string[];
  readonly effects: string[];
  readonly end: WizardState;
}

async function walk(answer: Driver["answer"], handlers: Driver["handlers"]): Promise<Walk> {
  const phases: string[] = [];
  const effects: string[] = [];
  const end = await driveSteps(
    {
      handlers,
      answer,
      run: (effect: Effect, _state, feed) => {
        effects.push(effect.type);
        return runEffect(handlers, effect, feed);
      },
      onState: (state) => {
        if (phases.at(-1) !== state.phase) phases.push(state.phase);
      },
    },
    [initialState({ defaultDisplayName: DEFAULT_APP_NAME }), []],
  );
  return { phases, effects, end };
}

function context(): CommandContext {
  return {
    command: "setup",
    values: {},
    out: createOutput({ json: false, verbose: false, rich: false, stdout: sink, stderr: sink }),
    env: {},
    stdin: process.stdin,
    interactive: true,
  };
}

describe("setup --yes and the wizard walk the same step machine", () => {
  it.each([
    ["without SharePoint", false],
    ["with the SharePoint certificate", true],
  ] as const)("%s", async (_name, certificate) => {
    const request = parseRequest(setupRequestSchema, { certificate });
    const yes = coreSession(request);
    const byYes = await walk(
      answersUpFront({
        displayName: DEFAULT_APP_NAME,
        ...(certificate ? { sharepoint: "certificate" } : {}),
      }),
      yes.handlers,
    );
    const wizard = wizardSessionOver(coreSession(parseRequest(setupRequestSchema, {})));
    const byWizard = await walk(
      promptAnswers(
        scriptedUi(certificate ? "certificate" : "finish"),
        wizard,
        context(),
        request,
        () => undefined,
      ),
      wizard.handlers,
    );

    expect(byYes.end.phase).toBe("done");
    expect(byWizard.phases).toEqual(byYes.phases);
    expect(byWizard.effects).toEqual(byYes.effects);
    expect(byYes.phases).toEqual([
      "start",
      "signing-in",
      "checking-role",
      "choose-app",
      "observing",
      "review",
      "applying",
      "verifying",
      "hand-over",
      ...(certificate ? ["preparing-sharepoint", "sharepoint"] : []),
      "done",
    ]);
    // Both end with a certificate when asked for one (in --yes it is in the first plan).
    expect(Boolean(byWizard.end.sharepoint?.certificate)).toBe(certificate);
    expect(Boolean(byYes.end.sharepoint?.certificate)).toBe(certificate);
  });
});
