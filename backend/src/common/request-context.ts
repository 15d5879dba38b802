import { AsyncLocalStorage } from 'node:async_hooks';

import { type DataCategory } from '@werkpad/shared';
import { type EntityManager } from 'typeorm';

import { type AuditGround } from '../audit/audit-event';
import { type AppAbility, type AuthenticatedUser } from '../authz/policy.types';

/** What a handler learned while serving the request that belongs in its audit row. */
export interface AuditDetails {
  subjectClientIds: string[];
  objectId?: string;
  categories?: DataCategory[];
  ground?: AuditGround;
  /** Set by lockAuditGround: a ground no later handler may replace (emergency access). */
  groundLocked?: boolean;
  /** Search criteria and similar particulars; never a BSN or free text in clear (R-AUD-04). */
  details?: Record<string, string>;
}

export interface RequestContextStore {
  readonly requestId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly method: string;
  readonly route: string;
  user?: AuthenticatedUser;
  ability?: AppAbility;
  /** The transaction of a mutating request; repositories use it so that change and audit commit together. */
  manager?: EntityManager;
  /** Transactions on other connections (the medical one) that commit only after the audit row has. */
  linked?: LinkedTransaction[];
  readonly audit: AuditDetails;
}

/** A transaction on another connection, left open until the request's audit row is committed. */
export interface LinkedTransaction {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

/** Per-request state without request-scoped providers (which would rebuild every service per request). */
export const RequestContext = {
  run<T>(store: RequestContextStore, callback: () => T): T {
    return storage.run(store, callback);
  },
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  /** Who made the request and from where, as every audit row records it (R-AUD-01). */
  origin(): {
    userId: string | null;
    username: string | null;
    roles: readonly string[];
    route: string | null;
    ip: string | null;
    userAgent: string | null;
    requestId: string | null;
  } {
    const store = storage.getStore();
    return {
      userId: store?.user?.id ?? null,
      username: store?.user?.username ?? null,
      roles: store?.user?.roles ?? [],
      route: store ? `${store.method} ${store.route}` : null,
      ip: store?.ip ?? null,
      userAgent: store?.userAgent ?? null,
      requestId: store?.requestId ?? null,
    };
  },
  /**
   * Hands an open transaction of another connection to the audited request, which commits it after
   * its audit row is committed (or rolls it back). False outside a mutating audited request: the
   * caller then commits itself.
   */
  linkTransaction(transaction: LinkedTransaction): boolean {
    const store = storage.getStore();
    if (!store?.manager || !store.linked) return false;
    store.linked.push(transaction);
    return true;
  },
  /**
   * Runs `work` once the request's transaction has committed (right away outside one), outside the
   * request's context: background work (a destruction run) must not join, or wait for, the request.
   */
  afterCommit(work: () => void): void {
    const detached = () => storage.exit(work);
    const linked = RequestContext.linkTransaction({
      commit: async () => detached(),
      rollback: async () => undefined,
    });
    if (!linked) detached();
  },
  /**
   * Fixes the audit row's ground for the rest of the request: access under emergency access stays
   * marked as such whatever a handler later names as its ground.
   */
  lockAuditGround(ground: AuditGround): void {
    const store = storage.getStore();
    if (!store) return;
    store.audit.ground = ground;
    store.audit.groundLocked = true;
  },
  /** Adds what the handler found (which clients, which record) to the request's audit row. */
  addAuditDetails(details: Partial<AuditDetails>): void {
    const store = storage.getStore();
    if (!store) return;
    if (details.subjectClientIds) store.audit.subjectClientIds.push(...details.subjectClientIds);
    if (details.objectId !== undefined) store.audit.objectId = details.objectId;
    if (details.categories) store.audit.categories = details.categories;
    if (details.ground && !store.audit.groundLocked) store.audit.ground = details.ground;
    if (details.details) store.audit.details = { ...store.audit.details, ...details.details };
  },
};
