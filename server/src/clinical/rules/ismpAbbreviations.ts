/**
 * `error-prone-abbreviation` (advisory): the main items of ISMP's List of Error-Prone
 * Abbreviations, Symbols, and Dose Designations that are not already on the Joint Commission list:
 * µg, cc, SC/SQ/sub q, HS/hs, TIW, D/C, AU/AS/AD, OU/OS/OD, IN, @, &, > and <, x3d.
 *
 * Precision over recall (alert fatigue): every item except TIW fires only in medication context,
 * and sig abbreviations (route, site, time) only in sig position, after a dose or a drug name and
 * followed by what a sig continues with. So `CVS HS dual`, `SC nodule`, `nasal d/c`, `A&P`,
 * `A&Ox3`, `I&O`, `@work`, e-mail addresses, `CC:` and `SBP < 90` are left alone.
 */
import data from '../../knowledge/ismpAbbreviations.json';
import type { Finding, Fix, Rule } from '../findings';
import type { Span } from '../../note/types';
import { type Clause, forEachDose, MedicationContext } from './medicationContext';
import { MAX_FINDINGS_PER_RULE } from './spanIndex';

const CODE = 'error-prone-abbreviation';
const REFERENCE = data.reference;
type ItemKey = keyof typeof data.items;

const SUBQ_RE = /(?<![\p{L}\p{N}.])(?:s\.c\.|s\.q\.|sc|sq|sub[- ]?q)(?![\p{L}\p{N}])/giu;
const HS_RE = /(?<![\p{L}\p{N}.\-])(?:HS|hs|h\.s\.)(?![\p{L}\p{N}\-])/gu;
const TIW_RE = /(?<![\p{L}\p{N}.])(?:tiw|t\.i\.w\.?)(?![\p{L}\p{N}])/giu;
const DC_RE = /(?<![\p{L}\p{N}/])[Dd]\/[Cc](?:['’]?(?:e?d|ing))?(?![\p{L}\p{N}/])/gu;
const SITE_RE = /(?<![\p{L}\p{N}.])(?:OU|OS|OD|AU|AS|AD|o\.u\.|o\.s\.|o\.d\.|od)(?![\p{L}\p{N}])/gu;
const IN_RE = /(?<![\p{L}\p{N}])IN(?![\p{L}\p{N}])/gu;
/** `@` before what a sig puts there: a time, a rate, a dose (`@ 8 pm`, `@100 mL/hr`, `@.5mg`, `@ HS`). */
const AT_RE = /@(?=[ \t]{0,2}[\p{L}\d.])/gu;
const AND_RE = /(?<=[\p{L}\d][ \t]{1,2})&(?=[ \t]{1,2}[\p{L}\d.])/gu;
const COMPARE_RE = /(?<![<>=\-])([<>]=?)[ \t]?(?=\.?\d)/g;
const DAYS_RE = /(?<![\p{L}\p{N}])[x×][ \t]?(\d{1,3})[ \t]?d(?![\p{L}\p{N}])/giu;
const TIME_BEFORE_RE = /\d[ \t]*(?:am|pm|a\.m\.|p\.m\.)[ \t]*$/i;
const TIME_AFTER_RE = /^[ \t]*\d{1,2}(?::\d\d)?[ \t]*(?:am|pm|a\.m\.|p\.m\.)/i;
/** `d/c summary`, `d/c home`: plainly discharge. */
const DC_NOT_MEDICATION_RE = /^[ \t]*(?:summary|summaries|letter|planning|plan|papers|paperwork|instructions|date|home|to home)\b/i;
/** How close a drug name must be to `D/C` for the ambiguity to touch a medication. */
const DC_REACH = 16;
/** Words before `OD` that make it an overdose, not a site or frequency. */
const OVERDOSE_RE = /(?:s\/p|intentional|accidental|suspected|overdose|ingestion|tox)/i;

export const errorProneAbbreviation: Rule = {
  id: CODE,
  description: 'ISMP error-prone abbreviations and symbols in medication documentation (µg, cc, SC/SQ, HS, TIW, D/C, OD/OS/OU, AD/AS/AU, IN, @, &, >, <, x3d).',
  run({ text, note }): Finding[] {
    if (note.inputProblem || text.length === 0) return [];
    const mc = new MedicationContext(text, note);
    const out: Finding[] = [];
    const emit = (key: ItemKey, span: Span, clause: Clause, fixes?: Fix[]): void => {
      out.push(finding(text, key, span, fixes ?? defaultFixes(key, span, clause)));
    };

    forEachDose(text, 0, text.length, true, (dose) => {
      const unit = dose.unit.toLowerCase();
      if (unit !== 'µg' && unit !== 'μg' && unit !== 'ug' && unit !== 'cc') return true;
      if (mc.inMeasuredValue(dose.span)) return true;
      const clause = mc.clauseAt(dose.span.start);
      if (unit === 'cc' && !mc.isMedicationClause(clause, dose.span.start)) return true;
      emit(unit === 'cc' ? 'cc' : 'µg', dose.unitSpan, clause);
      return out.length < MAX_FINDINGS_PER_RULE;
    });

    const each = (re: RegExp, visit: (span: Span, written: string) => void): void => {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null && out.length < MAX_FINDINGS_PER_RULE) {
        visit({ start: m.index, end: m.index + m[0].length }, m[1] ?? m[0]);
      }
    };
    each(SUBQ_RE, (span) => {
      const clause = mc.clauseAt(span.start);
      const prefix = clause.drugs.some((d) => d.start >= span.end && d.start - span.end <= 2);
      if (prefix || (mc.afterDoseOrDrug(clause, span.start) && mc.sigContinues(clause, span.end))) emit('SC', span, clause);
    });
    each(HS_RE, (span) => {
      if (/q[ \t]?$/i.test(text.slice(span.start - 2, span.start))) return;
      const clause = mc.clauseAt(span.start);
      if (mc.afterDoseOrDrug(clause, span.start) && mc.sigContinues(clause, span.end)) emit('HS', span, clause);
    });
    each(TIW_RE, (span) => emit('TIW', span, mc.clauseAt(span.start)));
    each(DC_RE, (span) => {
      if (DC_NOT_MEDICATION_RE.test(text.slice(span.end, span.end + 16))) return;
      const clause = mc.clauseAt(span.start);
      const near = clause.drugs.some((d) => !d.ambiguous && (d.end <= span.start ? span.start - d.end : d.start - span.end) <= DC_REACH);
      if (near) emit('D/C', span, clause, []);
    });
    each(SITE_RE, (span, written) => {
      const key = written.replace(/\./g, '').toUpperCase() as 'OU' | 'OS' | 'OD' | 'AU' | 'AS' | 'AD';
      const clause = mc.clauseAt(span.start);
      const ear = key === 'AU' || key === 'AS' || key === 'AD';
      // In capitals AS and AD are also English words (`AS NEEDED`, `AD LIB`): demand a strict sig.
      if (!mc.afterDoseOrDrug(clause, span.start, true) || !mc.sigContinues(clause, span.end, ear && mc.upperAround(clause, span.start))) return;
      const site = mc.site(clause, span.start);
      if ((key === 'OU' || key === 'OS') && !site.eye) return;
      if (ear && !site.ear) return;
      if (key === 'OD' && !site.eye) {
        const before = text.slice(clause.start, span.start);
        const doseBefore = clause.doses.some((d) => d.span.end <= span.start);
        const drugRightBefore = clause.drugs.some((d) => /^[ \t]*$/.test(text.slice(d.end, span.start)));
        if (OVERDOSE_RE.test(before) || (!doseBefore && drugRightBefore)) return;
      }
      emit(key, span, clause, key === 'OD' && site.eye ? [...defaultFixes('OD', span, clause)].reverse() : undefined);
    });
    each(IN_RE, (span) => {
      const clause = mc.clauseAt(span.start);
      // In capitals IN is the preposition (`2 SPRAYS IN EACH NOSTRIL`).
      if (!mc.upperAround(clause, span.start) && mc.afterDoseOrDrug(clause, span.start) && mc.sigContinues(clause, span.end, true)) emit('IN', span, clause);
    });
    each(AT_RE, (span) => {
      if (/[\p{L}\p{N}._%+-]/u.test(text[span.start - 1] ?? '') && /[\p{L}\p{N}]/u.test(text[span.end] ?? '')) return; // e-mail, `@work`
      const clause = mc.clauseAt(span.start);
      if (mc.afterDoseOrDrug(clause, span.start)) emit('@', span, clause, [spacedFix('at', span, text, clause)]);
    });
    each(AND_RE, (span) => {
      const clause = mc.clauseAt(span.start);
      if (joinsDoses(text, clause, span)) emit('&', span, clause);
    });
    each(COMPARE_RE, (span, written) => {
      const numberAt = span.start + written.length + (/[ \t]/.test(text[span.start + written.length] ?? '') ? 1 : 0);
      const clause = mc.clauseAt(span.start);
      const dose = clause.doses.find((d) => d.span.start === numberAt);
      if (!dose || mc.inMeasuredValue(dose.span) || !(mc.namesDrug(clause) || mc.inMedicationList(span.start))) return;
      const symbol = written.slice(0, 1) as '>' | '<';
      const words = data.items[symbol].fixes[0]?.text ?? '';
      emit(symbol, { start: span.start, end: span.start + written.length }, clause,
        [spacedFix(written.length === 2 ? `${words} or equal to` : words, { start: span.start, end: span.start + written.length }, text, clause)]);
    });
    each(DAYS_RE, (span, written) => {
      const clause = mc.clauseAt(span.start);
      if (!(mc.namesDrug(clause) || clause.doses.length > 0 || mc.inMedicationList(span.start))) return;
      const n = /\d+/.exec(written)?.[0] ?? '';
      const words = (data.items.x3d.fixes[0]?.text ?? '').replace('{n}', n);
      emit('x3d', span, clause, [{ title: `Write "${words}"`, edits: [{ span, newText: cased(words, clause) }], preferred: true }]);
    });
    return out.sort((a, b) => a.span.start - b.span.start).slice(0, MAX_FINDINGS_PER_RULE);
  },
};

/** `&` between two doses, drugs or times: `5 mg & 10 mg`, `aspirin & clopidogrel`, `8 am & 8 pm`. */
function joinsDoses(text: string, clause: Clause, span: Span): boolean {
  const drugs = clause.drugs.filter((d) => !d.ambiguous);
  const adjacent = (from: number, to: number): boolean => from <= to && /^[ \t]*$/.test(text.slice(from, to));
  const before = text.slice(Math.max(clause.start, span.start - 16), span.start);
  const left = TIME_BEFORE_RE.test(before) || clause.doses.some((d) => adjacent(d.span.end, span.start)) || drugs.some((d) => adjacent(d.end, span.start));
  if (!left) return false;
  const after = text.slice(span.end, Math.min(clause.end, span.end + 16));
  return TIME_AFTER_RE.test(after) || clause.doses.some((d) => adjacent(span.end, d.span.start)) || drugs.some((d) => adjacent(span.end, d.start));
}

function defaultFixes(key: ItemKey, span: Span, clause: Clause): Fix[] {
  return data.items[key].fixes.map((f) => ({ title: `Write "${f.text}"`, edits: [{ span, newText: cased(f.text, clause) }], preferred: f.preferred }));
}

/** A replacement for a symbol that keeps words apart: `25 mg @8pm` → `25 mg at 8pm`. */
function spacedFix(words: string, span: Span, text: string, clause: Clause): Fix {
  const pre = /\s/.test(text[span.start - 1] ?? ' ') ? '' : ' ';
  const post = /\s/.test(text[span.end] ?? ' ') ? '' : ' ';
  return { title: `Write "${words}"`, edits: [{ span, newText: pre + cased(words, clause) + post }], preferred: true };
}

function cased(s: string, clause: Clause): string {
  return clause.upper ? s.toUpperCase() : s;
}

function finding(text: string, key: ItemKey, span: Span, fixes: Fix[]): Finding {
  const item = data.items[key];
  const written = text.slice(span.start, span.end);
  const n = (s: string): string => s.replace('{n}', /\d+/.exec(written)?.[0] ?? 'N');
  const uses = item.fixes.map((f) => `"${n(f.text)}"`);
  const advice = key === 'D/C' ? 'Write "discharge" or "discontinue".' : `Write ${uses.join(' or ')}.`;
  return {
    code: CODE,
    severity: 'advisory',
    message: `"${written}" (${n(item.meaning)}) is on the ISMP list of error-prone abbreviations: it has been mistaken for ${n(item.mistakenAs)}. ${advice}`,
    span,
    reference: REFERENCE,
    fixes,
  };
}
