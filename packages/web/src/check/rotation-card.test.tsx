import type { CredentialRow, RetireOutcome } from "@boxafe-connect/core";
import { CoreError } from "@boxafe-connect/core";
import { credentialRow } from "@boxafe-connect/core/testing";
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { Driver } from "../wizard/driver-types.js";
import { CredentialTable } from "./credential-table.js";
import type { Rotated } from "./rotation.js";
import { RotationCard } from "./rotation-card.js";
import { useRotation } from "./use-rotation.js";

const noop = () => undefined;
const CLIENT = "11111111-2222-3333-4444-555555555555";
const TENANT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

const row = credentialRow;

const secret: Rotated = {
  kind: "secret",
  text: "new~secret~value~1234567",
  keyId: "k2",
  expiresOn: "2027-06-01",
};

/** A driver with only the rotation half: rotate shows `secret`, then runs `after`; `held` counts hand-overs. */
function fakeDriver(after: () => Promise<void>, retired: RetireOutcome[], held: string[] = []): Driver {
  const partial: Pick<Driver, "rotate" | "retire" | "rotationHeld"> = {
    async rotationHeld() {
      held.push("held");
    },
    async rotate(_version, onCredential) {
      onCredential(secret);
      await after();
      return { rotated: secret, verify: { complete: true, rows: [], tokens: [] } };
    },
    async retire() {
      const outcome = {
        appId: CLIENT,
        type: "secret" as const,
        provenKeyId: "k2",
        keptKeyIds: ["k2"],
        removedKeyIds: ["k1"],
      };
      retired.push(outcome);
      return outcome;
    },
  };
  return partial as Driver;
}

function mount(driver: Driver, rows: readonly CredentialRow[] = [row({})]) {
  let rechecked = 0;
  render(() => {
    const rotation = useRotation(
      async () => driver,
      () => {
        rechecked++;
      },
    );
    return (
      <RotationCard
        clientId={CLIENT}
        tenantId={TENANT}
        credentials={rows}
        rotation={rotation}
        onErrorAction={noop}
      />
    );
  });
  return { rechecked: () => rechecked };
}

describe("the rotation card", () => {
  it("shows the new secret, keeps retire disabled until the admin says Boxafe holds it, then retires", async () => {
    const retired: RetireOutcome[] = [];
    const view = mount(fakeDriver(async () => undefined, retired));
    fireEvent.click(screen.getByRole("button", { name: "Rotate: add a new secret" }));
    await screen.findByTestId("rotate-done");
    expect(screen.getByTestId("client-secret").textContent).toBe(secret.text);
    const retire = await screen.findByRole("button", { name: "Retire old credentials" });
    expect((retire as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(retire);
    expect(retired).toHaveLength(0);
    fireEvent.click(screen.getByRole("checkbox", { name: /I have put the new secret in Boxafe/ }));
    expect((retire as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(retire);
    await screen.findByTestId("retire-done");
    expect(screen.getByTestId("retire-done").textContent).toContain("Retired 1 old secret");
    expect(retired).toHaveLength(1);
    // Read again after the rotate and after the retire.
    expect(view.rechecked()).toBe(2);
  });

  it("counts the new secret held only when the admin copies it or ticks it is in Boxafe, never when shown", async () => {
    const held: string[] = [];
    const copied: string[] = [];
    render(() => {
      const rotation = useRotation(async () => fakeDriver(async () => undefined, [], held), noop);
      return (
        <RotationCard
          clientId={CLIENT}
          tenantId={TENANT}
          credentials={[row({})]}
          rotation={rotation}
          copy={async (text) => {
            copied.push(text);
          }}
          onErrorAction={noop}
        />
      );
    });
    fireEvent.click(screen.getByRole("button", { name: "Rotate: add a new secret" }));
    await screen.findByTestId("rotate-done");
    // On screen at once, yet not held: a reload now leaves its pending mark (the next check: unheld).
    expect(screen.getByTestId("client-secret").textContent).toBe(secret.text);
    expect(held).toEqual([]);
    // Copying the client ID is not having the secret.
    fireEvent.click(screen.getByRole("button", { name: "Copy Application (client) ID" }));
    await waitFor(() => expect(copied).toEqual([CLIENT]));
    expect(held).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Copy Client secret value" }));
    await waitFor(() => expect(held).toEqual(["held"]));
    fireEvent.click(screen.getByRole("checkbox", { name: /I have put the new secret in Boxafe/ }));
    await waitFor(() => expect(held).toEqual(["held", "held"]));
  });

  it("keeps a handed-over secret on screen when a later step fails", async () => {
    mount(
      fakeDriver(async () => {
        throw new CoreError("unreachable", "The verification service of this page could not be reached.");
      }, []),
    );
    fireEvent.click(screen.getByRole("button", { name: "Rotate: add a new secret" }));
    await waitFor(() => expect(screen.getAllByText(/could not be reached/).length).toBeGreaterThan(0));
    expect(screen.getByTestId("client-secret").textContent).toBe(secret.text);
  });
});

describe("the credential table", () => {
  it("lists days left and core's 60/30/7-day warnings, and who made each", () => {
    render(() => (
      <CredentialTable
        rows={[
          row({ keyId: "a", daysLeft: 5, warning: "7-days" }),
          row({ keyId: "b", daysLeft: 45, warning: "60-days", madeByBoxafeConnect: false }),
          row({ keyId: "c", daysLeft: -2, expired: true, warning: "expired", type: "certificate" }),
          row({ keyId: "d", unheld: true }),
        ]}
      />
    ));
    const statuses = screen.getAllByTestId("credential-status").map((e) => e.textContent);
    expect(statuses).toEqual([
      "Expires within 7 days: rotate now",
      "Expires within 60 days",
      "Expired",
      "Nobody holds it (an interrupted run): setup replaces it",
    ]);
    expect(screen.getAllByTestId("days-left").map((e) => e.textContent)).toEqual(["5", "45", "0", "182"]);
    expect(screen.getByText("someone else (never removed)")).toBeTruthy();
  });

  it("says when the app has no credential at all", () => {
    render(() => <CredentialTable rows={[]} />);
    expect(screen.getByTestId("credentials-none")).toBeTruthy();
  });
});
