import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';

import { AUDITED_KEY, type AuditedRoute, NO_AUDIT_KEY } from '../audit/audited.decorator';
import { describePolicy, POLICY_KEY, PUBLIC_KEY, type RoutePolicy } from './policy.decorator';

export interface RouteEntry {
  readonly method: string;
  readonly path: string;
  readonly policy: string;
  readonly audit: string;
  /** `Controller.method`, to find the handler's own metadata (e.g. whether it takes a body). */
  readonly handler: string;
}

function joinPath(...parts: Array<string | undefined>): string {
  const joined = parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .join('/');
  return `/api/${joined}`;
}

/**
 * Every route of the running application with its policy and audit declaration, read from the
 * same metadata the guard and interceptor use. The snapshot of this list is the permission
 * surface: a diff in it is a permission change.
 */
export function routeInventory(app: INestApplication): RouteEntry[] {
  const entries: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const isPublic =
          Reflect.getMetadata(PUBLIC_KEY, handler) === true ||
          Reflect.getMetadata(PUBLIC_KEY, controller) === true;
        const policy = (Reflect.getMetadata(POLICY_KEY, handler) ??
          Reflect.getMetadata(POLICY_KEY, controller)) as RoutePolicy | undefined;
        const audited = Reflect.getMetadata(AUDITED_KEY, handler) as AuditedRoute | undefined;
        const noAudit = Reflect.getMetadata(NO_AUDIT_KEY, handler) as string | undefined;
        entries.push({
          method: RequestMethod[method],
          path: joinPath(prefix, path),
          policy: describePolicy(policy, isPublic),
          audit: audited
            ? `${audited.action} ${audited.objectType} [${audited.categories.join(', ')}]`
            : noAudit
              ? `not audited: ${noAudit}`
              : 'NONE',
          handler: `${controller.name}.${name}`,
        });
      }
    }
  }
  return entries.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
