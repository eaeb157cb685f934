/**
 * The laboratory knowledge base (`knowledge/labs.json`) in typed form: analytes, their units, conversions
 * to the canonical unit and unit inference from plausible ranges. Pure; the index is built lazily on first
 * use so nothing runs on import.
 */
import data from '../knowledge/labs.json';

/** One unit an analyte may be reported in. */
export interface LabUnitInfo {
  /** Display spelling, e.g. `µmol/L`; `''` for dimensionless results (INR, pH). */
  unit: string;
  /** canonical = value × factor + offset (factor already folds in the knowledge file's divisor). */
  factor: number;
  offset: number;
  /** Inclusive plausible range of a value in this unit (used to infer the unit of a bare number). */
  range: readonly [number, number];
  /** Range a value written with this unit must lie in (default: half the minimum to twice the maximum). */
  writtenRange: readonly [number, number];
  /** Whether this unit may be assumed for a bare number that falls in `range`. */
  infer: boolean;
  /** A value in this unit belongs to another analyte (e.g. neutrophils in % → `neutrophils-percent`). */
  redirect?: string;
}

/** The knowledge-base entry for one analyte. */
export interface LabInfo {
  /** Stable id, e.g. `creatinine`. */
  id: string;
  display: string;
  /** LOINC code of the serum/plasma (or blood) test, when one code fits. */
  loinc?: string;
  aliases: readonly string[];
  /** Unit `LabResult.canonical` is reported in (US conventional units). */
  canonicalUnit: string;
  /** Unit assumed first when none is written. */
  defaultUnit: string;
  units: readonly LabUnitInfo[];
}

/** Parser-facing extras of an analyte (guards and hints from the knowledge file). */
export interface AnalyteRules {
  info: LabInfo;
  /** Normalised spelling → unit. */
  unitBySpelling: ReadonlyMap<string, LabUnitInfo>;
  /** Units tried, in order, for a bare number (default unit first). */
  inferOrder: readonly LabUnitInfo[];
  /** Lower-cased alias → units to try instead of `inferOrder`. */
  aliasUnits: ReadonlyMap<string, readonly LabUnitInfo[]>;
  strictAliases: ReadonlySet<string>;
  /** Aliases whose value must follow directly, without filler words (`PT 17.5`, not `PT had 14`). */
  noFillerAliases: ReadonlySet<string>;
  exactCase: ReadonlySet<string>;
  notAfterNumber: ReadonlySet<string>;
  gasContextOnly: ReadonlySet<string>;
  /** Lower-cased alias → analyte id used when the alias sits in a blood-gas line. */
  gasRedirect: ReadonlyMap<string, string>;
  notAfterWords: ReadonlySet<string>;
  requireDecimal: boolean;
  allowNegative: boolean;
  /** Aliases may carry an ionic charge (`K+`, `Ca++`). */
  charged: boolean;
}

interface RawUnit {
  unit: string;
  spellings?: string[];
  factor?: number;
  divisor?: number;
  offset?: number;
  range: number[];
  writtenRange?: number[];
  infer?: boolean;
  redirect?: string;
}

interface RawAnalyte {
  id: string;
  display: string;
  loinc?: string;
  aliases: string[];
  canonicalUnit: string;
  defaultUnit: string;
  units: RawUnit[];
  strictAliases?: string[];
  noFillerAliases?: string[];
  exactCase?: string[];
  notAfterNumber?: string[];
  notAfterWords?: string[];
  gasContextOnly?: string[];
  gasRedirect?: Record<string, string>;
  aliasUnits?: Record<string, string[]>;
  requireDecimal?: boolean;
  allowNegative?: boolean;
  charged?: boolean;
}

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
};

/**
 * Reduces a unit as written to a lookup key: lower case, no spaces, micro signs and `mc` as `u`,
 * `x10^9/L` / `× 109/L` / `10⁹/L` all as `109/l`, `cells/µL` as `/ul`, trailing full stops dropped.
 */
export function normaliseUnit(raw: string): string {
  let s = raw.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => SUPERSCRIPTS[c] ?? c);
  s = s.replace(/[µμ]/g, 'u').toLowerCase().replace(/\s+/g, '').replace(/\.+$/, '');
  s = s.replace(/^[x×*](?=10)/, '');
  s = s.replace(/^10(?:\^|\*\*|\*|e)(?=\d)/, '10').replace(/\^/g, '');
  s = s.replace(/micro(?:liter|litre)s?$/, 'ul').replace(/microl$/, 'ul').replace(/mcl$/, 'ul');
  s = s.replace(/^cells(?=\/)/, '').replace(/cumm$/, 'mm3');
  s = s.replace(/micromol/g, 'umol').replace(/mcmol/g, 'umol').replace(/mcg/g, 'ug').replace(/mciu/g, 'uiu');
  s = s.replace(/(?:litre|liter)s?/g, 'l').replace(/^gm(?=\/|%)/, 'g');
  return s;
}

interface Index {
  byId: Map<string, AnalyteRules>;
  /** Lower-cased alias → analyte id, for `labInfo`/`convertLab` callers that pass a name. */
  byAlias: Map<string, string>;
}

let index: Index | undefined;

function buildUnit(raw: RawUnit): LabUnitInfo {
  const factor = (raw.factor ?? 1) / (raw.divisor ?? 1);
  const min = raw.range[0] ?? 0;
  const max = raw.range[1] ?? 0;
  // A written unit is strong evidence, so its values get more room than bare numbers.
  const written: [number, number] = raw.writtenRange
    ? [raw.writtenRange[0] ?? min, raw.writtenRange[1] ?? max]
    : [min > 0 ? min / 2 : min * 2, max > 0 ? max * 2 : max / 2];
  const unit: LabUnitInfo = {
    unit: raw.unit,
    factor,
    offset: raw.offset ?? 0,
    range: [min, max],
    writtenRange: written,
    infer: raw.infer !== false,
  };
  if (raw.redirect) unit.redirect = raw.redirect;
  return unit;
}

function lowerSet(list: readonly string[] | undefined): Set<string> {
  return new Set((list ?? []).map((s) => s.toLowerCase()));
}

function buildRules(raw: RawAnalyte): AnalyteRules {
  const units = raw.units.map(buildUnit);
  const unitBySpelling = new Map<string, LabUnitInfo>();
  raw.units.forEach((u, i) => {
    const built = units[i];
    if (!built) return;
    for (const spelling of [u.unit, ...(u.spellings ?? [])]) {
      const key = normaliseUnit(spelling);
      if (!unitBySpelling.has(key)) unitBySpelling.set(key, built);
    }
  });
  const byName = (name: string): LabUnitInfo | undefined => units.find((u) => u.unit === name);
  const defaultUnit = byName(raw.defaultUnit);
  const inferOrder = [
    ...(defaultUnit && defaultUnit.infer ? [defaultUnit] : []),
    ...units.filter((u) => u.infer && u !== defaultUnit),
  ];
  const aliasUnits = new Map<string, LabUnitInfo[]>();
  for (const [alias, names] of Object.entries(raw.aliasUnits ?? {})) {
    aliasUnits.set(alias.toLowerCase(), names.map(byName).filter((u): u is LabUnitInfo => u !== undefined));
  }
  const gasRedirect = new Map<string, string>();
  for (const [alias, target] of Object.entries(raw.gasRedirect ?? {})) gasRedirect.set(alias.toLowerCase(), target);
  const info: LabInfo = {
    id: raw.id,
    display: raw.display,
    aliases: raw.aliases,
    canonicalUnit: raw.canonicalUnit,
    defaultUnit: raw.defaultUnit,
    units,
  };
  if (raw.loinc) info.loinc = raw.loinc;
  return {
    info,
    unitBySpelling,
    inferOrder,
    aliasUnits,
    strictAliases: lowerSet(raw.strictAliases),
    noFillerAliases: lowerSet(raw.noFillerAliases),
    exactCase: lowerSet(raw.exactCase),
    notAfterNumber: lowerSet(raw.notAfterNumber),
    gasContextOnly: lowerSet(raw.gasContextOnly),
    gasRedirect,
    notAfterWords: lowerSet(raw.notAfterWords),
    requireDecimal: raw.requireDecimal === true,
    allowNegative: raw.allowNegative === true,
    charged: raw.charged === true,
  };
}

function getIndex(): Index {
  if (index) return index;
  const byId = new Map<string, AnalyteRules>();
  const byAlias = new Map<string, string>();
  for (const raw of data.analytes as RawAnalyte[]) {
    byId.set(raw.id, buildRules(raw));
    for (const alias of raw.aliases) {
      const key = alias.toLowerCase();
      if (!byAlias.has(key)) byAlias.set(key, raw.id);
    }
  }
  index = { byId, byAlias };
  return index;
}

/** All analytes of the knowledge base, with their parser rules. */
export function allAnalyteRules(): Iterable<AnalyteRules> {
  return getIndex().byId.values();
}

/** Parser rules of one analyte by id. */
export function analyteRules(id: string): AnalyteRules | undefined {
  return getIndex().byId.get(id);
}

function resolve(analyte: string): AnalyteRules | undefined {
  const idx = getIndex();
  const byId = idx.byId.get(analyte);
  if (byId) return byId;
  const id = idx.byAlias.get(analyte.trim().toLowerCase());
  return id === undefined ? undefined : idx.byId.get(id);
}

/** The knowledge-base entry (display name, canonical unit, accepted units); accepts an id or an alias. */
export function labInfo(analyte: string): LabInfo | undefined {
  return resolve(analyte)?.info;
}

/** Converts a value to the analyte's canonical unit, without floating-point noise. */
export function toCanonical(unit: LabUnitInfo, value: number): number {
  if (unit.factor === 1 && unit.offset === 0) return value;
  return clean(value * unit.factor + unit.offset);
}

/** Rounds to 12 significant digits: `1.4023976475900001` → `1.40239764759`. */
function clean(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const scale = 10 ** (12 - Math.ceil(Math.log10(Math.abs(x))));
  return Math.round(x * scale) / scale;
}

/**
 * Converts a value between units of one analyte (for calculators and hovers); undefined when the analyte
 * or either unit is unknown, or a unit belongs to another quantity (neutrophils in %).
 */
export function convertLab(analyte: string, value: number, fromUnit: string, toUnit: string): number | undefined {
  const rules = resolve(analyte);
  if (!rules || !Number.isFinite(value)) return undefined;
  const from = rules.unitBySpelling.get(normaliseUnit(fromUnit));
  const to = rules.unitBySpelling.get(normaliseUnit(toUnit));
  if (!from || !to || from.redirect || to.redirect) return undefined;
  const canonical = value * from.factor + from.offset;
  return clean((canonical - to.offset) / to.factor);
}

/** Bare-number unit inference: the first unit (in `order`) whose plausible range holds the value. */
export function inferUnit(order: readonly LabUnitInfo[], value: number): LabUnitInfo | undefined {
  return order.find((u) => plausible(u, value));
}

/** True when the value lies in the unit's plausible (inference) range. */
export function plausible(unit: LabUnitInfo, value: number): boolean {
  return value >= unit.range[0] && value <= unit.range[1];
}

/** Sanity check for a value written with its unit: rejects `7.100/uL` for a white count. */
export function plausibleWritten(unit: LabUnitInfo, value: number): boolean {
  return value >= unit.writtenRange[0] && value <= unit.writtenRange[1];
}
