/**
 * Medication-list lines (the body of a `Medications` section). Every list item is a medication
 * even when the drug is unknown to the lexicon: the name is the words before the strength or sig
 * (`Foobarinib 10 mg PO daily` → `Foobarinib`). Items are lines, `•` bullets within a line, and
 * comma- or semicolon-separated pieces (`Ibuprofen, digoxin.`). A piece that reads as prose
 * (`Patient reports that she is taking amlodipine, ...`) is scanned for known drugs instead.
 */
import { findDrugNames } from './drugLexicon';
import { buildMedication, isEyeItem, scanKnownDrugs, statusFrom, type MentionParts } from './medicationsMention';
import { matchStrengthAt } from './medicationsDose';
import { parseSig, sigComponentAt } from './medicationsSig';
import type { Medication, Span } from './types';

/** List markers: `-`, `•`, `*`, `1.`, `2)`, `a.`, `[ ]`. */
const MARKER = /(?:[-–—•*·▪◦‣>+]|\d{1,3}[.)](?!\d)|[a-zA-Z][.)](?=[ \t])|\[[ xX]?\])[ \t]*/uy;
/** Words before a name that are not part of it; stop/hold words among them set the status. */
const LEADING =
  /(?:start|started|starting|begin|began|initiate|initiated|continue|continued|cont|cont'd|resume|resumed|restart|restarted|increase|increased|decrease|decreased|reduce|reduced|titrate|wean|add|added|new|give|given|take|takes|taking|on|also|and|plus|occas|occasional|occasionally|regular|stop|stopped|hold|held|discontinue|discontinued|d\/c(?:'?d)?|dc(?:'?d)?|cease|ceased|prn)(?![\p{L}\p{N}])[ \t:]*/iuy;
/** A joining word before the next item (`..., and Farxiga`); not part of the item. */
const CONJUNCTION = /(?:and|also|plus|&)[ \t]+/iuy;
/** A piece that starts by negating (`No regular meds`, `Nil ICS LABA nebs`) names no medication. */
const NEGATED_START = /(?:no|nil|none|not|denies|never|without|n\/a)(?![\p{L}\p{N}])/iuy;
/** One word of a drug name: letters/digits, with inner hyphens, slashes, dots (`Toprol-XL`, `D5W`). */
const NAME_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’+®™]*(?:[-/.][\p{L}\p{N}][\p{L}\p{N}'’+®™]*)*/uy;
/** Words that end a name: sig verbs and linking words (`levothyroxine Take 75 mcg`, `amlodipine and lisinopril`). */
const NAME_END_WORD =
  /(?:take|takes|instill|apply|inject|inhale|place|use|give|insert|chew|dissolve|spray|rub|administer|sig|otc|and|&|plus|with|then|for|per|at|via|in|on|to|from|since|until|x|prn)(?![\p{L}\p{N}])/iuy;
/**
 * First words that show a piece is a heading, an observation or prose, not a drug name: headings
 * the section parser does not know (`O/E`, `Imp`, `Safety-net`) end a medication list in practice.
 */
const STOP_FIRST = new Set([
  'medication', 'medications', 'meds', 'sig', 'current', 'home', 'outpatient', 'inpatient', 'other', 'name', 'dose',
  'reviewed', 'none', 'nil', 'no', 'see', 'patient', 'pt', 'unknown', 'unk', 'list', 'as', 'per', 'same', 'refer',
  'na', 'nkda', 'nka', 'allergies', 'all', 'not', 'reported', 'prior', 'previous', 'past', 'advised', 'discussed',
  'explained', 'consider', 'rationale', 'plan', 'review', 'counselled', 'counseled', 'educated', 'she', 'he', 'they',
  'her', 'his', 'the', 'was', 'is', 'has', 'will', 'would', 'may', 'if', 'rx', 'refills', 'instructions', 'comments',
  'o/e', 'oe', 'obs', 'imp', 'impr', 'impression', 'ix', 'dx', 'ddx', 'hx', 'a', 'p', 's', 'o', 'assessment', 'exam',
  'examination', 'mgmt', 'management', 'issues', 'deferred', 'education', 'referral', 'referrals', 'followup',
  'follow-up', 'f/up', 'fu', 'f/u', 'safety', 'safety-net', 'lifestyle', 'adherence', 'investigations', 'telehealth',
  'bloods', 'labs', 'results', 'bmi', 'bp', 'hr', 'rr', 'temp', 't', 'sats', 'spo2', 'spo₂', 'wt', 'weight', 'ht', 'height',
  'cpap', 'bipap', 'o2', 'oxygen', 'urine', 'ecg', 'cxr', 'social', 'family', 'risk', 'goals', 'summary', 'background',
  'vitals', 'gen', 'general', 'cvs', 'resp', 'abdo', 'neuro', 'psych', 'mse', 'pmhx', 'pmh', 'fhx', 'shx', 'psh',
  'received', 'receiving', 'draining', 'gu', 'gu-foley', 'foley', 'gi', 'drain', 'drains', 'stool', 'jp', 'given', 'gave', 'started', 'noted', 'approx', 'about', 'was', 'were', 'denies',
  'hba1c', 'a1c', 'egfr', 'cr', 'creatinine', 'k', 'na', 'hb', 'hgb', 'ldl', 'hdl', 'chol', 'tsh', 'inr', 'glucose', 'bgl',
]);
const MAX_NAME_WORDS = 6;
/** A list line longer than this with two or more sentence ends is prose. */
const PROSE_LENGTH = 160;
const SENTENCE_END = /[.!?][ \t]+(?=\p{L})/gu;

function skipBlanks(text: string, pos: number, end: number): number {
  let p = pos;
  while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
  return p;
}

/** Splits `[start, end)` at top-level `,` `;` `•` and sentence ends (not inside parentheses, not `1,000`). */
function pieces(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && (c === ';' || c === '•' || (c === ',' && !/^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) || (c === '.' && /^[ \t]+\p{Lu}/u.test(text.slice(i + 1, i + 4))))) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end });
  return out;
}

/** Trims blanks and a trailing full stop. */
function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /[\s.]/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** True when `text[pos, end)` is only blanks and parenthetical remarks. */
function onlyRemarks(text: string, pos: number, end: number): boolean {
  return /^(?:[ \t]*\([^()]*\))*[ \t.]*$/.test(text.slice(pos, end));
}

/** Parses one list piece; false when it does not read as a list item. */
function parsePiece(text: string, piece: Span, bareOk: boolean, out: Medication[]): boolean {
  let q = piece.start;
  CONJUNCTION.lastIndex = q;
  const conj = CONJUNCTION.exec(text);
  if (conj && q + conj[0].length < piece.end) q += conj[0].length;
  const leadStart = q;
  for (let k = 0; k < 3; k++) {
    LEADING.lastIndex = q;
    const m = LEADING.exec(text);
    if (!m || q + m[0].length > piece.end) break;
    q += m[0].length;
  }
  const leading = text.slice(leadStart, q);
  NEGATED_START.lastIndex = q;
  if (NEGATED_START.test(text)) return true;

  const strengthBefore = matchStrengthAt(text, q);
  if (strengthBefore && strengthBefore.span.end < piece.end) q = skipBlanks(text, strengthBefore.span.end, piece.end);
  const ofMatch = strengthBefore ? /^of[ \t]+/i.exec(text.slice(q, q + 4)) : null;
  if (ofMatch) q += ofMatch[0].length;

  const nameStart = q;
  let nameEnd = q;
  let words = 0;
  while (q < piece.end && words < MAX_NAME_WORDS + 1) {
    if (words > 0) {
      NAME_END_WORD.lastIndex = q;
      if (NAME_END_WORD.test(text) || sigComponentAt(text, q, piece.end)) break;
    }
    NAME_WORD.lastIndex = q;
    const w = NAME_WORD.exec(text);
    if (!w || q + w[0].length > piece.end) break;
    words++;
    nameEnd = q + w[0].length;
    q = skipBlanks(text, nameEnd, piece.end);
  }
  if (words === 0 || words > MAX_NAME_WORDS) return false;
  const firstWord = text.slice(nameStart, nameEnd).split(/[\s]/)[0]?.toLowerCase() ?? '';
  const mentions = findDrugNames(text, nameStart, nameEnd);
  const mention = mentions[0];
  // `unsure re sertraline`, `paracetamol ibuprofen Restavit`: prose or several drugs, not one name.
  if (mention && (mention.start !== nameStart || mentions.length > 1)) return false;
  const info = mention?.info;
  const sig = parseSig(text, nameEnd, piece.end, { allowUnitless: true, eyeContext: isEyeItem(text.slice(piece.start, piece.end), info) });
  // `HbA1c 7.2%`: a percentage alone is more often a result than a strength.
  const strengthOk = (sig.strength && sig.strength.unit !== '%') || strengthBefore;
  const hasSig = !!(strengthOk || sig.quantity || sig.route || sig.frequency);
  const bare = bareOk && leading.trim().length === 0 && words <= 3 && onlyRemarks(text, nameEnd, piece.end);
  if (!info) {
    const nameWords = text.slice(nameStart, nameEnd).split(/\s+/);
    if (STOP_FIRST.has(firstWord) || !/\p{L}/u.test(firstWord) || text[skipBlanks(text, nameEnd, piece.end)] === ':') return false;
    // `HCT 24.7 received 1 unit`, `PA 72`: a number inside the name, or a bare number as the only
    // dose, is an observation, not an unknown drug.
    if (nameWords.some((w) => /^\d+(?:\.\d+)?$/.test(w)) || (sig.strength?.unit === '' && !sig.route && !sig.frequency && !sig.quantity)) return false;
    if (!hasSig && !bare) return false;
  } else if (mention.ambiguous && !hasSig && !bareOk) {
    return false;
  }
  const itemEnd = Math.max(nameEnd, sig.end);
  const parts: MentionParts = {
    span: { start: leadStart, end: piece.end },
    nameSpan: { start: nameStart, end: nameEnd },
    info,
    sig,
    context: 'medication-list',
    status: statusFrom(leading, text.slice(itemEnd, piece.end)),
  };
  if (strengthBefore && !sig.strength) parts.strengthBefore = strengthBefore;
  out.push(buildMedication(text, parts));

  // More known drugs later in the piece (`amlodipine and lisinopril`), not inside remarks in parentheses.
  const more: Medication[] = [];
  scanKnownDrugs(text, itemEnd, piece.end, 'medication-list', more);
  for (const m of more) {
    const before = text.slice(itemEnd, m.nameSpan.start);
    if ((before.match(/\(/g)?.length ?? 0) <= (before.match(/\)/g)?.length ?? 0)) out.push(m);
  }
  return true;
}

/**
 * Medications in one line (or the part of a line) `text[start, end)` of a medications section.
 * `bareOk`: a short unknown name with no dose (`OCP`, `Preg multivit`) counts as a medication;
 * callers allow it only in the first paragraph of the section, since later paragraphs are often
 * under headings the section parser did not recognise.
 */
export function parseMedicationListLine(text: string, start: number, end: number, bareOk: boolean, out: Medication[]): void {
  const line = trim(text, { start, end });
  if (line.end <= line.start || text[line.end - 1] === ':' || /:\s*$/.test(text.slice(line.start, end))) return;
  // A paragraph of prose (ICU nursing notes run a whole shift into one line): known drugs only.
  if (line.end - line.start > PROSE_LENGTH && (text.slice(line.start, line.end).match(SENTENCE_END)?.length ?? 0) >= 2) {
    scanKnownDrugs(text, line.start, line.end, 'medication-list', out);
    return;
  }
  const parts = pieces(text, line.start, line.end);
  for (let i = 0; i < parts.length; i++) {
    const p = trim(text, parts[i]!);
    let s = p.start;
    for (let k = 0; k < 2; k++) {
      MARKER.lastIndex = s;
      const m = MARKER.exec(text);
      if (!m || m[0].length === 0 || s + m[0].length > p.end) break;
      s += m[0].length;
    }
    const piece = { start: s, end: p.end };
    if (piece.end <= piece.start) continue;
    if (!parsePiece(text, piece, bareOk && parts.length === 1, out)) scanKnownDrugs(text, piece.start, piece.end, 'medication-list', out);
  }
}
