import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuditResult } from '@werkpad/shared';
import { catchError, from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';

import { RequestContext, type RequestContextStore } from '../common/request-context';
import { AuditService } from './audit.service';
import { AUDITED_KEY, type AuditedRoute } from './audited.decorator';

const READ_METHODS = new Set(['GET', 'HEAD']);

export function resultForStatus(status: number): AuditResult {
  return status === 401 || status === 403 || status === 404 ? 'denied' : 'failed';
}

/**
 * Writes the audit row of every @Audited route. A mutating request runs in one transaction with
 * its audit row, so no change is ever committed unlogged; a change on another connection (the
 * medical one) is linked and commits only after that. A read is logged before its response
 * leaves, so a failing log means no data is shown (fail closed).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const audited = this.reflector.get<AuditedRoute | undefined>(AUDITED_KEY, context.getHandler());
    const store = RequestContext.current();
    if (!audited || !store) return next.handle();
    // The router sets the final status after interceptors run, so take it from the route's metadata.
    const successStatus =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (store.method === 'POST' ? 201 : 200);

    const run = async (): Promise<unknown> => {
      if (READ_METHODS.has(store.method)) {
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.audit.append(this.event(store, audited, 'allowed', successStatus));
        return result;
      }
      store.linked = [];
      try {
        const result = await this.dataSource.transaction(async (manager: EntityManager) => {
          store.manager = manager;
          try {
            const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
            await this.audit.append(this.event(store, audited, 'allowed', successStatus), manager);
            return result;
          } finally {
            store.manager = undefined;
          }
        });
        // Linked transactions (the medical connection) commit only once the audit row is in. If one
        // fails now, the log over-reports: the 'allowed' row is followed by a 'failed' one below.
        for (const linked of store.linked.splice(0)) await linked.commit();
        return result;
      } catch (error) {
        for (const linked of store.linked.splice(0)) await linked.rollback().catch(() => undefined);
        throw error;
      } finally {
        store.linked = undefined;
      }
    };

    return from(run()).pipe(
      catchError(async (error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        if (status !== 400) {
          await this.audit.append(this.event(store, audited, resultForStatus(status), status));
        }
        throw error;
      }),
    );
  }

  private event(store: RequestContextStore, audited: AuditedRoute, result: AuditResult, status: number) {
    return {
      ...RequestContext.origin(),
      subjectClientIds: store.audit.subjectClientIds,
      objectType: audited.objectType,
      objectId: store.audit.objectId ?? null,
      categories: store.audit.categories ?? audited.categories,
      action: audited.action,
      result,
      ground: store.audit.ground ?? null,
      details: store.audit.details,
      httpStatus: status,
    };
  }
}
