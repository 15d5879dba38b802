import { HttpException, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { medicalRoleUrl } from '@werkpad/db';
import { Pool, type PoolClient, type QueryResultRow } from 'pg';

import { RequestContext } from '../../common/request-context';
import { AppConfig } from '../../config/app-config';
import { MedicalCryptoError } from './medical-crypto';

/** One statement inside a medical transaction. */
export interface MedicalQuery {
  <R extends QueryResultRow>(sql: string, parameters?: readonly unknown[]): Promise<R[]>;
}

/** A failed medical statement, stripped of everything PostgreSQL said about the row (R-MED-06). */
export class MedicalDatabaseError extends Error {
  override readonly name = 'MedicalDatabaseError';
  constructor(readonly code: string | undefined) {
    super(`Medical database statement failed${code ? ` (SQLSTATE ${code})` : ''}`);
  }
}

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/**
 * The medical module's own connection (R-MED-06): logged in as the database role that alone has
 * rights on schema `medical`. This provider is private to MedicalModule and never registered with
 * TypeOrmModule, so no other module can inject it. Every unit of work runs in a transaction that
 * first names the signed-in user in `werkpad.user_id`, which the row-level security policies read.
 */
@Injectable()
export class MedicalDatabase implements OnModuleDestroy {
  private readonly logger = new Logger(MedicalDatabase.name);
  private readonly pool: Pool;

  constructor(config: AppConfig) {
    this.pool = new Pool({
      connectionString: medicalRoleUrl(config.databaseUrl, config.dbMedicalPassword),
      max: 5,
      application_name: 'werkpad-medical',
    });
    // An idle connection that dies must not crash the process; the next checkout reconnects.
    this.pool.on('error', (error) =>
      this.logger.warn(`Idle medical connection failed: ${sqlState(error) ?? 'no code'}`),
    );
  }

  /**
   * Runs `work` in one transaction as `userId`. HTTP and crypto errors (whose messages hold no
   * content) pass through unchanged; any other error
   * is replaced by one that carries only the SQLSTATE, so no row content (PostgreSQL's "Failing row
   * contains ...") reaches a log line or an error response.
   */
  async transaction<T>(userId: string, work: (query: MedicalQuery) => Promise<T>): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    const query: MedicalQuery = async <R extends QueryResultRow>(
      sql: string,
      parameters: readonly unknown[] = [],
    ) => (await client.query<R>(sql, [...parameters])).rows;
    let handedOver = false;
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('werkpad.user_id', $1, true)`, [userId]);
      const result = await work(query);
      // In an audited change the audit interceptor commits this after the audit row (R-AUD-01).
      handedOver = RequestContext.linkTransaction({
        commit: () => this.finish(client, 'COMMIT'),
        rollback: () => this.finish(client, 'ROLLBACK'),
      });
      if (!handedOver) await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof HttpException || error instanceof MedicalCryptoError) throw error;
      throw new MedicalDatabaseError(sqlState(error));
    } finally {
      if (!handedOver) client.release();
    }
  }

  private async finish(client: PoolClient, statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    try {
      await client.query(statement);
    } catch (error) {
      throw new MedicalDatabaseError(sqlState(error));
    } finally {
      client.release();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
