/** The setup view: the one step view that matches core's state, wired to core's events. */
import type { ProofNotRunReason } from "@boxafe-connect/core";
import { APPLY_STEPS, proofNotRun, readiness, unprovenReport } from "@boxafe-connect/core";
import { Match, Switch } from "solid-js";
import type { CopyFn } from "./components/copy-field.js";
import type { WebConfig } from "./config.js";
import type { ErrorAction } from "./error-view.js";
import type { useCertificate } from "./sharepoint/use-certificate.js";
import { CheckRoleStep } from "./steps/check-role.js";
import { type AppChoice, ChooseAppStep } from "./steps/choose-app.js";
import { DoneStep } from "./steps/done.js";
import { HandOverStep } from "./steps/hand-over.js";
import { RegisterAppStep } from "./steps/register-app.js";
import { SharePointStep } from "./steps/sharepoint.js";
import { SignInStep } from "./steps/sign-in.js";
import { VerifyStep } from "./steps/verify.js";
import type { Wizard } from "./wizard/use-wizard.js";
import { applyProgress, handOverValues } from "./wizard/view-model.js";
import { endOfSetup } from "./workloads/end-of-setup.js";

export function SetupSteps(props: {
  readonly config?: WebConfig | undefined;
  readonly wizard: Wizard;
  readonly certificate: ReturnType<typeof useCertificate>;
  readonly hint?: string | undefined;
  readonly copy?: CopyFn | undefined;
  readonly onErrorAction: (action: ErrorAction) => void;
  readonly onChoose: (choice: AppChoice) => void;
  readonly onCheck: () => void;
}) {
  const w = props.wizard;
  const state = () => w.state();
  const extras = () => w.extras();
  const send = (event: Parameters<Wizard["send"]>[0]) => void w.send(event);
  // The EWS step and the workload proofs, when this deployment has the proof service.
  const end = props.config ? endOfSetup(props.config, w, props.onErrorAction) : undefined;
  return (
    <Switch>
      <Match when={w.is("start", "signing-in") || w.atStep("sign-in")}>
        <SignInStep
          phase={w.phaseOf(w.loading() || w.is("signing-in"), false, "sign-in")}
          error={w.errorOf("sign-in")}
          hint={props.hint}
          onSignIn={() => send({ type: "sign-in.start" })}
          onErrorAction={props.onErrorAction}
        />
      </Match>
      <Match when={w.is("checking-role") || w.atStep("check-role")}>
        <CheckRoleStep
          phase={w.phaseOf(true, false, "check-role")}
          error={w.errorOf("check-role")}
          onErrorAction={props.onErrorAction}
        />
      </Match>
      <Match when={w.is("choose-app", "observing") || w.atStep("choose-app")}>
        <ChooseAppStep
          phase={w.phaseOf(w.is("observing"), false, "choose-app")}
          error={w.errorOf("choose-app")}
          inputError={state().inputError}
          defaultName={state().options.defaultDisplayName}
          onSubmit={props.onChoose}
          onErrorAction={props.onErrorAction}
        />
      </Match>
      <Match when={w.is("review", "applying") || w.atStep(...APPLY_STEPS)}>
        <RegisterAppStep
          phase={w.phaseOf(w.is("applying"), false, ...APPLY_STEPS)}
          error={w.errorOf(...APPLY_STEPS)}
          appLabel={extras().review?.appLabel ?? ""}
          groups={extras().review?.groups ?? []}
          changes={state().plan?.actions ?? []}
          findings={[
            ...(extras().review?.findings.filter(
              (f) => !(state().plan?.findings ?? []).some((p) => p.message === f),
            ) ?? []),
            ...(state().plan?.findings ?? []).map((f) => f.message),
          ]}
          preflight={extras().review?.preflight ?? []}
          progress={applyProgress(state(), extras().boxafe)}
          onApply={() => send({ type: "plan.confirm" })}
          onBack={() => send({ type: "app.change" })}
          onErrorAction={props.onErrorAction}
        />
      </Match>
      <Match when={w.is("verifying", "verify-incomplete") || w.atStep("verify")}>
        <VerifyStep
          phase={w.phaseOf(w.is("verifying"), w.is("verify-incomplete"), "verify")}
          error={w.errorOf("verify")}
          rows={extras().verify?.rows ?? []}
          tokens={extras().verify?.tokens ?? []}
          note={extras().verify?.note}
          attempt={(state().verification?.attempts ?? 0) + 1}
          onRetry={() => send({ type: "verify.retry" })}
          onContinue={() => send({ type: "verify.continue" })}
          onErrorAction={props.onErrorAction}
        />
      </Match>
      <Match when={w.is("hand-over") && handOverValues(state(), extras())}>
        {(values) => (
          <HandOverStep
            values={values()}
            copy={props.copy}
            verify={extras().verify}
            secretPending={w.can("secret.shown")}
            canSharePoint={w.can("sharepoint.start")}
            canFinish={w.can("finish")}
            onSecretSaved={() => send({ type: "secret.shown" })}
            onCertificateHeld={() => void w.handOverHeld()}
            onSharePoint={() => send({ type: "sharepoint.start" })}
            onFinish={() => send({ type: "finish" })}
            kept={extras().keptCertificate}
            onNewCertificate={() => void w.newCertificate()}
          />
        )}
      </Match>
      <Match when={w.is("preparing-sharepoint", "sharepoint") || w.atStep("sharepoint")}>
        <SharePointStep
          phase={w.phaseOf(w.is("preparing-sharepoint"), w.is("sharepoint"), "sharepoint")}
          error={w.errorOf("sharepoint")}
          appId={state().handOver?.clientId ?? ""}
          url={state().sharepoint?.url}
          certificate={props.certificate.forApp(state().handOver?.clientId ?? "")}
          reused={state().sharepoint?.certificate}
          lost={extras().sharePointLost}
          onCreateCertificate={(password) =>
            void props.certificate.create(state().handOver?.clientId ?? "", password)
          }
          onCertificateAction={(action) =>
            void props.certificate.acted(state().handOver?.clientId ?? "", action)
          }
          onConfirm={() => send({ type: "sharepoint.confirm" })}
          onSkip={() => send({ type: "finish" })}
          onErrorAction={props.onErrorAction}
        />
      </Match>
      <Match when={w.is("done", "cancelled")}>
        <DoneStep
          clientId={state().handOver?.clientId ?? ""}
          tenantId={state().handOver?.tenantId ?? ""}
          cancelled={w.is("cancelled")}
          end={end}
          readiness={readiness(
            unprovenReport({
              tokensComplete: state().verification?.complete ?? false,
              ...notRunOf(state().verification?.notRun),
              certificate:
                extras().certificate !== undefined ||
                props.certificate.forApp(state().handOver?.clientId ?? "").held === true ||
                state().sharepoint?.certificate !== undefined,
              clientId: state().handOver?.clientId ?? "",
            }),
          )}
          onCheck={props.onCheck}
          onStartOver={() => void w.startOver()}
        />
      </Match>
    </Switch>
  );
}

/** The token proof that did not run (core's reason in the state), for the honest end. */
function notRunOf(reason: ProofNotRunReason | undefined) {
  return reason === undefined ? {} : { tokensNotRun: proofNotRun(reason) };
}
