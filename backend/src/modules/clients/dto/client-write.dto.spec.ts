import { CLIENT_WRITE_CATEGORIES } from '@werkpad/shared';
import { getMetadataStorage } from 'class-validator';

import { CreateClientDto, UpdateClientDto } from './client-write.dto';

function validatedProperties(target: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}

describe('client write DTOs', () => {
  it('accept exactly the fields that have a data category, so every write is checked per category', () => {
    const categorised = Object.keys(CLIENT_WRITE_CATEGORIES).sort();
    expect(validatedProperties(UpdateClientDto)).toEqual(categorised);
    expect(validatedProperties(CreateClientDto)).toEqual(categorised);
  });
});
