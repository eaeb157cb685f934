/**
 * Laboratory results in a clinical note: `Na 132`, `creatinine 124 µmol/L`, `K 5.8 (H)`, `Troponin <0.01
 * ng/mL`, `A1c of 8.2%`, compact chemistry lines, ALL-CAPS nursing notes, pipe/tab tables, slash groups
 * (`BUN/Cr 54/2.8`) and blood gases (`ABG 7.21/55/60`). Each result carries its value and unit as written
 * (or the unit inferred from the value's plausible range) and the value in the analyte's canonical unit.
 *
 * The scan walks the text word by word and looks each word up in the alias lexicon, so it is linear in the
 * length of the note. Names that are also ordinary words or abbreviations (`PT` patient, `BS` breath
 * sounds, `CA` cancer, `MG` milligrams, `K` vitamin K) need a plausible number and pass the guards in
 * `knowledge/labs.json`.
 */
import type { LabResult, Section, Span } from './types';
import { analyteRules } from './labUnits';
import { entriesAt, forEachWord, matchEntry, vocabulary, type AliasEntry } from './labsLexicon';
import { followsLikeList, looksLikeClockTime, readFlag, readNumber, readToValue, readUnit, wordsBefore } from './labsScan';
import { buildResult, chooseUnit, inLabsSection, push, type ScanContext } from './labsResult';
import { parseGas, parseNamedGroup, parseSlashGroup } from './labsGroups';

export { convertLab, labInfo, type LabInfo, type LabUnitInfo } from './labUnits';

/** All lab results in the note, in text order, without overlaps. */
export function findLabs(text: string, sections: readonly Section[]): LabResult[] {
  const out: LabResult[] = [];
  if (text.length === 0) return out;
  const ctx: ScanContext = {
    text,
    out,
    labSpans: sections.filter((s) => s.kind === 'labs').map((s) => s.bodySpan),
    gasLineEnd: -1,
    lastEnd: -1,
  };
  forEachWord(text, 0, (start, end) => {
    const entries = entriesAt(text, start, end);
    return entries.length > 0 ? readAt(ctx, start, entries) : -1;
  });
  return out;
}

/** Tries every alias that may start at `start`; returns the end of what was read, or -1. */
function readAt(ctx: ScanContext, start: number, entries: readonly AliasEntry[]): number {
  for (const entry of entries) {
    const nameEnd = matchEntry(entry, ctx.text, start);
    if (nameEnd < 0) continue;
    const nameSpan = { start, end: nameEnd };
    let end = -1;
    if (entry.kind === 'gas') {
      end = parseGas(ctx, nameSpan);
    } else if (entry.kind === 'group' && entry.analytes) {
      end = parseNamedGroup(ctx, entry.analytes, nameSpan, entry.sortValues === true);
    } else if (entry.rules) {
      end = parseSlashGroup(ctx, { rules: entry.rules, key: entry.key, nameSpan });
      if (end < 0) end = parseSingle(ctx, entry, nameSpan);
    }
    if (end > 0) return end;
  }
  return -1;
}

/** `Name [filler] [comparator] value [unit] [flag]`; returns the end of the mention, or -1. */
function parseSingle(ctx: ScanContext, entry: AliasEntry, nameSpan: Span): number {
  const { text } = ctx;
  const key = entry.key;
  let rules = entry.rules;
  if (!rules) return -1;
  const inGasLine = ctx.gasLineEnd > nameSpan.start;
  if (rules.gasContextOnly.has(key) && !inGasLine) return -1;
  // `pH`/`PH`, `ALT`: other spellings (`ph`, `alt nights`) only count inside a blood-gas line.
  if (rules.exactCase.has(key) && !inGasLine && !writtenExactly(text.slice(nameSpan.start, nameSpan.end), entry.text)) {
    return -1;
  }
  const redirect = rules.gasRedirect.get(key);
  if (redirect && inGasLine) rules = analyteRules(redirect) ?? rules;

  const strict = entry.rules?.strictAliases.has(key) === true;
  // `PT remains on 50 fentanyl`: some names must be followed by their value directly.
  const noFiller = entry.rules?.noFillerAliases.has(key) === true;
  const to = readToValue(text, nameSpan.end, rules.allowNegative, noFiller ? 0 : 5);
  if (!to) return -1;
  const num = readNumber(text, to.pos, rules.allowNegative);
  if (!num || (to.afterAt && looksLikeClockTime(text, num))) return -1;
  if (rules.requireDecimal && !num.raw.includes('.')) return -1;
  // `PTT56.1` is a result; `CK20`, `vitamin D3` and `K10` (a stain, a vitamin, a questionnaire) are not.
  if (to.pos === nameSpan.end && isDigitAt(text, to.pos) && !num.raw.includes('.')) return -1;
  if (!guardsPass(ctx, entry, nameSpan.start)) return -1;

  const unitRead = readUnit(text, num.end, rules.unitBySpelling);
  if (unitRead.kind === 'reject') return -1;
  const unit = chooseUnit(rules, key, num.value, unitRead.kind === 'unit' ? unitRead.unit : undefined);
  if (!unit) return -1;

  let end = unitRead.kind === 'unit' ? unitRead.end : num.end;
  const flag = readFlag(text, end);
  if (flag) end = flag.end;
  // Letters glued to the number that are neither unit nor flag (`34F`, `2amps`): not a lab value.
  if (unitRead.kind === 'none' && !flag && isLetterAt(text, num.end)) return -1;
  if (strict && !inLabsSection(ctx, nameSpan.start) && !followsLikeList(text, end)) return -1;

  const result = buildResult({
    rules,
    unit,
    unitRaw: unitRead.kind === 'unit' ? unitRead.raw : undefined,
    num,
    span: { start: nameSpan.start, end },
    nameSpan,
    comparator: to.comparator,
    flag: flag?.flag,
  });
  if (!result) return -1;
  push(ctx, result);
  return end;
}

/**
 * Context guards: `vitamin K`, `5 MG` (a dose), `goal A1c <7` / `if K <3.5` (a threshold, not a result),
 * `urine sodium 61` (another specimen).
 */
function guardsPass(ctx: ScanContext, entry: AliasEntry, start: number): boolean {
  const rules = entry.rules;
  if (!rules) return false;
  const before = wordsBefore(ctx.text, start, 3);
  const previous = before[before.length - 1];
  if (previous !== undefined && rules.notAfterWords.has(previous)) return false;
  const vocab = vocabulary();
  if (before.some((w) => vocab.thresholdCues.has(w) || vocab.otherSpecimens.has(w))) return false;
  if (rules.notAfterNumber.has(entry.key) && afterStrayNumber(ctx, start)) return false;
  return true;
}

/** True when a number that is not part of the previous result stands right before `start`. */
function afterStrayNumber(ctx: ScanContext, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && (ctx.text[j] === ' ' || ctx.text[j] === '\t')) j--;
  const c = ctx.text[j];
  if (c === undefined || c < '0' || c > '9') return false;
  return j + 1 > ctx.lastEnd;
}

/** The name as in the knowledge file or in capitals (a trailing ionic charge ignored). */
function writtenExactly(written: string, alias: string): boolean {
  const bare = written.replace(/\+*$/, '');
  return bare === alias || bare === alias.toUpperCase();
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
