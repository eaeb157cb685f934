/**
 * `do-not-use-abbreviation`: The Joint Commission's official "Do Not Use" list in medication
 * documentation: `U`/`u` and `IU` after a dose, `QD`/`QOD` in all their spellings, a trailing zero
 * (`5.0 mg`) or a missing leading zero (`.5 mg`) in a dose, and `MS`/`MSO4`/`MgSO4`.
 *
 * Severity: warning; critical when the abbreviation is a dose designation (U, IU, trailing or
 * missing leading zero) of an ISMP high-alert medication (insulin, heparin, warfarin, opioids, …),
 * where the 10-fold misreading the list exists to prevent is most likely to kill.
 *
 * Precision: zeros are judged only on doses (a number followed by a dose unit, not `mg/dL` or
 * `U/L`) that the lab and vitals parsers did not read as a measured value, and the trailing zero
 * only in medication context (JC allows it for lab values, lesion sizes and tube sizes). `MS` fires
 * only directly before a dose or route (`MS 4 mg IV`), never as multiple sclerosis or mental status.
 */
import data from '../../knowledge/doNotUse.json';
import type { Finding, Fix, Rule, Severity } from '../findings';
import type { Span } from '../../note/types';
import { type Clause, type Dose, forEachDose, MedicationContext } from './medicationContext';
import { MAX_FINDINGS_PER_RULE } from './spanIndex';

const CODE = 'do-not-use-abbreviation';
const REFERENCE = data.reference;
const HIGH_ALERT_NOTE = ' This is a high-alert medication: a 10-fold dose error can be fatal.';

const QD_RE = /(?<![\p{L}\p{N}.])(?:q\.d\.(?![\p{L}\p{N}])|q\.d(?![.\p{L}\p{N}])|qd(?![\p{L}\p{N}]))/giu;
const QOD_RE = /(?<![\p{L}\p{N}.])(?:q\.o\.d\.(?![\p{L}\p{N}])|q\.o\.d(?![.\p{L}\p{N}])|qod(?![\p{L}\p{N}]))/giu;
const MSO4_RE = /(?<![\p{L}\p{N}])(?:MSO4|MS04|MSO₄)(?![\p{L}\p{N}])/gu;
const MGSO4_RE = /(?<![\p{L}\p{N}])(?:mgso4|mgso₄)(?![\p{L}\p{N}])/giu;
const MS_RE = /(?<![\p{L}\p{N}])MS(?![\p{L}\p{N}])/gu;
/** What may follow `MS` when it names a drug: a dose, or a route or release form. */
const MS_FOLLOW_RE = /^[ \t]{0,2}(?:\d|\.\d|(?:IV|IVP|IM|PO|SC|SQ|SL|PR|IR|ER|PCA)(?![\p{L}\p{N}]))/u;

export const doNotUseAbbreviation: Rule = {
  id: CODE,
  description: 'Joint Commission "Do Not Use" abbreviations in medication documentation (U, IU, QD, QOD, trailing/leading zeros, MS, MSO4, MgSO4).',
  run({ text, note }): Finding[] {
    if (note.inputProblem || text.length === 0) return [];
    const mc = new MedicationContext(text, note);
    const out: Finding[] = [];
    forEachDose(text, 0, text.length, true, (dose) => {
      checkDose(text, dose, mc, out);
      return out.length < MAX_FINDINGS_PER_RULE;
    });
    frequencies(text, mc, out);
    morphineMagnesium(text, mc, out);
    return out.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_FINDINGS_PER_RULE);
  },
};

function checkDose(text: string, dose: Dose, mc: MedicationContext, out: Finding[]): void {
  const unit = dose.unit.toLowerCase();
  const zeroTrouble = dose.numbers.some((n) => n.raw.startsWith('.') || isTrailingZero(n.raw));
  if (unit !== 'u' && unit !== 'iu' && !zeroTrouble) return;
  if (mc.inMeasuredValue(dose.span)) return;
  const clause = mc.clauseAt(dose.span.start);
  if (dose.unit === 'G' && !clause.upper) return;
  const medication = mc.isMedicationClause(clause, dose.span.start);
  if (dose.volume && !mc.namesDrug(clause)) return;
  const critical = mc.highAlert(clause, dose.span.start);
  const severity: Severity = critical ? 'critical' : 'warning';
  const tail = critical ? HIGH_ALERT_NOTE : '';
  const written = text.slice(dose.span.start, dose.span.end);

  if (unit === 'u' || unit === 'iu') {
    // A lone lower-case `u` after a space is also text-speak ("see u"); demand a medication context.
    if (dose.unit === 'u' && text[dose.unitSpan.start - 1] === ' ' && !medication) return;
    const spaced = /\s/.test(text[dose.unitSpan.start - 1] ?? '') ? '' : ' ';
    const item = unit === 'u' ? data.items.U : data.items.IU;
    const fixes: Fix[] = [{ title: 'Write "units"', edits: [{ span: dose.unitSpan, newText: spaced + cased('units', clause) }], preferred: true }];
    if (unit === 'iu') fixes.push({ title: 'Write "international units"', edits: [{ span: dose.unitSpan, newText: spaced + cased('international units', clause) }] });
    out.push(finding(severity, dose.unitSpan,
      `"${dose.unit}" (${item.intended}) in "${written}" is on the Joint Commission "Do Not Use" list: it is misread as ${item.mistakenAs}. Write "units".${tail}`, fixes));
  }
  for (const n of dose.numbers) {
    if (n.raw.startsWith('.')) {
      const fixed = '0' + n.raw;
      out.push(finding(severity, n.span,
        `Missing leading zero in "${written}" is on the Joint Commission "Do Not Use" list: "${n.raw}" is misread as ${n.raw.slice(1)} if the decimal point is missed. Write "${fixed}".${tail}`,
        [{ title: `Write "${fixed}"`, edits: [{ span: n.span, newText: fixed }], preferred: true }]));
    } else if (isTrailingZero(n.raw) && medication) {
      const fixed = n.raw.replace(/0+$/, '').replace(/\.$/, '');
      out.push(finding(severity, n.span,
        `Trailing zero in "${written}" is on the Joint Commission "Do Not Use" list: "${n.raw}" is misread as ${n.raw.replace('.', '').replace(/^0+(?=\d)/, '')} if the decimal point is missed. Write "${fixed}".${tail}`,
        [{ title: `Write "${fixed}"`, edits: [{ span: n.span, newText: fixed }], preferred: true }]));
    }
  }
}

function frequencies(text: string, mc: MedicationContext, out: Finding[]): void {
  for (const [re, item] of [[QD_RE, data.items.QD], [QOD_RE, data.items.QOD]] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && out.length < MAX_FINDINGS_PER_RULE) {
      const span = { start: m.index, end: m.index + m[0].length };
      const clause = mc.clauseAt(span.start);
      out.push(finding('warning', span,
        `"${m[0]}" (${item.intended}) is on the Joint Commission "Do Not Use" list: it is misread as ${item.mistakenAs}. Write "${item.use}".`,
        [{ title: `Write "${item.use}"`, edits: [{ span, newText: cased(item.use, clause) }], preferred: true }]));
    }
  }
}

function morphineMagnesium(text: string, mc: MedicationContext, out: Finding[]): void {
  for (const [re, item] of [[MSO4_RE, data.items.MSO4], [MGSO4_RE, data.items.MgSO4]] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && out.length < MAX_FINDINGS_PER_RULE) {
      const span = { start: m.index, end: m.index + m[0].length };
      const clause = mc.clauseAt(span.start);
      out.push(finding('warning', span,
        `"${m[0]}" (${item.intended}) is on the Joint Commission "Do Not Use" list: it is confused with ${item.mistakenAs}. Write "${item.use}".`,
        [{ title: `Write "${item.use}"`, edits: [{ span, newText: cased(item.use, clause) }], preferred: true }]));
    }
  }
  MS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MS_RE.exec(text)) !== null && out.length < MAX_FINDINGS_PER_RULE) {
    const after = text.slice(m.index + 2, m.index + 12);
    if (!MS_FOLLOW_RE.test(after)) continue;
    const span = { start: m.index, end: m.index + 2 };
    const clause = mc.clauseAt(span.start);
    const dose = clause.doses.find((d) => d.span.start >= span.end && d.span.start - span.end <= 3);
    const grams = dose !== undefined && /^(?:g|gm|gms|grams?)$/i.test(dose.unit);
    const names = grams ? ['magnesium sulfate', 'morphine sulfate'] : ['morphine sulfate', 'magnesium sulfate'];
    out.push(finding('warning', span,
      `"MS" is on the Joint Commission "Do Not Use" list: it can mean ${data.items.MS.intended}, and each is mistaken for the other. Write the drug name in full.`,
      names.map((n) => ({ title: `Write "${n}"`, edits: [{ span, newText: cased(n, clause) }] }))));
  }
}

/** `5.0`, `1.50`, `10.00`: a decimal part that ends in zero. */
function isTrailingZero(raw: string): boolean {
  return /\.\d*0$/.test(raw);
}

/** Replacement text in the case the clause is written in (ALL-CAPS nursing notes stay in capitals). */
function cased(s: string, clause: Clause): string {
  return clause.upper ? s.toUpperCase() : s;
}

function finding(severity: Severity, span: Span, message: string, fixes: Fix[]): Finding {
  return { code: CODE, severity, message, span, reference: REFERENCE, fixes };
}
