import { Module } from '@nestjs/common';

import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';

/** The FG's access log: search, export, a client's access overview and the BSN lookup (issue 6). */
@Module({ controllers: [AccessLogController], providers: [AccessLogService] })
export class AccessLogModule {}
