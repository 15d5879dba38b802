export { MIGRATIONS } from './migrations';
export { migrateDatabase } from './data-source';
export { APP_ROLE } from './provision/roles';
export { appRoleUrl, provisionAppRole } from './provision/provision';
export {
  DEMO_USERS,
  seedDemo,
  type BsnProtector,
  type DemoSeedResult,
  type DemoUser,
  type FieldProtector,
} from './seeds/demo-seed';
export { syntheticBsns, syntheticPeople, createRandom, type SyntheticPerson } from './seeds/synthetic-people';
