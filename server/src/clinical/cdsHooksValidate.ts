/**
 * Checks a CDS Hooks 2.0 card or response against the specification
 * (https://cds-hooks.hl7.org/2.0/, "CDS Service Response"): required attributes and their types,
 * allowed values, the 140-character summary, UUIDs, `selectionBehavior` with suggestions, action
 * types, absolute URLs, and the spec's rule that no JSON value is null or empty. Used by the tests
 * and by the CLI to guarantee that what it prints is valid.
 */
import { CARD_INDICATORS } from './cdsHooksTypes';
import { SUMMARY_LIMIT } from './cdsHooksText';

type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KEYS = {
  card: ['uuid', 'summary', 'detail', 'indicator', 'source', 'suggestions', 'selectionBehavior', 'overrideReasons', 'links'],
  source: ['label', 'url', 'icon', 'topic'],
  coding: ['system', 'code', 'display'],
  suggestion: ['label', 'uuid', 'isRecommended', 'actions'],
  action: ['type', 'description', 'resource', 'resourceId'],
  link: ['label', 'url', 'type', 'appContext', 'autolaunchable'],
};

/** Collects violations, each prefixed with the attribute's path (`suggestions[0].label`). */
class Report {
  readonly errors: string[] = [];
  add(path: string, problem: string): void {
    this.errors.push(`${path}: ${problem}`);
  }
}

/**
 * Spec violations of one card, each as `path: problem`; empty when the card is valid.
 * Never throws, whatever `card` is.
 */
export function validateCard(card: unknown): string[] {
  const r = new Report();
  checkCard(card, 'card', r);
  return r.errors;
}

/** Spec violations of a whole response (`{ cards: [...] }`), card paths as `cards[i].…`. */
export function validateResponse(response: unknown): string[] {
  const r = new Report();
  if (!isObject(response)) {
    r.add('response', 'must be a JSON object with a "cards" array');
    return r.errors;
  }
  if (!Array.isArray(response.cards)) r.add('cards', 'required array (empty when there is no guidance)');
  else {
    const uuids = new Set<unknown>();
    response.cards.forEach((c, i) => {
      checkCard(c, `cards[${i}]`, r);
      const id = isObject(c) ? c.uuid : undefined;
      if (id !== undefined && uuids.has(id)) r.add(`cards[${i}].uuid`, 'duplicates an earlier card');
      uuids.add(id);
    });
  }
  if (response.systemActions !== undefined) {
    checkJsonValues(response.systemActions, 'systemActions', r, new Set());
    eachOf(response.systemActions, 'systemActions', r, checkAction);
  }
  for (const key of Object.keys(response)) {
    if (key !== 'cards' && key !== 'systemActions' && key !== 'extension') r.add(key, 'not a CDS Hooks response attribute');
  }
  return r.errors;
}

function checkCard(card: unknown, path: string, r: Report): void {
  if (!isObject(card)) {
    r.add(path, 'must be a JSON object');
    return;
  }
  checkJsonValues(card, path, r, new Set());
  knownKeys(card, KEYS.card, path, r);
  optionalUuid(card.uuid, `${path}.uuid`, r);
  if (requiredString(card.summary, `${path}.summary`, r)) {
    const s = card.summary as string;
    if (s.length >= SUMMARY_LIMIT) r.add(`${path}.summary`, `must be shorter than ${SUMMARY_LIMIT} characters (has ${s.length})`);
    if (/[\r\n]/.test(s)) r.add(`${path}.summary`, 'must be one line of plain text');
  }
  if (card.detail !== undefined && typeof card.detail !== 'string') r.add(`${path}.detail`, 'must be a markdown string');
  if (!(CARD_INDICATORS as readonly unknown[]).includes(card.indicator)) r.add(`${path}.indicator`, `required, one of ${CARD_INDICATORS.join(', ')}`);
  if (card.source === undefined) r.add(`${path}.source`, 'required object');
  else checkSource(card.source, `${path}.source`, r);

  if (card.suggestions !== undefined) {
    eachOf(card.suggestions, `${path}.suggestions`, r, checkSuggestion);
    if (card.selectionBehavior === undefined) r.add(`${path}.selectionBehavior`, 'required when suggestions are present');
    const list = Array.isArray(card.suggestions) ? card.suggestions : [];
    const recommended = list.filter((s) => isObject(s) && s.isRecommended === true).length;
    if (card.selectionBehavior === 'at-most-one' && recommended > 1) {
      r.add(`${path}.suggestions`, `only one suggestion may be recommended with selectionBehavior 'at-most-one' (${recommended} are)`);
    }
    const ids = list.map((s) => (isObject(s) ? s.uuid : undefined)).filter((u) => u !== undefined);
    if (new Set(ids).size !== ids.length) r.add(`${path}.suggestions`, 'suggestion uuids must be unique');
  }
  if (card.selectionBehavior !== undefined && card.selectionBehavior !== 'at-most-one' && card.selectionBehavior !== 'any') {
    r.add(`${path}.selectionBehavior`, "must be 'at-most-one' or 'any'");
  }
  if (card.overrideReasons !== undefined) {
    eachOf(card.overrideReasons, `${path}.overrideReasons`, r, (c, p) => checkCoding(c, p, r, true));
  }
  if (card.links !== undefined) eachOf(card.links, `${path}.links`, r, checkLink);
}

function checkSource(source: unknown, path: string, r: Report): void {
  if (!isObject(source)) return r.add(path, 'must be an object');
  knownKeys(source, KEYS.source, path, r);
  requiredString(source.label, `${path}.label`, r);
  if (source.url !== undefined) absoluteUrl(source.url, `${path}.url`, r);
  if (source.icon !== undefined) absoluteUrl(source.icon, `${path}.icon`, r);
  if (source.topic !== undefined) checkCoding(source.topic, `${path}.topic`, r, false);
}

function checkCoding(coding: unknown, path: string, r: Report, displayRequired: boolean): void {
  if (!isObject(coding)) return r.add(path, 'must be a Coding object');
  knownKeys(coding, KEYS.coding, path, r);
  requiredString(coding.code, `${path}.code`, r);
  requiredString(coding.system, `${path}.system`, r);
  if (displayRequired) requiredString(coding.display, `${path}.display`, r);
  else if (coding.display !== undefined && typeof coding.display !== 'string') r.add(`${path}.display`, 'must be a string');
}

function checkSuggestion(s: unknown, path: string, r: Report): void {
  if (!isObject(s)) return r.add(path, 'must be an object');
  knownKeys(s, KEYS.suggestion, path, r);
  requiredString(s.label, `${path}.label`, r);
  optionalUuid(s.uuid, `${path}.uuid`, r);
  if (s.isRecommended !== undefined && typeof s.isRecommended !== 'boolean') r.add(`${path}.isRecommended`, 'must be a boolean');
  if (s.actions !== undefined) eachOf(s.actions, `${path}.actions`, r, checkAction);
}

function checkAction(a: unknown, path: string, r: Report): void {
  if (!isObject(a)) return r.add(path, 'must be an object');
  knownKeys(a, KEYS.action, path, r);
  if (a.type !== 'create' && a.type !== 'update' && a.type !== 'delete') r.add(`${path}.type`, "required, one of create, update, delete");
  requiredString(a.description, `${path}.description`, r);
  if (a.resource !== undefined) {
    if (!isObject(a.resource) || typeof a.resource.resourceType !== 'string') r.add(`${path}.resource`, 'must be a FHIR resource (an object with a resourceType)');
  } else if (a.type === 'create') {
    r.add(`${path}.resource`, "required when type is 'create'");
  }
  if (a.resourceId !== undefined && typeof a.resourceId !== 'string') r.add(`${path}.resourceId`, 'must be a relative reference string');
}

function checkLink(l: unknown, path: string, r: Report): void {
  if (!isObject(l)) return r.add(path, 'must be an object');
  knownKeys(l, KEYS.link, path, r);
  requiredString(l.label, `${path}.label`, r);
  absoluteUrl(l.url, `${path}.url`, r);
  if (l.type !== 'absolute' && l.type !== 'smart') r.add(`${path}.type`, "required, 'absolute' or 'smart'");
  if (l.appContext !== undefined) {
    if (typeof l.appContext !== 'string') r.add(`${path}.appContext`, 'must be a string');
    if (l.type !== 'smart') r.add(`${path}.appContext`, "only valid on 'smart' links");
  }
  if (l.autolaunchable !== undefined && typeof l.autolaunchable !== 'boolean') r.add(`${path}.autolaunchable`, 'must be a boolean');
}

/* ------------------------------------------------------------------ helpers */

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function requiredString(v: unknown, path: string, r: Report): boolean {
  if (typeof v !== 'string' || v.trim() === '') {
    r.add(path, v === undefined ? 'required' : 'must be a non-empty string');
    return false;
  }
  return true;
}

function optionalUuid(v: unknown, path: string, r: Report): void {
  if (v !== undefined && (typeof v !== 'string' || !UUID.test(v))) r.add(path, 'must be a UUID (8-4-4-4-12 hexadecimal)');
}

function absoluteUrl(v: unknown, path: string, r: Report): void {
  let ok = false;
  if (typeof v === 'string') {
    try {
      ok = new URL(v).protocol.length > 1;
    } catch {
      ok = false;
    }
  }
  if (!ok) r.add(path, v === undefined ? 'required absolute URL' : 'must be an absolute URL');
}

function knownKeys(o: Json, allowed: readonly string[], path: string, r: Report): void {
  for (const key of Object.keys(o)) {
    if (key !== 'extension' && !allowed.includes(key)) r.add(`${path}.${key}`, 'not a CDS Hooks attribute (extensions go in "extension")');
  }
}

function eachOf(v: unknown, path: string, r: Report, check: (item: unknown, path: string, r: Report) => void): void {
  if (!Array.isArray(v)) return r.add(path, 'must be an array');
  v.forEach((item, i) => check(item, `${path}[${i}]`, r));
}

/**
 * The spec's JSON rules over every value, resources included: nothing null or empty (`""`,
 * `[]`, `{}`), and nothing JSON cannot carry (functions, NaN, cycles).
 */
function checkJsonValues(v: unknown, path: string, r: Report, ancestors: Set<unknown>): void {
  if (v === null) return r.add(path, 'must not be null (omit the attribute instead)');
  switch (typeof v) {
    case 'string':
      if (v === '') r.add(path, 'must not be empty (omit the attribute instead)');
      return;
    case 'number':
      if (!Number.isFinite(v)) r.add(path, 'must be a finite number');
      return;
    case 'boolean':
      return;
    case 'object':
      break;
    default:
      return r.add(path, `a ${typeof v} is not JSON`);
  }
  if (ancestors.has(v)) return r.add(path, 'circular reference');
  ancestors.add(v);
  if (Array.isArray(v)) {
    if (v.length === 0) r.add(path, 'must not be an empty array (omit the attribute instead)');
    v.forEach((item, i) => checkJsonValues(item, `${path}[${i}]`, r, ancestors));
  } else {
    const entries = Object.entries(v as Json).filter(([, value]) => value !== undefined);
    if (entries.length === 0) r.add(path, 'must not be an empty object');
    for (const [key, value] of entries) checkJsonValues(value, `${path}.${key}`, r, ancestors);
  }
  ancestors.delete(v);
}
