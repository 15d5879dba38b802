import { CreateAuditEvent1763800000100 } from './1763800000100-CreateAuditEvent';
import { CreateClients1763800000200 } from './1763800000200-CreateClients';
import { CreateUsersAndSessions1763800000000 } from './1763800000000-CreateUsersAndSessions';
import { ClientFilesAndTrajectories1763800000300 } from './1763800000300-ClientFilesAndTrajectories';
import { CreatePayroll1763800000400 } from './1763800000400-CreatePayroll';
import { DutchNameOrder1763800000500 } from './1763800000500-DutchNameOrder';
import { ConsentsAndDisclosures1763800000600 } from './1763800000600-ConsentsAndDisclosures';
import { MedicalIsolation1763800000700 } from './1763800000700-MedicalIsolation';
import { FgWorkplace1763800000800 } from './1763800000800-FgWorkplace';
import { AuditAppendFunction1763800000900 } from './1763800000900-AuditAppendFunction';
import { Retention1763800001000 } from './1763800001000-Retention';
import { DestroyDossier1763800001050 } from './1763800001050-DestroyDossier';
import { AuditSubjectRefs1763800001100 } from './1763800001100-AuditSubjectRefs';
import { BatchDestruction1763800001150 } from './1763800001150-BatchDestruction';
import { ProgressReports1763800001200 } from './1763800001200-ProgressReports';
import { DataSubjectRequests1763800001250 } from './1763800001250-DataSubjectRequests';
import { MedicalAccessRequest1763800001260 } from './1763800001260-MedicalAccessRequest';
import { DsrObjection1763800001270 } from './1763800001270-DsrObjection';
import { ReportsFollowDestruction1763800001280 } from './1763800001280-ReportsFollowDestruction';
import { TrajectoryScopedReferences1763800001290 } from './1763800001290-TrajectoryScopedReferences';
import { CertificateInDatabase1763800001295 } from './1763800001295-CertificateInDatabase';
import { ErasureOnRequest1763800001300 } from './1763800001300-ErasureOnRequest';
import { SecondFactorReset1763800001310 } from './1763800001310-SecondFactorReset';

/** Every migration, in order. A new migration is added here (explicit, so bundling never misses one). */
export const MIGRATIONS = [
  CreateUsersAndSessions1763800000000,
  CreateAuditEvent1763800000100,
  CreateClients1763800000200,
  ClientFilesAndTrajectories1763800000300,
  CreatePayroll1763800000400,
  DutchNameOrder1763800000500,
  ConsentsAndDisclosures1763800000600,
  MedicalIsolation1763800000700,
  FgWorkplace1763800000800,
  AuditAppendFunction1763800000900,
  Retention1763800001000,
  DestroyDossier1763800001050,
  AuditSubjectRefs1763800001100,
  BatchDestruction1763800001150,
  ProgressReports1763800001200,
  DataSubjectRequests1763800001250,
  MedicalAccessRequest1763800001260,
  DsrObjection1763800001270,
  ReportsFollowDestruction1763800001280,
  TrajectoryScopedReferences1763800001290,
  CertificateInDatabase1763800001295,
  ErasureOnRequest1763800001300,
  SecondFactorReset1763800001310,
];
