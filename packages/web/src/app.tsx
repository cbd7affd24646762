import type { WizardEvent, WizardEventType, WizardState } from "@boxafe-connect/core";
import { APPLY_STEPS } from "@boxafe-connect/core";
import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import { CheckRepairView } from "./check/check-repair.js";
import { useCheck } from "./check/use-check.js";
import type { CopyFn } from "./components/copy-field.js";
import { ProgressRail } from "./components/progress-rail.js";
import type { WebConfig } from "./config.js";
import type { ErrorAction, ErrorInfo } from "./error-view.js";
import { CheckRoleStep } from "./steps/check-role.js";
import { type AppChoice, ChooseAppStep } from "./steps/choose-app.js";
import { DoneStep } from "./steps/done.js";
import { HandOverStep } from "./steps/hand-over.js";
import { RegisterAppStep } from "./steps/register-app.js";
import { SharePointStep } from "./steps/sharepoint.js";
import { SignInStep } from "./steps/sign-in.js";
import type { Phase } from "./steps/types.js";
import { VerifyStep } from "./steps/verify.js";
import type { Driver, SessionExtras } from "./wizard/driver-types.js";
import { toErrorInfo } from "./wizard/error-info.js";
import { VIEW_KEY } from "./wizard/keys.js";
import { applyProgress, handOverValues, railItems } from "./wizard/view-model.js";

export type DriverListener = (
  state: WizardState,
  extras: SessionExtras,
  events: readonly WizardEventType[],
) => void;

export interface AppProps {
  readonly config: WebConfig;
  /** Loads the signed-in half (msal-browser, Graph client, core's machine and engine) on demand. */
  readonly loadDriver: (listener: DriverListener) => Promise<Driver>;
  /** True when a sign-in is under way or a wizard state was saved in this tab. */
  readonly resume: boolean;
  readonly copy?: CopyFn;
}

/** The state before anything ran; core's initialState() has the same shape (loaded later). */
const START: WizardState = {
  version: 1,
  phase: "start",
  options: { sharepoint: true, defaultDisplayName: "QNAP Boxafe" },
  applied: [],
};

type View = "setup" | "check";

export function App(props: AppProps) {
  const [state, setState] = createSignal<WizardState>(START);
  const [extras, setExtras] = createSignal<SessionExtras>({});
  const [events, setEvents] = createSignal<readonly WizardEventType[]>(["sign-in.start"]);
  const [loading, setLoading] = createSignal(false);
  const [localError, setLocalError] = createSignal<ErrorInfo>();
  const [view, setView] = createSignal<View>(
    sessionStorage.getItem(VIEW_KEY) === "check" ? "check" : "setup",
  );
  let driver: Driver | undefined;
  const checkMode = useCheck(() => getDriver());

  const getDriver = async (): Promise<Driver> => {
    if (driver) return driver;
    setLoading(true);
    try {
      driver = await props.loadDriver((s, x, e) => {
        setState(s);
        setExtras(x);
        setEvents(e);
      });
      return driver;
    } finally {
      setLoading(false);
    }
  };

  const send = async (event: WizardEvent) => {
    setLocalError(undefined);
    try {
      await (await getDriver()).send(event);
    } catch (error) {
      setLocalError(toErrorInfo(error));
    }
  };
  const can = (type: WizardEventType) => events().includes(type);

  /** The step an error belongs to, and the error as the views show it. */
  const failedStep = () => (state().phase === "error" ? state().error?.step : undefined);
  const errorOf = (...steps: string[]): ErrorInfo | undefined => {
    const e = state().error;
    if (state().phase === "error" && e && steps.includes(e.step)) {
      return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
    }
    return undefined;
  };
  const phaseOf = (working: boolean, done: boolean, ...steps: string[]): Phase =>
    errorOf(...steps) ? "error" : working ? "working" : done ? "done" : "idle";

  const startOver = async () => {
    const d = await getDriver();
    d.reset();
    await d.send({ type: "sign-in.start" });
  };

  const onErrorAction = (action: ErrorAction) => {
    if (action === "check") openCheck();
    else if (action === "sign-in")
      void send({ type: can("sign-in.again") ? "sign-in.again" : "sign-in.start" });
    else if (action === "retry" && can("retry")) void send({ type: "retry" });
    else void startOver();
  };

  const choose = async (choice: AppChoice) => {
    const d = await getDriver();
    d.setSecretDays(choice.secretDays);
    await send(
      choice.mode === "new"
        ? { type: "app.choose-new", displayName: choice.displayName }
        : { type: "app.choose-existing", appId: choice.appId },
    );
  };

  const openCheck = () => {
    setView("check");
    sessionStorage.setItem(VIEW_KEY, "check");
  };
  const openSetup = () => {
    setView("setup");
    sessionStorage.setItem(VIEW_KEY, "setup");
  };

  const allowed = () => state().roles !== undefined && state().account !== undefined;
  const phase = () => state().phase;
  const is = (...phases: WizardState["phase"][]) => phases.includes(phase());
  const atStep = (...steps: string[]) => failedStep() !== undefined && steps.includes(failedStep() ?? "");

  onMount(() => {
    if (props.resume) void getDriver().catch((error: unknown) => setLocalError(toErrorInfo(error)));
  });

  return (
    <>
      <header class="topbar">
        <div class="brand">
          <h1>boxafe-connect</h1>
          <small>Connect Microsoft 365 to QNAP Boxafe</small>
        </div>
        <div class="who" data-testid="account">
          <Show when={state().account} fallback="Not signed in">
            {(account) => (
              <>
                Signed in as {account().username}
                <Show when={state().roles?.length}>, {state().roles?.join(", ")}</Show>
              </>
            )}
          </Show>
        </div>
      </header>
      <div class="layout">
        <aside>
          <Show
            when={view() === "setup" || !allowed()}
            fallback={
              <nav class="rail" aria-label="Modes">
                <button type="button" onClick={openSetup}>
                  Back to the setup
                </button>
              </nav>
            }
          >
            <ProgressRail items={railItems(state())} />
            <Show when={allowed()}>
              <p>
                <button type="button" class="link" onClick={openCheck}>
                  Check or repair an existing app
                </button>
              </p>
            </Show>
          </Show>
        </aside>
        <main>
          <Show when={localError()}>
            {(error) => (
              <SignInStep
                phase="error"
                error={error()}
                hint={props.config.hint}
                onSignIn={() => void send({ type: "sign-in.start" })}
                onErrorAction={onErrorAction}
              />
            )}
          </Show>
          <Show when={!localError()}>
            <Show
              when={view() === "setup" || !allowed()}
              fallback={
                <CheckRepairView
                  phase={checkMode.phase()}
                  repairPhase={checkMode.repairPhase()}
                  drift={checkMode.drift()}
                  repaired={checkMode.repaired()}
                  error={checkMode.error()}
                  copy={props.copy}
                  onCheck={(id) => void checkMode.check(id)}
                  onRepair={() => void checkMode.repair()}
                  onErrorAction={(a) => (a === "retry" ? undefined : onErrorAction(a))}
                />
              }
            >
              <Switch>
                <Match when={is("start", "signing-in") || atStep("sign-in")}>
                  <SignInStep
                    phase={phaseOf(loading() || is("signing-in"), false, "sign-in")}
                    error={errorOf("sign-in")}
                    hint={props.config.hint}
                    onSignIn={() => void send({ type: "sign-in.start" })}
                    onErrorAction={onErrorAction}
                  />
                </Match>
                <Match when={is("checking-role") || atStep("check-role")}>
                  <CheckRoleStep
                    phase={phaseOf(true, false, "check-role")}
                    error={errorOf("check-role")}
                    onErrorAction={onErrorAction}
                  />
                </Match>
                <Match when={is("choose-app", "observing") || atStep("choose-app")}>
                  <ChooseAppStep
                    phase={phaseOf(is("observing"), false, "choose-app")}
                    error={errorOf("choose-app")}
                    inputError={state().inputError}
                    defaultName={state().options.defaultDisplayName}
                    onSubmit={(c) => void choose(c)}
                    onErrorAction={onErrorAction}
                  />
                </Match>
                <Match when={is("review", "applying") || atStep(...APPLY_STEPS)}>
                  <RegisterAppStep
                    phase={phaseOf(is("applying"), false, ...APPLY_STEPS)}
                    error={errorOf(...APPLY_STEPS)}
                    appLabel={extras().review?.appLabel ?? ""}
                    groups={extras().review?.groups ?? []}
                    changes={state().plan?.actions ?? []}
                    findings={(state().plan?.findings ?? []).map((f) => f.message)}
                    progress={applyProgress(state())}
                    onApply={() => void send({ type: "plan.confirm" })}
                    onBack={() => void send({ type: "app.change" })}
                    onErrorAction={onErrorAction}
                  />
                </Match>
                <Match when={is("verifying", "verify-incomplete") || atStep("verify")}>
                  <VerifyStep
                    phase={phaseOf(is("verifying"), is("verify-incomplete"), "verify")}
                    error={errorOf("verify")}
                    rows={extras().verify?.rows ?? []}
                    tokens={extras().verify?.tokens ?? []}
                    note={extras().verify?.note}
                    attempt={(state().verification?.attempts ?? 0) + 1}
                    onRetry={() => void send({ type: "verify.retry" })}
                    onContinue={() => void send({ type: "verify.continue" })}
                    onErrorAction={onErrorAction}
                  />
                </Match>
                <Match when={is("hand-over") && handOverValues(state(), extras())}>
                  {(values) => (
                    <HandOverStep
                      values={values()}
                      copy={props.copy}
                      verify={extras().verify}
                      secretPending={can("secret.shown")}
                      canSharePoint={can("sharepoint.start")}
                      canFinish={can("finish")}
                      onSecretSaved={() => void send({ type: "secret.shown" })}
                      onSharePoint={() => void send({ type: "sharepoint.start" })}
                      onFinish={() => void send({ type: "finish" })}
                    />
                  )}
                </Match>
                <Match when={is("preparing-sharepoint", "sharepoint") || atStep("sharepoint")}>
                  <SharePointStep
                    phase={phaseOf(is("preparing-sharepoint"), is("sharepoint"), "sharepoint")}
                    error={errorOf("sharepoint")}
                    appId={state().handOver?.clientId ?? ""}
                    url={state().sharepoint?.url}
                    onConfirm={() => void send({ type: "sharepoint.confirm" })}
                    onSkip={() => void send({ type: "finish" })}
                    onErrorAction={onErrorAction}
                  />
                </Match>
                <Match when={is("done", "cancelled")}>
                  <DoneStep
                    clientId={state().handOver?.clientId ?? ""}
                    tenantId={state().handOver?.tenantId ?? ""}
                    cancelled={is("cancelled")}
                    onCheck={openCheck}
                    onStartOver={() => void startOver()}
                  />
                </Match>
              </Switch>
            </Show>
          </Show>
        </main>
      </div>
    </>
  );
}
