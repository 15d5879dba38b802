export { MIGRATIONS } from './migrations';
export { migrateDatabase } from './data-source';
export { APP_ROLE, MEDICAL_ROLE, MEDICAL_SCHEMA, type RolePasswords } from './provision/roles';
export { appRoleUrl, medicalRoleUrl, provisionRoles } from './provision/provision';
export {
  DEMO_USERS,
  seedDemo,
  type BsnProtector,
  type DemoSeedResult,
  type DemoUser,
  type FieldProtector,
} from './seeds/demo-seed';
export { syntheticBsns, syntheticPeople, createRandom, type SyntheticPerson } from './seeds/synthetic-people';
export {
  seedExpertise,
  type SeedExpertiseOptions,
  type SeedExpertiseResult,
} from './seeds/synthetic-expertise';
export { DEMO_TOTP_SECRET, seedDemoMfa, type SeedDemoMfaOptions } from './seeds/synthetic-mfa';
export {
  seedMedicalRecords,
  type SeedMedicalOptions,
  type SeedMedicalResult,
} from './seeds/synthetic-medical';
