import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * R-MED-06 as an architecture rule: the medical module is a closed box. No code outside it imports
 * from it (only the app module mounts it and the policy registry lists its policy), and no code
 * outside it knows how to reach the medical data (the medical login, its schema, its key ring).
 */
const SRC = resolve(__dirname, '../..');
const MEDICAL_DIR = resolve(__dirname);

/** Files that may import from the medical folder, relative to backend/src. */
const MAY_IMPORT_MEDICAL = new Set([
  'app.module.ts',
  'authz/policy-registry.ts',
  'cli/medical-rekey.ts',
  // The demo seed encrypts its synthetic records with the same MedicalCrypto.
  'cli/seed-demo.ts',
]);
/**
 * Files besides the medical folder that may touch the medical schema or key: the re-encryption
 * command (as owner) and the demo seed (which encrypts synthetic records with the key ring).
 */
const MAY_USE_MEDICAL_SQL = new Set(['cli/medical-rekey.ts', 'cli/seed-demo.ts']);

/** How code would reach medical data: the medical login, the schema's tables and functions, the key ring. */
const MEDICAL_ACCESS_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'medical role URL', pattern: /\bmedicalRoleUrl\b/ },
  { name: 'medical role name', pattern: /\bwerkpad_medical\b|\bMEDICAL_ROLE\b/ },
  { name: 'medical schema constant', pattern: /\bMEDICAL_SCHEMA\b/ },
  { name: 'medical database password', pattern: /\bdbMedicalPassword\b/ },
  {
    name: "SQL on schema 'medical.'",
    pattern:
      /\bmedical\s*\.\s*"?(medical_record|medical_record_version|care_provider_request|current_expertise_user|assigned_trajectory|require_gp_consent)\b/i,
  },
  { name: 'search_path with medical', pattern: /search_path[^;\n]*\bmedical\b/i },
  { name: 'medical key ring', pattern: /\bmedicalEncryptionKeys\b|\bMEDICAL_ENCRYPTION_KEY\b/ },
];
/** Configuration defines the secrets (and hands them only to the medical module); it does not use them. */
const CONFIG_MAY_NAME = new Set(['medical database password', 'medical key ring']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function isInside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}

/** Every module specifier of static imports, re-exports, dynamic import() and require(). */
export function importedSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) specifiers.push(match[1]);
  }
  return specifiers;
}

const files = sourceFiles(SRC).filter((file) => !isInside(file, MEDICAL_DIR));
const rel = (file: string): string => relative(SRC, file).split(sep).join('/');

describe('medical module isolation (architecture)', () => {
  it('scans the backend sources (guards against a wrong root making the rules vacuous)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map(rel)).toContain('app.module.ts');
    const sample = "import { A } from './x';\nconst b = require('../y');\nawait import('./z');";
    expect(importedSpecifiers(sample).sort()).toEqual(['../y', './x', './z']);
  });

  it('R-MED-06: no file outside the medical module imports from it, except the app module and the policy registry', () => {
    const offenders: string[] = [];
    for (const file of files) {
      if (MAY_IMPORT_MEDICAL.has(rel(file))) continue;
      for (const specifier of importedSpecifiers(readFileSync(file, 'utf8'))) {
        const reachesMedical = specifier.startsWith('.')
          ? isInside(resolve(dirname(file), specifier), MEDICAL_DIR)
          : /(^|\/)modules\/medical(\/|$)/.test(specifier);
        if (reachesMedical) offenders.push(`${rel(file)} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("R-MED-06: no production code outside the medical module names the medical login or queries schema 'medical.'", () => {
    const offenders: string[] = [];
    for (const file of files) {
      const name = rel(file);
      // Tests may set up medical fixtures as the owner; what ships is production code.
      if (name.endsWith('.spec.ts') || MAY_USE_MEDICAL_SQL.has(name)) continue;
      const source = readFileSync(file, 'utf8');
      for (const { name: what, pattern } of MEDICAL_ACCESS_PATTERNS) {
        if (name.startsWith('config/') && CONFIG_MAY_NAME.has(what)) continue;
        if (pattern.test(source)) offenders.push(`${name}: ${what}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('R-MED-06: the medical module exports only the destruction port and the access-request port', () => {
    const moduleSource = readFileSync(join(MEDICAL_DIR, 'medical.module.ts'), 'utf8');
    expect(moduleSource).toMatch(/exports:\s*\[\s*MedicalDestructionPort,\s*MedicalAccessPort\s*\]/);
    expect(moduleSource).not.toMatch(/TypeOrmModule/);
    // The destruction port: one method, returning a count, never a record.
    const port = readFileSync(join(SRC, 'common/medical-destruction.port.ts'), 'utf8');
    expect(port.match(/abstract \w+\(/g)).toEqual(['abstract destroyRecords(']);
    expect(port).toMatch(/destroyRecords\(itemIds: readonly string\[\], actorId: string\): Promise<number>/);
    // The access port (R-DSR-04): one method, keyed by a data-subject request (the database function
    // answers only for an open, identity-verified access request), used by that module alone.
    const access = readFileSync(join(SRC, 'common/medical-access.port.ts'), 'utf8');
    expect(access.match(/abstract \w+\(/g)).toEqual(['abstract recordsForAccessRequest(']);
    const users = sourceFiles(SRC)
      .filter(
        (file) => !file.endsWith('.spec.ts') && readFileSync(file, 'utf8').includes('MedicalAccessPort'),
      )
      .map(rel)
      .sort();
    expect(users).toEqual([
      'common/medical-access.port.ts',
      'modules/data-subject-requests/dsr-export.service.ts',
      'modules/medical/medical-access.service.ts',
      'modules/medical/medical.module.ts',
    ]);
  });
});
