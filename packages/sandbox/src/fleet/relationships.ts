/**
 * GDAP: granular delegated admin privileges. A relationship between the partner and one customer
 * names the Entra roles the partner's admins hold in that customer and when it ends (at most two
 * years). Shape after Graph's delegatedAdminRelationship
 * (learn.microsoft.com/graph/api/resources/delegatedadminrelationship); the partner-side access
 * assignments to security groups are folded into "every partner admin holds the roles", a
 * simplification stated in the sandbox README.
 */
import { ROLE } from "../store/tenant.js";

export const EXCHANGE_ADMINISTRATOR = "29232cdf-9323-42fd-ade2-1d097af3e4de";

/** What this job needs through GDAP (platform-2026: PRA + Application Administrator; Exchange for EWS). */
export const DEFAULT_RELATIONSHIP_ROLES: readonly string[] = [
  ROLE.privilegedRoleAdministrator,
  ROLE.applicationAdministrator,
  EXCHANGE_ADMINISTRATOR,
];

export type RelationshipStatus = "active" | "terminated" | "expired";

export interface Relationship {
  id: string;
  displayName: string;
  partnerTenantId: string;
  customerTenantId: string;
  customerDisplayName: string;
  status: RelationshipStatus;
  roles: string[];
  /** Epoch ms. */
  endsAt: number;
}

/** Every relationship of the host; `active` is what a sign-in checks. */
export class Relationships {
  private readonly byCustomer = new Map<string, Relationship>();

  constructor(private readonly now: () => number) {}

  set(relationship: Relationship): void {
    this.byCustomer.set(relationship.customerTenantId, relationship);
  }

  remove(customerTenantId: string): void {
    this.byCustomer.delete(customerTenantId);
  }

  get(customerTenantId: string): Relationship | undefined {
    return this.byCustomer.get(customerTenantId);
  }

  /** The relationship that lets `partnerTenantId` act in `customerTenantId` right now, if any. */
  active(partnerTenantId: string, customerTenantId: string): Relationship | undefined {
    const r = this.byCustomer.get(customerTenantId);
    if (!r || r.partnerTenantId !== partnerTenantId || r.status !== "active") return undefined;
    return r.endsAt > this.now() ? r : undefined;
  }

  list(): Relationship[] {
    return [...this.byCustomer.values()];
  }

  /** Graph's delegatedAdminRelationship shape, for /_sandbox/fleet. */
  static shape(r: Relationship, now: number): Record<string, unknown> {
    return {
      id: r.id,
      displayName: r.displayName,
      status: r.status === "active" && r.endsAt <= now ? "expired" : r.status,
      customer: { tenantId: r.customerTenantId, displayName: r.customerDisplayName },
      accessDetails: { unifiedRoles: r.roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
      endDateTime: new Date(r.endsAt).toISOString(),
    };
  }
}
