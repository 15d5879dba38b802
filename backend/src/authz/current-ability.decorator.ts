import { createParamDecorator, type ExecutionContext, InternalServerErrorException } from '@nestjs/common';

import { RequestContext } from '../common/request-context';
import { type AppAbility, type AuthenticatedUser } from './policy.types';

/** The ability AccessGuard built for this request. */
export const CurrentAbility = createParamDecorator(
  (_data: unknown, _context: ExecutionContext): AppAbility => {
    const ability = RequestContext.current()?.ability;
    if (!ability) throw new InternalServerErrorException('No ability on a guarded route');
    return ability;
  },
);

export const CurrentUser = createParamDecorator(
  (_data: unknown, _context: ExecutionContext): AuthenticatedUser => {
    const user = RequestContext.current()?.user;
    if (!user) throw new InternalServerErrorException('No user on a guarded route');
    return user;
  },
);
