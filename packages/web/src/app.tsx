import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import { CheckRepairView } from "./check/check-repair.js";
import type { CopyFn } from "./components/copy-field.js";
import type { HandOverValues } from "./components/hand-over-card.js";
import type { ProgressItem, ProgressState } from "./components/progress-list.js";
import { ProgressRail } from "./components/progress-rail.js";
import type { WebConfig } from "./config.js";
import type { ErrorAction, ErrorInfo } from "./error-view.js";
import { CheckRoleStep, type RoleView } from "./steps/check-role.js";
import { type AppChoice, ChooseAppStep } from "./steps/choose-app.js";
import { HandOverStep } from "./steps/hand-over.js";
import { RegisterAppStep } from "./steps/register-app.js";
import { SharePointStep } from "./steps/sharepoint.js";
import { SignInStep } from "./steps/sign-in.js";
import type { Phase } from "./steps/types.js";
import { VerifyStep } from "./steps/verify.js";
import { toErrorInfo } from "./wizard/error-info.js";
import { railItems, type StepId } from "./wizard/rail.js";
import type { Drift, Runner, VerifyData } from "./wizard/runner-types.js";

export interface AppProps {
  readonly config: WebConfig;
  /** Loads the signed-in half (msal-browser, Graph client, core engine) on demand. */
  readonly loadRunner: () => Promise<Runner>;
  /** True when the URL carries a sign-in response or this tab signed in before. */
  readonly resume: boolean;
  readonly copy?: CopyFn;
}

type View = "setup" | "check";
const INTENT_KEY = "boxafe-connect.intent";
/** Read by main.tsx: load msal at start when a sign-in is under way or done in this tab. */
export const SESSION_KEY = "boxafe-connect.session";

const applySteps = ["register-app", "add-permissions", "create-secret", "grant-consent"] as const;
/** Which apply steps each of the executor's three waves finishes (core's WAVE_STEPS). */
const doneAfterWave: Record<number, number> = { 0: 0, 1: 2, 2: 3, 3: 4 };

export function App(props: AppProps) {
  const [view, setView] = createSignal<View>((sessionStorage.getItem(INTENT_KEY) as View | null) ?? "setup");
  const [step, setStep] = createSignal<StepId>("sign-in");
  const [phase, setPhase] = createSignal<Phase>("idle");
  const [error, setError] = createSignal<ErrorInfo>();
  const [account, setAccount] = createSignal<string>();
  const [role, setRole] = createSignal<RoleView>();
  const [review, setReview] = createSignal<Drift>();
  const [wave, setWave] = createSignal<number>(-1);
  const [verifyData, setVerifyData] = createSignal<VerifyData>();
  const [attempt, setAttempt] = createSignal(0);
  const [handOver, setHandOver] = createSignal<HandOverValues>();
  const [sharePointSeen, setSharePointSeen] = createSignal(false);
  const [checkPhase, setCheckPhase] = createSignal<Phase>("idle");
  const [repairPhase, setRepairPhase] = createSignal<Phase>("idle");
  const [drift, setDrift] = createSignal<Drift>();
  const [repaired, setRepaired] = createSignal<HandOverValues>();
  let runner: Runner | undefined;
  let lastAttempt: (() => Promise<void>) | undefined;

  const getRunner = async () => {
    runner ??= await props.loadRunner();
    return runner;
  };

  /** Runs one step's work with its phase and error handling; `retry` re-runs it. */
  const run = async (work: () => Promise<unknown>, setP: (p: Phase) => void = setPhase) => {
    lastAttempt = () => run(work, setP);
    setError(undefined);
    setP("working");
    try {
      await work();
      setP("done");
    } catch (e) {
      setError(toErrorInfo(e));
      setP("error");
    }
  };

  const go = (next: StepId) => {
    setError(undefined);
    setPhase("idle");
    setStep(next);
  };

  const checkRole = () => {
    go("check-role");
    void run(async () => setRole(await (await getRunner()).role()));
  };

  const signIn = () =>
    run(async () => {
      sessionStorage.setItem(INTENT_KEY, view());
      sessionStorage.setItem(SESSION_KEY, "signing-in");
      await (await getRunner()).signIn();
    });

  const choose = (choice: AppChoice) =>
    run(async () => {
      setReview(await (await getRunner()).review(choice));
      setWave(-1);
      go("register-app");
    });

  const startVerify = () => {
    go("verify");
    setVerifyData(undefined);
    void run(async () => setVerifyData(await (await getRunner()).verify(setAttempt)));
  };

  const applyChanges = () =>
    run(async () => {
      const values = await (await getRunner()).apply((done) => {
        setWave(done);
        const finished = doneAfterWave[done] ?? 0;
        setStep(applySteps[Math.min(finished, applySteps.length - 1)] ?? "grant-consent");
      });
      setHandOver(values);
      if (values.secret) startVerify();
      else go("hand-over");
    });

  const progress = (): ProgressItem[] => {
    const w = wave();
    if (w < 0) return [];
    const finished = doneAfterWave[w] ?? 0;
    const labels = [
      "Register the app",
      "Add the API permissions",
      "Create the client secret",
      "Grant admin consent",
    ];
    return labels.map((label, i) => {
      const state: ProgressState =
        i < finished ? "done" : phase() === "error" ? "failed" : i === finished ? "running" : "waiting";
      return { id: applySteps[i] ?? label, label, state };
    });
  };

  const openCheck = () => {
    setView("check");
    sessionStorage.setItem(INTENT_KEY, "check");
    setCheckPhase("idle");
    setRepairPhase("idle");
    setError(undefined);
  };

  const openSetup = () => {
    setView("setup");
    sessionStorage.setItem(INTENT_KEY, "setup");
    setError(undefined);
  };

  const check = (appId: string) => {
    setDrift(undefined);
    setRepaired(undefined);
    setRepairPhase("idle");
    void run(async () => setDrift(await (await getRunner()).check(appId)), setCheckPhase);
  };

  const repair = () => run(async () => setRepaired(await (await getRunner()).repair()), setRepairPhase);

  const onErrorAction = (action: ErrorAction) => {
    if (action === "sign-in") {
      openSetup();
      go("sign-in");
      void signIn();
    } else if (action === "retry") void lastAttempt?.();
    else if (action === "check") openCheck();
    else if (action === "back") go(step() === "register-app" ? "choose-app" : step());
    else go(account() ? "choose-app" : "sign-in");
  };

  onMount(() => {
    if (!props.resume) return;
    void run(async () => {
      const r = await getRunner();
      if (!r.signedIn) {
        sessionStorage.removeItem(SESSION_KEY);
        setPhase("idle");
        return;
      }
      setAccount(r.signedIn.username);
      sessionStorage.setItem(SESSION_KEY, "signed-in");
      checkRole();
    });
  });

  const signedInAndAllowed = () => account() !== undefined && role() !== undefined;

  return (
    <>
      <header class="topbar">
        <div class="brand">
          <h1>boxafe-connect</h1>
          <small>Connect Microsoft 365 to QNAP Boxafe</small>
        </div>
        <div class="who" data-testid="account">
          <Show when={account()} fallback="Not signed in">
            Signed in as {account()}
          </Show>
        </div>
      </header>
      <div class="layout">
        <aside>
          <Show
            when={view() === "setup"}
            fallback={
              <nav class="rail" aria-label="Modes">
                <button type="button" onClick={openSetup}>
                  Back to the setup
                </button>
              </nav>
            }
          >
            <ProgressRail items={railItems(step(), phase() === "error", sharePointSeen())} />
            <Show when={signedInAndAllowed()}>
              <p>
                <button type="button" class="link" onClick={openCheck}>
                  Check or repair an existing app
                </button>
              </p>
            </Show>
          </Show>
        </aside>
        <main>
          <Show
            when={view() === "setup" || !signedInAndAllowed()}
            fallback={
              <CheckRepairView
                phase={checkPhase()}
                repairPhase={repairPhase()}
                drift={drift()}
                repaired={repaired()}
                error={error()}
                copy={props.copy}
                onCheck={check}
                onRepair={repair}
                onErrorAction={onErrorAction}
              />
            }
          >
            <Switch>
              <Match when={step() === "sign-in"}>
                <SignInStep
                  phase={phase()}
                  error={error()}
                  hint={props.config.hint}
                  onSignIn={signIn}
                  onErrorAction={onErrorAction}
                />
              </Match>
              <Match when={step() === "check-role"}>
                <CheckRoleStep
                  phase={phase()}
                  error={error()}
                  role={role()}
                  onContinue={() => (view() === "check" ? openCheck() : go("choose-app"))}
                  onErrorAction={onErrorAction}
                />
              </Match>
              <Match when={step() === "choose-app"}>
                <ChooseAppStep
                  phase={phase()}
                  error={error()}
                  defaultName="QNAP Boxafe"
                  onSubmit={choose}
                  onErrorAction={onErrorAction}
                />
              </Match>
              <Match when={review() && (applySteps as readonly string[]).includes(step())}>
                <RegisterAppStep
                  phase={phase()}
                  error={error()}
                  appLabel={review()?.appLabel ?? ""}
                  groups={review()?.groups ?? []}
                  changes={review()?.changes ?? []}
                  findings={review()?.findings ?? []}
                  progress={progress()}
                  onApply={applyChanges}
                  onBack={() => go("choose-app")}
                  onErrorAction={onErrorAction}
                />
              </Match>
              <Match when={step() === "verify"}>
                <VerifyStep
                  phase={phase()}
                  error={error()}
                  rows={verifyData()?.rows ?? []}
                  tokens={verifyData()?.tokens ?? []}
                  complete={verifyData()?.complete ?? false}
                  attempt={attempt()}
                  onRetry={startVerify}
                  onContinue={() => go("hand-over")}
                  onErrorAction={onErrorAction}
                />
              </Match>
              <Match when={step() === "hand-over" && handOver()}>
                {(values) => (
                  <HandOverStep
                    values={values()}
                    copy={props.copy}
                    onSharePoint={() => {
                      setSharePointSeen(true);
                      go("sharepoint");
                    }}
                    onCheck={openCheck}
                  />
                )}
              </Match>
              <Match when={step() === "sharepoint"}>
                <SharePointStep appId={handOver()?.clientId ?? "<app id>"} onBack={() => go("hand-over")} />
              </Match>
            </Switch>
          </Show>
        </main>
      </div>
    </>
  );
}
