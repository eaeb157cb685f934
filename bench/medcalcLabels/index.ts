/** Every disputed MedCalc-Bench label, and lookup by row. */
import { CARDIOLOGY } from './cardiology';
import { CRITICAL } from './critical';
import { DRUGS_DATES } from './drugsDates';
import { ELECTROLYTES } from './electrolytes';
import { INFECTION } from './infection';
import { RENAL_LIVER } from './renalLiver';
import { REVIEWED } from './reviewed';
import type { LabelDispute } from './types';
import { VTE } from './vte';

export type { DisputeKind, LabelDispute } from './types';

export const DISPUTES: readonly LabelDispute[] = [...REVIEWED, ...CARDIOLOGY, ...VTE, ...INFECTION, ...CRITICAL, ...ELECTROLYTES, ...RENAL_LIVER, ...DRUGS_DATES];

/** Row Number → dispute (a row is disputed at most once; the test checks). */
export function disputesByRow(list: readonly LabelDispute[] = DISPUTES): Map<string, LabelDispute> {
  return new Map(list.map((d) => [String(d.row), d]));
}
