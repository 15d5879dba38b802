import { type ArgumentsHost, Catch, type ExceptionFilter, ForbiddenException } from '@nestjs/common';
import { type DisclosureDecision, type DisclosureRefusalBody } from '@werkpad/shared';
import { type Response } from 'express';

import { RequestContext } from '../../common/request-context';
import { refusalMessage } from './disclosure-decision';

/** A disclosure the rules do not allow (R-SHARE-01): 403 with the reasons and the decision. */
export class DisclosureRefusedException extends ForbiddenException {
  constructor(readonly decision: DisclosureDecision) {
    super(refusalMessage(decision));
  }
}

/**
 * The API's error shape plus the decision per category, so the sharing dialog can show why each
 * category was refused. Only for this exception; everything else goes to the global filter.
 */
@Catch(DisclosureRefusedException)
export class DisclosureRefusedFilter implements ExceptionFilter {
  catch(exception: DisclosureRefusedException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const requestId = RequestContext.current()?.requestId;
    const body: DisclosureRefusalBody = {
      statusCode: 403,
      error: 'Forbidden',
      message: exception.message,
      decision: exception.decision,
      ...(requestId ? { requestId } : {}),
    };
    if (!response.headersSent) response.status(403).json(body);
  }
}
