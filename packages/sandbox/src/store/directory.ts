import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { seedDirectory } from "./seed.js";
import { RESOURCE_SEEDS, type ResourceSeed, tenantAudiences } from "./seed-resources.js";
import { DEFAULT_TENANT, type TenantIdentity } from "./tenant.js";
import type { Application, DirectoryData, ServicePrincipal, User } from "./types.js";

export interface DirectoryOptions {
  stateFile?: string;
  now?: () => number;
  /** Whose directory this is (default: the embedded Contoso tenant). */
  tenant?: TenantIdentity;
  /** Microsoft resources whose service principal this tenant lacks at the start (see seedDirectory). */
  absentResources?: readonly ResourceSeed["key"][];
}

/**
 * The tenant's directory. `lagMs` models replication: an object written less than `lagMs` ago is
 * invisible to reads and references (the write path itself always sees it).
 */
export class Directory {
  data: DirectoryData;
  lagMs = 0;
  readonly now: () => number;
  readonly tenant: TenantIdentity;
  private readonly stateFile: string | undefined;

  private readonly absentResources: readonly ResourceSeed["key"][];

  constructor(options: DirectoryOptions = {}) {
    this.now = options.now ?? Date.now;
    this.stateFile = options.stateFile;
    this.tenant = options.tenant ?? DEFAULT_TENANT;
    this.absentResources = options.absentResources ?? [];
    this.data = this.load() ?? seedDirectory(this.tenant, this.absentResources);
  }

  private load(): DirectoryData | undefined {
    if (!this.stateFile || !existsSync(this.stateFile)) return undefined;
    return JSON.parse(readFileSync(this.stateFile, "utf8")) as DirectoryData;
  }

  /** Persists after every write when a state file was given (0600: it holds secret hashes). */
  save(): void {
    if (!this.stateFile) return;
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data), { mode: 0o600 });
    renameSync(tmp, this.stateFile);
  }

  reset(): void {
    this.data = seedDirectory(this.tenant, this.absentResources);
    this.save();
  }

  newId(): string {
    return randomUUID();
  }

  visible(obj: { createdAt: number }): boolean {
    if (this.lagMs <= 0 || this.now() - obj.createdAt >= this.lagMs) return true;
    return !this.staleRead();
  }

  /**
   * Whether a read of a young object hits a replica that has not seen it (set from the faults' `lagChance`
   * and seed; always, by default). Entra: "a read may hit a replica that has not yet seen the object"
   * (learn.microsoft.com/graph/best-practices-concept "Handling expected errors... eventual consistency",
   * graph-facts.md 1.8: "batching does not help with replication lag").
   */
  staleRead: () => boolean = () => true;

  /** New secrets, certificates and apps are refused at the token endpoint this long (faults' credentialLag). */
  credentialLagMs = 0;

  /** New app role assignments reach tokens this long after they were made (faults' roleLag). */
  roleLagMs = 0;

  /** True while a credential or app written at `addedAt` has not reached the token service yet. */
  propagating(addedAt: number | undefined): boolean {
    return addedAt !== undefined && this.credentialLagMs > 0 && this.now() - addedAt < this.credentialLagMs;
  }

  user(id: string): User | undefined {
    return this.data.users.find((u) => u.id === id);
  }

  userByUpn(upn: string): User | undefined {
    const lower = upn.toLowerCase();
    return this.data.users.find((u) => u.userPrincipalName.toLowerCase() === lower);
  }

  appByAppId(appId: string): Application | undefined {
    return this.data.applications.find((a) => a.appId === appId);
  }

  spById(id: string): ServicePrincipal | undefined {
    return this.data.servicePrincipals.find((s) => s.id === id);
  }

  spByAppId(appId: string): ServicePrincipal | undefined {
    return this.data.servicePrincipals.find((s) => s.appId === appId);
  }

  /** Resource seed for an audience or appId (token requests name resources either way). */
  resourceFor(identifier: string): ResourceSeed | undefined {
    const id = identifier.toLowerCase().replace(/\/+$/, "");
    return RESOURCE_SEEDS.find(
      (r) =>
        r.appId === id ||
        tenantAudiences(r, this.tenant).some((a) => a.toLowerCase().replace(/\/+$/, "") === id),
    );
  }

  /** App role values held by a client service principal on a resource, at this moment. */
  rolesOf(clientSpId: string, resourceSpId: string): string[] {
    const sp = this.spById(resourceSpId);
    if (!sp) return [];
    const now = this.now();
    const values = this.data.appRoleAssignments
      .filter((a) => a.principalId === clientSpId && a.resourceId === resourceSpId)
      // roleLag: a grant reaches tokens once it has replicated to the token service.
      .filter((a) => this.roleLagMs <= 0 || now - Date.parse(a.createdDateTime) >= this.roleLagMs)
      .map((a) => sp.appRoles.find((r) => r.id === a.appRoleId)?.value)
      .filter((v): v is string => typeof v === "string");
    return [...new Set(values)].sort();
  }
}
