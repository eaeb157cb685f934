/**
 * Coded concepts written in the note: ICD-10(-CM) codes, SNOMED CT concept ids and LOINC codes.
 * Precision first: a bare `B12` or `T12` is not a code; codes count when labelled (`ICD-10: I10`),
 * in parentheses or brackets (`Hypertension (I10)`), or after a dash at the end of a problem line.
 */
import type { CodeMention } from './types';

/** ICD-10: letter, two digits, optional dot and up to 4 more characters (e.g. `E11.9`, `S72.001A`). */
const ICD10 = String.raw`[A-TV-Z]\d[0-9A-B](?:\.[0-9A-Z]{1,4})?`;
const LABELLED_ICD = new RegExp(String.raw`\b(?:ICD-?10(?:-CM)?|ICD)[ \t]*(?:code)?[ \t]*[:#]?[ \t]*(${ICD10})\b`, 'gd');
const BRACKETED_ICD = new RegExp(String.raw`[([](${ICD10})(?:[ \t]*[,;/][ \t]*(${ICD10}))?[)\]]`, 'gd');
const TRAILING_ICD = new RegExp(String.raw`[ \t]-[ \t](${ICD10})[ \t]*$`, 'gmd');
const SNOMED = /\b(?:SNOMED(?:[ -]?CT)?|SCTID)[ \t]*[:#]?[ \t]*(\d{6,18})\b/gd;
const LOINC = /\bLOINC[ \t]*[:#]?[ \t]*(\d{1,7}-\d)\b/gd;

function collect(re: RegExp, text: string, system: CodeMention['system'], out: CodeMention[], groups = [1]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    for (const g of groups) {
      const idx = m.indices?.[g];
      const code = m[g];
      if (idx && code) out.push({ system, code: code.toUpperCase(), span: { start: idx[0], end: idx[1] } });
    }
  }
}

/** All code mentions, in text order, de-duplicated by position. */
export function findCodes(text: string): CodeMention[] {
  const out: CodeMention[] = [];
  collect(LABELLED_ICD, text, 'ICD-10', out);
  collect(BRACKETED_ICD, text, 'ICD-10', out, [1, 2]);
  collect(TRAILING_ICD, text, 'ICD-10', out);
  collect(SNOMED, text, 'SNOMED', out);
  collect(LOINC, text, 'LOINC', out);
  out.sort((a, b) => a.span.start - b.span.start);
  return out.filter((c, i) => i === 0 || c.span.start !== out[i - 1]!.span.start);
}
