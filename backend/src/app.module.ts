import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appRoleUrl } from '@werkpad/db';
import { type Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { type DestinationStream } from 'pino';

import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AbilityFactory } from './authz/ability.factory';
import { AccessGuard } from './authz/access.guard';
import { HealthController } from './common/health/health.controller';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { loggerParams } from './common/logging';
import { type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { Client } from './modules/clients/client.entity';
import { AccessLogModule } from './modules/access-log/access-log.module';
import { AccessGroundsModule } from './modules/access-grounds/access-grounds.module';
import { BreachesModule } from './modules/breaches/breaches.module';
import { DestructionModule } from './modules/destruction/destruction.module';
import { ReportsModule } from './modules/reports/reports.module';
import { DataSubjectRequestsModule } from './modules/data-subject-requests/dsr.module';
import { RetentionModule } from './modules/retention/retention.module';
import { FgDashboardModule } from './modules/fg-dashboard/fg-dashboard.module';
import { ProcessingRegisterModule } from './modules/processing-register/processing-register.module';
import { ClientsModule } from './modules/clients/clients.module';
import { ConsentsModule } from './modules/consents/consents.module';
import { DisclosuresModule } from './modules/disclosures/disclosures.module';
import { DossierModule } from './modules/dossier/dossier.module';
import { EmergencyAccessModule } from './modules/emergency-access/emergency-access.module';
import { FindingsModule } from './modules/findings/findings.module';
import { ExpertiseModule } from './modules/expertise/expertise.module';
import { MedicalModule } from './modules/medical/medical.module';
import { PayrollModule } from './modules/payroll/payroll.module';
import { TrajectoriesModule } from './modules/trajectories/trajectories.module';
import { User } from './modules/users/user.entity';
import { UsersModule } from './modules/users/users.module';

function loginName(request: Request): string {
  const body = request.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
}

@Module({})
export class AppModule {
  /**
   * `extraModules` lets tests mount a route of their own behind the real guards; `logDestination`
   * lets a test read the log lines (R-MED-06 canary).
   */
  static forRoot(
    config: AppConfig,
    extraModules: Array<Type<unknown>> = [],
    logDestination?: DestinationStream,
  ): DynamicModule {
    const frontend =
      config.frontendDist && existsSync(join(config.frontendDist, 'index.html')) ? config.frontendDist : null;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.logLevel, logDestination)),
        TypeOrmModule.forRoot({
          type: 'postgres',
          // The application serves requests as the least-privileged role (see db/provision).
          url: appRoleUrl(config.databaseUrl, config.dbAppPassword),
          entities: [User, Client],
          // Each module registers its own entities with TypeOrmModule.forFeature.
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          extra: { max: 20, application_name: 'werkpad' },
        }),
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'address', ttl: 60_000, limit: 60 },
            {
              name: 'account',
              ttl: 60_000,
              limit: 10,
              getTracker: (request: Record<string, unknown>) =>
                `${String(request['ip'])}:${loginName(request as unknown as Request)}`,
            },
          ],
        }),
        TerminusModule,
        AuditModule,
        AuthModule,
        UsersModule,
        ClientsModule,
        TrajectoriesModule,
        DossierModule,
        PayrollModule,
        ConsentsModule,
        DisclosuresModule,
        AccessGroundsModule,
        ExpertiseModule,
        MedicalModule,
        EmergencyAccessModule,
        FindingsModule,
        BreachesModule,
        ProcessingRegisterModule,
        FgDashboardModule,
        AccessLogModule,
        RetentionModule,
        DestructionModule,
        ReportsModule,
        DataSubjectRequestsModule,
        ...extraModules,
        ...(frontend
          ? [
              ServeStaticModule.forRoot({
                rootPath: frontend,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { index: false },
              }),
            ]
          : []),
      ],
      controllers: [HealthController],
      providers: [
        AbilityFactory,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
