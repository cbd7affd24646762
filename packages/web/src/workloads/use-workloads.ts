/**
 * The end of the page's setup: the EWS step (allow / print / skip, core's runEwsStep; allow runs on the
 * page's server after a device-code sign-in) and then the workload proofs by real calls (the API's
 * /v1/prove, fed by assertions this page signs). What the end card says is core's readiness.
 */
import type { CloudEndpoints, EwsMode, WorkloadResult } from "@boxafe-connect/core";
import { createSignal } from "solid-js";
// Types only: the clients (and the core code they use: the ErrorCode table, assertion signing) load
// when the end card first needs them, so they stay out of the page's initial JavaScript (BENCHMARKS.md).
import type { EwsAllowView, EwsDeviceCode } from "../contracts/ews-allow.js";
import type { ErrorInfo } from "../error-view.js";
import { toErrorInfo } from "../wizard/error-info.js";
import type { ProofCredential, ProveDeps, ProveTarget } from "./prove-client.js";

export type EwsView =
  | { readonly phase: "idle" }
  | { readonly phase: "signing-in"; readonly code?: EwsDeviceCode }
  | { readonly phase: "done"; readonly mode: EwsMode; readonly result: EwsAllowView }
  | { readonly phase: "error"; readonly error: ErrorInfo };

export type ProofView =
  | { readonly phase: "idle" | "working" }
  | { readonly phase: "done"; readonly result: WorkloadResult }
  | { readonly phase: "error"; readonly error: ErrorInfo };

export interface EndTarget extends Omit<ProveTarget, "ewsAllowed"> {
  readonly initialDomain: string;
  readonly adminUpn?: string | undefined;
  readonly cloud: CloudEndpoints;
}

export interface WorkloadsDeps {
  readonly ewsApi?: string | undefined;
  readonly prove: ProveDeps;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: typeof fetch;
}

const POLL_MS = 2000;

export function useWorkloads(deps: WorkloadsDeps) {
  const [ews, setEws] = createSignal<EwsView>({ phase: "idle" });
  const [proof, setProof] = createSignal<ProofView>({ phase: "idle" });
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const prove = async (target: EndTarget, credential: ProofCredential, ewsAllowed: boolean) => {
    setProof({ phase: "working" });
    try {
      const { proveViaApi } = await import("./prove-client.js");
      setProof({
        phase: "done",
        result: await proveViaApi(deps.prove, { ...target, ewsAllowed }, credential),
      });
    } catch (error) {
      setProof({ phase: "error", error: toErrorInfo(error) });
    }
  };

  const allow = async (target: EndTarget, confirmEwsChange: boolean): Promise<EwsAllowView | undefined> => {
    const api = deps.ewsApi;
    if (api === undefined) return undefined;
    setEws({ phase: "signing-in" });
    try {
      const { pollEwsAllow, startEwsAllow } = await import("./ews-client.js");
      const code = await startEwsAllow(
        api,
        {
          tenantId: target.tenantId,
          initialDomain: target.initialDomain,
          appId: target.clientId,
          confirmEwsChange,
        },
        deps.fetch,
      );
      setEws({ phase: "signing-in", code });
      const deadline = Date.now() + code.expiresIn * 1000;
      while (Date.now() < deadline) {
        await sleep(POLL_MS);
        const poll = await pollEwsAllow(api, code.id, deps.fetch);
        if (poll.state === "done") {
          setEws({ phase: "done", mode: "allow", result: poll.result });
          return poll.result;
        }
        if (poll.state === "failed") {
          setEws({ phase: "error", error: toErrorInfo(poll.error) });
          return undefined;
        }
      }
      setEws({
        phase: "error",
        error: { code: "sign_in_failed", message: "The sign-in code expired; start again." },
      });
    } catch (error) {
      setEws({ phase: "error", error: toErrorInfo(error) });
    }
    return undefined;
  };

  /** The EWS step in the chosen mode, then the proofs (a policy 403 is pending only if the list was written). */
  const run = async (
    mode: EwsMode,
    target: EndTarget,
    credential: ProofCredential | undefined,
    confirmEwsChange: boolean,
  ) => {
    let ewsAllowed = false;
    if (mode === "allow") {
      ewsAllowed = (await allow(target, confirmEwsChange))?.ewsAllowed ?? false;
    } else {
      const { runEwsStep } = await import("./ews-step.js");
      const step = await runEwsStep(
        mode,
        {
          tenantId: target.tenantId,
          initialDomain: target.initialDomain,
          cloud: target.cloud,
          appId: target.clientId,
          ...(target.adminUpn ? { adminUpn: target.adminUpn } : {}),
        },
        { confirmNarrowing: false },
      );
      setEws({
        phase: "done",
        mode,
        result: {
          ewsAllowed: false,
          needsConfirmation: false,
          outcome: mode,
          effects: [],
          notes: [],
          powershell: step.powershell,
        },
      });
    }
    if (credential !== undefined) await prove(target, credential, ewsAllowed);
  };

  return { ews, proof, run, prove };
}

export type Workloads = ReturnType<typeof useWorkloads>;
