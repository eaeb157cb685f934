/**
 * Lab mentions that name several analytes at once: slash groups (`BUN/Cr 54/2.8`, `PT/PTT 12.9/21.9`,
 * `H/H 9.1/27`) and blood-gas strings (`ABG 7.21/55/60`, or the pO2/pCO2/pH order `ABG 91/42/7.36/25/-1`
 * common in ICU nursing notes). The first result's span runs from the group's name to its first value;
 * the others span their own value, with `nameSpan` pointing at their name (or at the `ABG` label).
 */
import type { Span } from './types';
import { analyteRules, plausible, type AnalyteRules, type LabUnitInfo } from './labUnits';
import { entriesForWord, matchEntry, vocabulary, wordAt } from './labsLexicon';
import { readUnit, skipSpaces, type Comparator, type NumberRead } from './labsScan';
import { buildResult, chooseUnit, enterGasContext, push, type ScanContext } from './labsResult';

interface NamedAnalyte {
  rules: AnalyteRules;
  key: string;
  nameSpan: Span;
}

const GROUP_SLASH = /[ \t]?\/[ \t]?/y;
const VALUE_SEP = /[ \t]*\/[ \t]*/y;
/** Between blood-gas values: `7.21/55/60`, `7.44 - 33 - 127`, `75,54,7.42`, `79-45-7.38`. */
const GAS_SEP = /[ \t]*[/,][ \t]*|[ \t]*[-–][ \t]*/y;
const LEAD_SEP = /[ \t]*[:=]?[ \t]*/y;
/** After a blood-gas label: `ABG 7.4`, `ABG: 7.4`, `ABG-7.4`, `ABG->7.4`, `abg=7.4`. */
const GAS_LEAD = /[ \t]*(?:[:=]|-+>?)?[ \t]*/y;
const COMPARATOR = /(<=|>=|<|>)[ \t]*/y;
const MAX_GROUP = 5;
const NO_UNITS: ReadonlyMap<string, LabUnitInfo> = new Map();

function sticky(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

/** Reads `/Name` after a name; the analyte and its span, or undefined. */
function nextName(text: string, pos: number): NamedAnalyte | undefined {
  const afterSlash = sticky(GROUP_SLASH, text, pos);
  if (afterSlash < 0) return undefined;
  const word = wordAt(text, afterSlash);
  if (!word) return undefined;
  for (const entry of entriesForWord(word)) {
    if (entry.kind !== 'analyte' || !entry.rules) continue;
    const end = matchEntry(entry, text, afterSlash);
    if (end > 0) return { rules: entry.rules, key: entry.key, nameSpan: { start: afterSlash, end } };
  }
  return undefined;
}

interface GroupValue {
  num: NumberRead;
  comparator?: Comparator;
}

/** Reads `count` slash-separated values (`54/2.8`) at `pos`; undefined unless exactly that many. */
function readValues(text: string, pos: number, count: number, sep: RegExp, signed: (i: number) => boolean): GroupValue[] | undefined {
  const values: GroupValue[] = [];
  let p = pos;
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      p = sticky(sep, text, p);
      if (p < 0) break;
    }
    COMPARATOR.lastIndex = p;
    const cm = COMPARATOR.exec(text);
    const comparator = cm ? (cm[1] as Comparator) : undefined;
    if (cm) p = COMPARATOR.lastIndex;
    const num = readValuePart(text, p, signed(i));
    if (!num) break;
    values.push({ num, comparator });
    p = num.end;
  }
  return values.length === count ? values : undefined;
}

const GROUP_NUMBER = /[-−+]?(?:\d+(?:\.\d+)?|\.\d+)(?![0-9A-Za-z])/y;

/** A value inside a group: like `readNumber`, but a trailing `/digit` is the next value, not a ratio. */
function readValuePart(text: string, pos: number, signed: boolean): NumberRead | undefined {
  GROUP_NUMBER.lastIndex = pos;
  const hit = GROUP_NUMBER.exec(text);
  if (!hit) return undefined;
  const raw = hit[0];
  if (!signed && /^[-−+]/.test(raw)) return undefined;
  const value = Number(raw.replace('−', '-'));
  return Number.isFinite(value) ? { value, raw, start: pos, end: GROUP_NUMBER.lastIndex } : undefined;
}

function emit(ctx: ScanContext, names: readonly NamedAnalyte[], values: readonly GroupValue[], groupStart: number): number {
  let emitted = 0;
  values.forEach((v, i) => {
    const named = names[i];
    if (!named) return;
    const unit = chooseUnit(named.rules, named.key, v.num.value, undefined);
    if (!unit) return;
    const span = emitted === 0 ? { start: groupStart, end: v.num.end } : { start: v.num.start, end: v.num.end };
    const result = buildResult({
      rules: named.rules,
      unit,
      num: v.num,
      span,
      nameSpan: named.nameSpan,
      comparator: v.comparator,
    });
    if (!result) return;
    push(ctx, result);
    emitted++;
  });
  return emitted;
}

/**
 * `BUN/Cr 54/2.8`: called with the first name already matched. Returns the end of the group, or -1 when
 * the text is not a slash group (the caller then reads the first name on its own).
 */
export function parseSlashGroup(ctx: ScanContext, first: NamedAnalyte): number {
  const { text } = ctx;
  const names: NamedAnalyte[] = [first];
  let p = first.nameSpan.end;
  while (names.length < MAX_GROUP) {
    const next = nextName(text, p);
    if (!next) break;
    names.push(next);
    p = next.nameSpan.end;
  }
  if (names.length < 2) return -1;
  return readGroupValues(ctx, names, first.nameSpan.start, p);
}

/** `H/H 9.1/27`: a fixed name for several analytes. */
export function parseNamedGroup(ctx: ScanContext, analytes: readonly string[], nameSpan: Span, sortValues: boolean): number {
  const names: NamedAnalyte[] = [];
  for (const id of analytes) {
    const rules = analyteRules(id);
    if (!rules) return -1;
    names.push({ rules, key: id, nameSpan });
  }
  return readGroupValues(ctx, names, nameSpan.start, nameSpan.end, sortValues);
}

function readGroupValues(
  ctx: ScanContext,
  names: readonly NamedAnalyte[],
  start: number,
  namesEnd: number,
  sortValues = false,
): number {
  const valuesAt = skipSpaces(ctx.text, sticky(LEAD_SEP, ctx.text, namesEnd));
  const values = readValues(ctx.text, valuesAt, names.length, VALUE_SEP, (i) => names[i]?.rules.allowNegative === true);
  if (!values) return -1;
  const last = values[values.length - 1];
  // More values than names (`BUN/Cr 54/2.8/3`) is something else.
  if (!last || /^[ \t]*\/[ \t]*\d/.test(ctx.text.slice(last.num.end, last.num.end + 4))) return -1;
  // Results stay in text order; only the analyte each value is given to changes.
  const assigned = sortValues ? assignAscending(names, values) : names;
  if (emit(ctx, assigned, values, start) === 0) return -1;
  return last.num.end;
}

/** Names reordered so the i-th smallest value goes to the i-th name. */
function assignAscending(names: readonly NamedAnalyte[], values: readonly GroupValue[]): NamedAnalyte[] {
  const rank = values.map((v, i) => ({ v: v.num.value, i })).sort((a, b) => a.v - b.v);
  const out: NamedAnalyte[] = [...names];
  rank.forEach((r, k) => {
    const name = names[k];
    if (name) out[r.i] = name;
  });
  return out;
}

/**
 * `ABG 7.21/55/60` (pH/pCO2/pO2[/HCO3/BE]) or `ABG 91/42/7.36/25/-1` (pO2/pCO2/pH/...): the order is
 * recognised by where the pH-looking value (a decimal in the pH range) sits. Returns the end, or -1.
 */
export function parseGas(ctx: ScanContext, label: Span): number {
  const { text } = ctx;
  const at = sticky(GAS_LEAD, text, label.end);
  const values: GroupValue[] = [];
  let p = at;
  for (let i = 0; i < 5; i++) {
    if (i > 0) {
      const q = sticky(GAS_SEP, text, p);
      if (q < 0) break;
      p = q;
    }
    const num = readValuePart(text, p, i >= 3);
    // `ABG 7.35 - 10 minutes later`, `7.37-49-247-29-99%`: a value with a time or % unit is not a gas value.
    if (!num || readUnit(text, num.end, NO_UNITS).kind === 'reject') break;
    values.push({ num });
    p = num.end;
  }
  const ph = analyteRules('ph')?.inferOrder[0];
  const order = vocabulary().gasOrders.find((o) => {
    const v = values[o.phIndex];
    return v !== undefined && ph !== undefined && v.num.raw.includes('.') && plausible(ph, v.num.value);
  });
  if (!order) return -1;
  const names: NamedAnalyte[] = [];
  for (const id of order.analytes.slice(0, values.length)) {
    const rules = analyteRules(id);
    if (!rules) return -1;
    names.push({ rules, key: id, nameSpan: label });
  }
  enterGasContext(ctx, label.start);
  if (emit(ctx, names, values, label.start) === 0) return -1;
  const last = values[values.length - 1];
  return last ? last.num.end : -1;
}

