import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';

import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { MfaRepository } from './mfa/mfa.repository';
import { MfaService } from './mfa/mfa.service';
import { MfaTokenService } from './mfa/mfa-token.service';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';

@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwtKey }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtStrategy,
    PasswordHasher,
    SessionRepository,
    MfaService,
    MfaRepository,
    MfaTokenService,
  ],
  exports: [PasswordHasher, SessionRepository, MfaRepository],
})
export class AuthModule {}
