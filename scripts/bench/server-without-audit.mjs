// The compiled Werkpad server with one difference, for the benchmark only: AuditService writes no
// rows. Everything else (guards, CASL, queries, the event's fields and canonical form, the queue)
// runs as in production, so "app with audit" against this server is what writing the log costs
// (issue 6, item 10: the same read endpoint with auditing on and off in the same run). This file is
// not part of the backend's build and no setting of the real server turns auditing off.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ROOT } from '../lib/dev-env.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => join(ROOT, 'dist/backend/backend/src', path);
require('reflect-metadata');
const { createApp } = require(dist('app.factory.js'));
const { AppConfig } = require(dist('config/app-config.js'));
const { validateEnvironment } = require(dist('config/environment.js'));
const { AuditService } = require(dist('audit/audit.service.js'));

const config = new AppConfig(validateEnvironment(process.env));
const app = await createApp(config);
const audit = app.get(AuditService, { strict: false });
// The one call that reaches the database (audit_append); the group-commit queue around it stays.
audit.insertChained = async () => {};
await app.listen(config.port);
