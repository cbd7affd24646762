import { createEffect, createSignal, onMount, Show } from "solid-js";
import { CheckRepairView } from "./check/check-repair.js";
import { RotationCard } from "./check/rotation-card.js";
import { useCheck } from "./check/use-check.js";
import { useRotation } from "./check/use-rotation.js";
import type { CopyFn } from "./components/copy-field.js";
import { ProgressRail } from "./components/progress-rail.js";
import { TopBar } from "./components/top-bar.js";
import type { WebConfig } from "./config.js";
import type { ErrorAction } from "./error-view.js";
import { SetupSteps } from "./setup-steps.js";
import { useCertificate } from "./sharepoint/use-certificate.js";
import type { AppChoice } from "./steps/choose-app.js";
import { SignInStep } from "./steps/sign-in.js";
import { VIEW_KEY } from "./wizard/keys.js";
import type { LoadDriver } from "./wizard/use-wizard.js";
import { useWizard } from "./wizard/use-wizard.js";
import { railItems } from "./wizard/view-model.js";

export type { DriverListener } from "./wizard/use-wizard.js";

export interface AppProps {
  readonly config: WebConfig;
  /** Loads the signed-in half (msal-browser, Graph client, core's machine and engine) on demand. */
  readonly loadDriver: LoadDriver;
  /** True when a sign-in is under way or a wizard state was saved in this tab. */
  readonly resume: boolean;
  readonly copy?: CopyFn;
}

type View = "setup" | "check";

/** The page: header, the rail (or the way back from check mode), and the setup or check view. */
export function App(props: AppProps) {
  const wizard = useWizard(props.loadDriver);
  const checkMode = useCheck(() => wizard.getDriver());
  const certificate = useCertificate(() => wizard.getDriver());
  // After a rotate or a retire, the app is read again so the list shows what it holds now.
  const rotation = useRotation(
    () => wizard.getDriver(),
    () => void checkMode.recheck(),
  );
  const [view, setView] = createSignal<View>(
    sessionStorage.getItem(VIEW_KEY) === "check" ? "check" : "setup",
  );
  const show = (next: View) => {
    setView(next);
    sessionStorage.setItem(VIEW_KEY, next);
  };
  const openCheck = () => show("check");
  const inSetup = () => view() === "setup" || !wizard.allowed();

  const onErrorAction = (action: ErrorAction) => {
    if (action === "check") openCheck();
    else if (action === "sign-in")
      void wizard.send({ type: wizard.can("sign-in.again") ? "sign-in.again" : "sign-in.start" });
    else if (action === "retry" && wizard.can("retry")) void wizard.send({ type: "retry" });
    else void wizard.startOver();
  };

  const choose = async (choice: AppChoice) => {
    const d = await wizard.getDriver();
    d.setSecretDays(choice.secretDays);
    d.setBoxafe(choice.boxafe);
    await wizard.send(
      choice.mode === "new"
        ? { type: "app.choose-new", displayName: choice.displayName }
        : { type: "app.choose-existing", appId: choice.appId },
    );
  };

  onMount(() => {
    if (props.resume) wizard.resume();
  });

  // A reload in the check view reads the same app again once the resumed sign-in allows it.
  let recheckAfterReload = props.resume && view() === "check" ? checkMode.savedAppId() : undefined;
  createEffect(() => {
    const appId = recheckAfterReload;
    if (appId === undefined || view() !== "check" || !wizard.allowed()) return;
    recheckAfterReload = undefined;
    void checkMode.check(appId);
  });

  return (
    <>
      <TopBar state={wizard.state()} />
      <div class="layout">
        <aside>
          <Show
            when={inSetup()}
            fallback={
              <nav class="rail" aria-label="Modes">
                <button type="button" onClick={() => show("setup")}>
                  Back to the setup
                </button>
              </nav>
            }
          >
            <ProgressRail items={railItems(wizard.state(), wizard.extras().boxafe)} />
            <Show when={wizard.allowed()}>
              <p>
                <button type="button" class="link" onClick={openCheck}>
                  Check or repair an existing app
                </button>
              </p>
            </Show>
          </Show>
        </aside>
        <main>
          <Show when={wizard.localError()}>
            {(error) => (
              <SignInStep
                phase="error"
                error={error()}
                hint={props.config.hint}
                onSignIn={() => void wizard.send({ type: "sign-in.start" })}
                onErrorAction={onErrorAction}
              />
            )}
          </Show>
          <Show when={!wizard.localError()}>
            <Show
              when={inSetup()}
              fallback={
                <CheckRepairView
                  initialAppId={checkMode.savedAppId()}
                  phase={checkMode.phase()}
                  repairPhase={checkMode.repairPhase()}
                  drift={checkMode.drift()}
                  repaired={checkMode.repaired()}
                  error={checkMode.error()}
                  copy={props.copy}
                  onCheck={(id) => {
                    rotation.reset();
                    void checkMode.check(id);
                  }}
                  onRepair={() => void checkMode.repair()}
                  onErrorAction={(a) => (a === "retry" ? undefined : onErrorAction(a))}
                  rotation={(drift) => (
                    <RotationCard
                      clientId={drift.appId ?? ""}
                      tenantId={drift.tenantId ?? ""}
                      credentials={drift.credentials ?? []}
                      rotation={rotation}
                      copy={props.copy}
                      onErrorAction={(a) => (a === "retry" ? undefined : onErrorAction(a))}
                    />
                  )}
                />
              }
            >
              <SetupSteps
                config={props.config}
                wizard={wizard}
                certificate={certificate}
                hint={props.config.hint}
                copy={props.copy}
                onErrorAction={onErrorAction}
                onChoose={(c) => void choose(c)}
                onCheck={openCheck}
              />
            </Show>
          </Show>
        </main>
      </div>
    </>
  );
}
