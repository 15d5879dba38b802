import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { nl } from '../../common/validation-messages';

export class LoginDto {
  @ApiProperty({ example: 'coach1' })
  @IsString({ message: nl.text })
  @IsNotEmpty({ message: nl.required })
  @MaxLength(100, { message: nl.maxLength(100) })
  username: string;

  @ApiProperty({ example: 'wachtwoord' })
  @IsString({ message: nl.text })
  @IsNotEmpty({ message: nl.required })
  @MaxLength(200, { message: nl.maxLength(200) })
  password: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'JWT, 15 minuten geldig' }) accessToken: string;
  @ApiProperty({ example: 900 }) expiresIn: number;
}

export class CurrentUserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ isArray: true, type: String }) roles: string[];
  @ApiProperty({
    description: 'CASL-regels, gepakt met packRules',
    type: 'array',
    items: { type: 'array', items: {} },
  })
  rules: unknown[];
}
