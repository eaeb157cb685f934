/**
 * Supplemental oxygen written beside an SpO2 (`on 2L NC`, `RA`, `on 40% FiO2`, `15L NRB`,
 * `on BiPAP`): NEWS2 scores air vs oxygen, and SpO2 scale 2 depends on it. Pure; bounded scans.
 */
import type { OxygenSupport } from './types';
import { alternation, type DeviceKind, type VitalsLexicon } from './vitalsLexicon';
import { matchAt, skipSpaces } from './vitalsNumbers';
import { parseDecimal } from './text';

interface OxygenPatterns {
  roomAir: RegExp;
  device: RegExp;
  deviceKinds: Map<string, DeviceKind>;
  generic: RegExp;
  connector: RegExp;
  flow: RegExp;
  fio2Labelled: RegExp;
  percent: RegExp;
}

let cached: OxygenPatterns | undefined;

/** Something in a window that could start an oxygen description (a flow, a device, room air). */
const OXYGEN_HINT = /\d[ \t]*[l%]|\b(?:ra|r\/a|room|air|nc|np|n\/c|nasal|mask|fm|nrb|vm|venturi|bipap|bi-pap|cpap|niv|vent|fio|o2|02|oxygen|neb|tent|flow|hfn|trach|intubated|ett|nrm)/i;

/** Connectors after which a bare percentage reads as FiO2. */
const PERCENT_AFTER = new Set(['on', 'at', '@', 'with', 'w/', 'via']);

function patterns(lex: VitalsLexicon): OxygenPatterns {
  if (cached) return cached;
  const o = lex.data.oxygen;
  const deviceKinds = new Map<string, DeviceKind>();
  const deviceWords: string[] = [];
  for (const [kind, words] of Object.entries(o.devices)) {
    for (const w of words) {
      deviceKinds.set(normal(w), kind as DeviceKind);
      deviceWords.push(w);
    }
  }
  const END = '(?![A-Za-z0-9])';
  cached = {
    roomAir: new RegExp(`\\(?(?:${alternation(o.roomAir)})\\)?${END}`, 'iy'),
    device: new RegExp(`(?:${alternation(deviceWords)})${END}`, 'iy'),
    deviceKinds,
    generic: new RegExp(`(?:${alternation(o.generic)})${END}`, 'iy'),
    connector: new RegExp(
      `(?:w\\/|@|[,(\\-]|(?:${alternation(o.connectors.filter((c) => /[a-z]$/i.test(c)))})${END})`,
      'iy',
    ),
    // `4LNP`: the unit may run straight into a device abbreviation, so no word end is required here.
    flow: new RegExp(`(?<n>\\d{1,2}(?:\\.\\d{1,2})?)[ \\t]*(?:${alternation(o.flowUnits)})`, 'iy'),
    fio2Labelled: new RegExp(
      `(?:${alternation(o.fio2Labels)})[ \\t]*(?:of|at|[:=])?[ \\t]*(?<n>\\d{1,3}(?:\\.\\d{1,2})?|\\.\\d{1,2})[ \\t]*(?<pct>%)?`,
      'iy',
    ),
    percent: new RegExp(`(?<n>\\d{2,3})[ \\t]*%(?:[ \\t]*(?:${alternation(o.fio2Labels)})${END})?`, 'iy'),
  };
  return cached;
}

function normal(s: string): string {
  return s.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

/** FiO2 as a fraction from `40` / `40%` / `0.4` / `.40`; undefined outside 0.21–1.0. */
function fraction(raw: string, percent: boolean): number | undefined {
  const v = parseDecimal(raw);
  if (Number.isNaN(v)) return undefined;
  const f = percent || v > 1 ? v / 100 : v;
  return f >= 0.21 && f <= 1 ? Math.round(f * 100) / 100 : undefined;
}

/**
 * Reads oxygen support starting at `pos` (just after an SpO2 value) and ending by `limit`.
 * Accepts leading connectors (`on`, `via`, `w/`) and a run of oxygen tokens; returns undefined
 * unless at least one of room air, a flow, an FiO2 or a device is written.
 */
export function parseOxygen(text: string, pos: number, limit: number, lex: VitalsLexicon): OxygenSupport | undefined {
  const pat = patterns(lex);
  let p = pos;
  let start = -1;
  let end = -1;
  let roomAir = false;
  let genericO2 = false;
  let lastConnector = '';
  let device: DeviceKind = undefined;
  let flowLpm: number | undefined;
  let fio2: number | undefined;
  // Each step consumes at least one character, and there are at most a handful of tokens.
  for (let steps = 0; steps < 12 && p < limit; steps++) {
    p = skipSpaces(text, p);
    if (p >= limit) break;
    const mark = (s: number, e: number) => {
      if (start < 0) start = s;
      end = e;
      p = e;
      lastConnector = '';
    };
    let m = matchAt(pat.flow, text, p);
    if (m && m.groups) {
      const after = m.index + m[0].length;
      const next = text.charCodeAt(after);
      const letterNext = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
      const dev = letterNext ? matchAt(pat.device, text, after) : null;
      if (!letterNext || dev) {
        flowLpm = parseDecimal(m.groups.n ?? '');
        mark(m.index, after);
        if (dev) {
          device ??= pat.deviceKinds.get(normal(dev[0]));
          mark(after, dev.index + dev[0].length);
        }
        continue;
      }
    }
    m = matchAt(pat.fio2Labelled, text, p);
    if (m && m.groups) {
      const f = fraction(m.groups.n ?? '', m.groups.pct !== undefined);
      if (f === undefined) break;
      fio2 = f;
      mark(m.index, m.index + m[0].length);
      continue;
    }
    m = matchAt(pat.percent, text, p);
    if (m && m.groups) {
      // A bare percentage is an FiO2 only right after `on`/`at`/`@`, or before FiO2 or a device
      // (`on 40%`, `40% FiO2`, `50% FM`); in `98% on RA and 100% on 2L` it is another saturation.
      const pctEnd = m.index + m[0].length;
      const named = /fi/i.test(m[0]) || matchAt(pat.device, text, skipSpaces(text, pctEnd)) !== null;
      const f = fraction(m.groups.n ?? '', true);
      if (f === undefined || (!named && !PERCENT_AFTER.has(lastConnector))) break;
      fio2 = f;
      mark(m.index, pctEnd);
      continue;
    }
    m = matchAt(pat.device, text, p);
    if (m) {
      device ??= pat.deviceKinds.get(normal(m[0]));
      mark(m.index, m.index + m[0].length);
      continue;
    }
    m = matchAt(pat.roomAir, text, p);
    if (m) {
      roomAir = true;
      mark(m.index, m.index + m[0].length);
      // Room air ends the description: what follows is another reading or another finding.
      break;
    }
    m = matchAt(pat.generic, text, p);
    if (m) {
      genericO2 = true;
      mark(m.index, m.index + m[0].length);
      continue;
    }
    m = matchAt(pat.connector, text, p);
    if (m && m[0].length > 0) {
      lastConnector = m[0].toLowerCase();
      p = m.index + m[0].length;
      continue;
    }
    break;
  }
  if (start < 0 || end > limit) return undefined;
  const supplemental =
    genericO2 || flowLpm !== undefined || (device !== undefined && device !== 'room-air') || (fio2 !== undefined && fio2 > 0.21);
  if (!supplemental && !roomAir && fio2 === undefined) return undefined;
  const out: OxygenSupport = { supplemental, span: { start, end } };
  if (!supplemental) out.device = 'room-air';
  else if (device) out.device = device;
  if (flowLpm !== undefined) out.flowLpm = flowLpm;
  if (fio2 !== undefined) out.fio2 = fio2;
  return out;
}

/**
 * Oxygen written just before an SpO2 label in the same clause (`3LNC w/ sats 99%`): tries each
 * word start in the window and accepts a parse that ends just before the label, joined only by
 * connectors.
 */
export function parseOxygenBefore(text: string, from: number, labelStart: number, lex: VitalsLexicon): OxygenSupport | undefined {
  // Cheap filter first: most saturations have no oxygen written before them.
  if (!OXYGEN_HINT.test(text.slice(from, labelStart))) return undefined;
  for (let i = from; i < labelStart; i++) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    const prevIsWordChar = (prev >= 48 && prev <= 57) || (prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122);
    if (prevIsWordChar) continue;
    const o = parseOxygen(text, i, labelStart, lex);
    if (!o || (!o.supplemental && o.device !== 'room-air')) continue;
    const gap = text.slice(o.span.end, labelStart);
    if (/^[ \t]*(?:,|w\/|with|and|-|;)?[ \t]*$/i.test(gap)) return o;
  }
  return undefined;
}
