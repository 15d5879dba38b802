import { type DynamicModule, Global, Module } from '@nestjs/common';

import { FieldCrypto } from '../common/crypto/field-crypto';
import { AppConfig } from './app-config';

/** Provides the validated configuration and the things built directly from it. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: FieldCrypto, useValue: new FieldCrypto(config.fieldEncryptionKey, config.blindIndexKey) },
      ],
      exports: [AppConfig, FieldCrypto],
    };
  }
}
