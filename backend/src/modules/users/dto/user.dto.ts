import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  PASSWORD_MIN_LENGTH,
  ROLES,
  type ResetSecondFactorRequest,
  type Role,
  SECOND_FACTOR_STATUSES,
  type SecondFactorStatus,
  USERNAME_PATTERN,
} from '@werkpad/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

import { nl } from '../../../common/validation-messages';
import { trim } from '../../../common/dto/transforms';

export class CreateUserDto {
  @ApiProperty({ example: 'jdevries', description: 'kleine letters, cijfers, . _ -; 3 tot 40 tekens' })
  @Transform(trim)
  @IsString({ message: nl.text })
  @Matches(USERNAME_PATTERN, {
    message:
      'username mag alleen kleine letters, cijfers, punt, liggend streepje en koppelteken bevatten (3 tot 40 tekens, begint met een letter)',
  })
  username: string;

  @ApiProperty({ example: 'Jan de Vries' })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(2, { message: nl.minLength(2) })
  @MaxLength(120, { message: nl.maxLength(120) })
  displayName: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 })
  @IsString({ message: nl.text })
  @MinLength(PASSWORD_MIN_LENGTH, { message: nl.minLength(PASSWORD_MIN_LENGTH) })
  @MaxLength(200, { message: nl.maxLength(200) })
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray({ message: 'roles moet een lijst van rollen zijn' })
  @ArrayMinSize(1, { message: 'roles moet minstens één rol bevatten' })
  @ArrayMaxSize(ROLES.length, { message: 'roles bevat te veel rollen' })
  @ArrayUnique({ message: 'roles bevat een rol dubbel' })
  @IsIn(ROLES, { each: true, message: `roles mag alleen deze rollen bevatten: ${ROLES.join(', ')}` })
  roles: Role[];
}

export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: nl.boolean })
  active?: boolean;
}

export class ResetSecondFactorDto implements ResetSecondFactorRequest {
  @ApiProperty({
    example: 'Telefoon met authenticator-app verloren; gemeld door betrokkene aan de balie',
    minLength: 10,
  })
  @Transform(trim)
  @IsString({ message: nl.text })
  @MinLength(10, { message: 'reason moet zeggen waarom (minstens 10 tekens)' })
  @MaxLength(500, { message: nl.maxLength(500) })
  reason: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: 200,
    description: 'Tijdelijk wachtwoord, alleen aan de gebruiker zelf gegeven',
  })
  @IsString({ message: nl.text })
  @MinLength(PASSWORD_MIN_LENGTH, { message: nl.minLength(PASSWORD_MIN_LENGTH) })
  @MaxLength(200, { message: nl.maxLength(200) })
  temporaryPassword: string;
}

export class UserResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lockedUntil: string | null;
  @ApiProperty({ enum: SECOND_FACTOR_STATUSES }) secondFactor: SecondFactorStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
