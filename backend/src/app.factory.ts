import { randomUUID } from 'node:crypto';

import { type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { type DestinationStream } from 'pino';

import { type ApiErrorBody } from '@werkpad/shared';

import { AppModule } from './app.module';
import { createValidationPipe } from './common/validation.pipe';
import { RequestContext } from './common/request-context';
import { type AppConfig } from './config/app-config';

const BODY_LIMIT = '100kb';
const REQUEST_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

/** Malformed JSON and oversized bodies are answered before Nest sees them: same error shape, Dutch text. */
function bodyErrorHandler(
  error: { type?: string; status?: number },
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  if (error.type === 'entity.parse.failed') {
    const body: ApiErrorBody = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'De aanvraag bevat geen geldige JSON.',
    };
    res.status(400).json(body);
  } else if (error.type === 'entity.too.large') {
    const body: ApiErrorBody = {
      statusCode: 413,
      error: 'Payload Too Large',
      message: `De aanvraag is te groot (maximaal ${BODY_LIMIT}).`,
    };
    res.status(413).json(body);
  } else if (error.status && error.status >= 400 && error.status < 500) {
    res
      .status(error.status)
      .json({ statusCode: error.status, error: 'Bad Request', message: 'Ongeldige aanvraag.' });
  } else {
    next(error);
  }
}

/** Everything between "a Nest app exists" and "it listens", shared by main.ts and the tests. */
export async function createApp(
  config: AppConfig,
  extraModules: Array<Type<unknown>> = [],
  logDestination?: DestinationStream,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, extraModules, logDestination),
    { bodyParser: false, bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  // Without this, Nest kept buffering every later Logger call (bufferLogs) and wrote none of them:
  // application log lines, such as a 500's, were lost (found by the R-MED-06 canary's log check).
  app.flushLogs();
  // X-Forwarded-For is believed only when a reverse proxy is configured; otherwise any client could
  // claim another address in the audit log and slip past the per-address login throttle.
  app.set('trust proxy', config.trustProxy);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const store = {
      requestId,
      ip: req.ip ?? null,
      userAgent: req.header('user-agent') ?? null,
      method: req.method,
      route: req.path,
      audit: { subjectClientIds: [] },
    };
    RequestContext.run(store, next);
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          // The report preview shows the API's PDF from a blob: URL in a frame (issue 8); nothing else is framed.
          'frame-src': ["'self'", 'blob:'],
          'object-src': ["'self'", 'blob:'],
          // TLS is terminated in front of the app in production; locally there is none to upgrade to.
          'upgrade-insecure-requests': config.isProduction ? [] : null,
        },
      },
      strictTransportSecurity: config.isProduction,
    }),
  );
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    // Personal data must never sit in a browser or proxy cache.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    next();
  });
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(bodyErrorHandler);
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Werkpad API')
      .setDescription(
        'Casemanagement voor re-integratie. Elke route vereist een token, behalve login en health.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
