import type { DataBreachView } from '@werkpad/shared';
import { dutchDateTime } from '../../shared/dutch-dates';

/*
 * R-AUD-05: a breach must be reported to the Autoriteit Persoonsgegevens within 72 hours of its
 * discovery, unless the FG decided (with a reason) that it need not be. The API sends the deadline;
 * these texts count down to it from the page's clock, which ticks once a minute.
 */

const MINUTE = 60_000;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "41 uur en 12 minuten", "1 uur", "5 minuten": the time left, rounded down to whole minutes. */
export function remainingText(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / MINUTE);
  if (minutes < 1) return 'minder dan een minuut';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, 'minuut', 'minuten');
  if (rest === 0) return plural(hours, 'uur', 'uur');
  return `${plural(hours, 'uur', 'uur')} en ${plural(rest, 'minuut', 'minuten')}`;
}

/** Whether the breach still awaits a decision about reporting it to the AP. */
export function awaitsApDecision(breach: DataBreachView): boolean {
  return breach.reportedToApAt === null && breach.notReportedReason === null;
}

/**
 * Overdue: no decision and the deadline has passed. The API's flag is as of its answer; the page's
 * clock may have passed the deadline since, so either makes it overdue.
 */
export function isOverdue(breach: DataBreachView, now: Date): boolean {
  if (!awaitsApDecision(breach)) return false;
  return breach.overdue || now.getTime() >= new Date(breach.reportDeadline).getTime();
}

/** What the "Melding AP" column says: the report, the decision not to report, or the countdown. */
export function apStatusText(breach: DataBreachView, now: Date): string {
  if (breach.reportedToApAt !== null) {
    const reference = breach.apReference ? ` (kenmerk ${breach.apReference})` : '';
    return `Gemeld op ${dutchDateTime(breach.reportedToApAt)}${reference}`;
  }
  if (breach.notReportedReason !== null) return `Niet gemeld: ${breach.notReportedReason}`;
  if (isOverdue(breach, now)) return `Termijn verstreken sinds ${dutchDateTime(breach.reportDeadline)}`;
  const left = new Date(breach.reportDeadline).getTime() - now.getTime();
  return `Nog ${remainingText(left)} om te melden bij de Autoriteit Persoonsgegevens`;
}

/** What the "Betrokkenen geïnformeerd" column says. */
export function subjectsStatusText(breach: DataBreachView): string {
  if (breach.subjectsInformedAt !== null)
    return `Geïnformeerd op ${dutchDateTime(breach.subjectsInformedAt)}`;
  if (breach.subjectsNotInformedReason !== null)
    return `Niet geïnformeerd: ${breach.subjectsNotInformedReason}`;
  return 'Nog niet besloten';
}

/**
 * A local date plus a time typed as "uu:mm" as an API moment (ISO, UTC). The browser's zone is the
 * user's (Dutch) zone, so the moment is the one the user means.
 */
export function combineDateTime(date: Date, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const moment = new Date(date.getFullYear(), date.getMonth(), date.getDate(), hours, minutes);
  return moment.toISOString();
}

/** "uu:mm" of a local moment, to prefill a time field. */
export function timeOf(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
