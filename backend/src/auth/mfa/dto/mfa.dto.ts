import { ApiProperty } from '@nestjs/swagger';
import {
  type MfaChallenge,
  type MfaEnrollment,
  type MfaVerifyRequest,
  type SecondFactorResetNotice,
} from '@werkpad/shared';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

import { nl } from '../../../common/validation-messages';

export class MfaTokenDto {
  @ApiProperty({ description: 'Het mfaToken uit het antwoord op POST /api/auth/login' })
  @IsString({ message: nl.text })
  @IsNotEmpty({ message: nl.required })
  @MaxLength(2000, { message: nl.maxLength(2000) })
  mfaToken: string;
}

export class MfaVerifyDto extends MfaTokenDto implements MfaVerifyRequest {
  @ApiProperty({ example: '123456', description: 'De code van 6 cijfers uit de authenticator-app' })
  @IsString({ message: nl.text })
  @Matches(/^\d{6}$/, { message: 'code moet uit 6 cijfers bestaan' })
  code: string;
}

export class MfaChallengeDto implements MfaChallenge {
  @ApiProperty({
    enum: ['enroll', 'verify'],
    description: 'enroll: eerst tweestapsverificatie instellen; verify: code invullen',
  })
  mfa: 'enroll' | 'verify';

  @ApiProperty({ description: 'Vijf minuten geldig, alleen voor /api/auth/mfa/*' })
  mfaToken: string;
}

export class SecondFactorResetNoticeDto implements SecondFactorResetNotice {
  @ApiProperty({ format: 'date-time' }) resetAt: string;
  @ApiProperty() resetByName: string;
}

export class MfaEnrollmentDto implements MfaEnrollment {
  @ApiProperty({ example: 'otpauth://totp/Werkpad:dpo1?secret=…&issuer=Werkpad' }) otpauthUrl: string;
  @ApiProperty({ description: 'QR-code van otpauthUrl als PNG-data-URL' }) qrCodeDataUrl: string;
  @ApiProperty({ description: 'Het geheim in base32, om met de hand in te voeren' }) secret: string;
  @ApiProperty({
    type: () => SecondFactorResetNoticeDto,
    nullable: true,
    description: 'De laatste keer dat functioneel beheer de tweede stap opnieuw liet instellen',
  })
  lastReset: SecondFactorResetNoticeDto | null;
}
