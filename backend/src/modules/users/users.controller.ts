import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Page, type UserSummary } from '@werkpad/shared';

import { Audited } from '../../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../../authz/current-ability.decorator';
import { Policy } from '../../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../../authz/policy.types';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { uuidPipe } from '../../common/uuid.pipe';
import {
  CreateUserDto,
  ResetSecondFactorDto,
  UpdateUserDto,
  UserPageDto,
  UserResponseDto,
} from './dto/user.dto';
import { UsersService } from './users.service';
import { ApiGuardedErrors } from '../../common/api-docs';

/** Account management by functioneel beheer (admin). */
@ApiTags('gebruikers')
@ApiBearerAuth()
@ApiGuardedErrors()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Policy('read', 'User')
  @Audited('search', 'User', ['account'])
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentAbility() ability: AppAbility, @Query() query: PageQueryDto): Promise<Page<UserSummary>> {
    return this.users.list(ability, query);
  }

  @Get(':id')
  @Policy('read', 'User')
  @Audited('read', 'User', ['account'])
  @ApiOkResponse({ type: UserResponseDto })
  get(@CurrentAbility() ability: AppAbility, @Param('id', uuidPipe) id: string): Promise<UserSummary> {
    return this.users.get(ability, id);
  }

  @Post()
  @Policy('create', 'User')
  @Audited('create', 'User', ['account'])
  @ApiOkResponse({ type: UserResponseDto })
  create(@Body() dto: CreateUserDto): Promise<UserSummary> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @Policy('update', 'User')
  @Audited('update', 'User', ['account'])
  @ApiOkResponse({ type: UserResponseDto })
  update(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', uuidPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserSummary> {
    return this.users.update(ability, actor, id, dto);
  }

  @Post(':id/second-factor-reset')
  @HttpCode(200)
  @Policy('update', 'User')
  @Audited('update', 'User', ['account'])
  @ApiOkResponse({ type: UserResponseDto })
  resetSecondFactor(
    @CurrentAbility() ability: AppAbility,
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', uuidPipe) id: string,
    @Body() dto: ResetSecondFactorDto,
  ): Promise<UserSummary> {
    return this.users.resetSecondFactor(ability, actor, id, dto);
  }
}
