/**
 * Follow-up completions inside a medication sig: common strengths after a drug name
 * (`metoprolol ` → 25 mg, 50 mg, 100 mg), then routes and frequencies after the dose
 * (`metoprolol 25 mg ` → PO, twice daily). Wording is the approved form (`daily`, not `QD`;
 * `subcut`, not `SC`), and every strength, route and frequency offered passes the dose-range rule
 * for the dose written and the patient's documented weight and liver history.
 */
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import { findDrugNames, type DrugMention } from '../../note/drugLexicon';
import { parseNote } from '../../note/parseNote';
import type { Medication } from '../../note/types';
import { type CursorContext, lineRest, rangeFrom, rank, recentStart } from './context';
import { hasDoseLimits, type PatientFacts, patientFacts, withinDoseRules } from './doseCheck';
import { FREQUENCIES, type FrequencyWording, type Product, productsOf, ROUTES, type RouteWording, routeWordings, STRENGTHS_SOURCE } from './knowledge';

/** Product words that may sit between the name and the dose (`metformin ER 500 mg`). */
const FORMULATION = String.raw`(?:[ \t]+(?:ER|XR|XL|SR|CR|DR|IR|ODT|tartrate|succinate|HCl|sodium|potassium))*`;
/** A strength being typed after the name: nothing yet, `2`, `25`, `25 m`, `25mg`. */
const STRENGTH_TAIL = new RegExp(String.raw`^${FORMULATION}[ \t]+((?:\d+(?:\.\d*)?)(?:[ \t]*[A-Za-z]*)?)?$`, 'i');
/** A sig ends at a clause break: what follows is not this drug's dose. */
const CLAUSE_BREAK = /[;,\n]|\.[ \t]|\.$/;
const SYNTHETIC_PREFIX = 'Medications:\n- ';

interface Sig {
  mention: DrugMention;
  generic: string;
  products: readonly Product[] | undefined;
  patient: () => PatientFacts;
}

/**
 * Sig items at the cursor; undefined when the cursor is not in a sig (no drug name before it on
 * the line), an empty list when it is but nothing fits.
 */
export function sigItems(ctx: CursorContext): CompletionItem[] | undefined {
  // Only the end of the line can hold this sig's drug name (a sig is at most 80 characters after it).
  let from = recentStart(ctx);
  while (from > ctx.lineStart && from < ctx.offset && /[\p{L}\p{N}]/u.test(ctx.text[from] ?? '')) from++;
  const mentions = findDrugNames(ctx.text, from, ctx.offset);
  const mention = mentions[mentions.length - 1];
  if (!mention) return undefined;
  const rest = ctx.text.slice(mention.end, ctx.offset);
  if (!/^[ \t]/.test(rest) || rest.length > 80 || CLAUSE_BREAK.test(rest)) return undefined;
  let facts: PatientFacts | undefined;
  const sig: Sig = {
    mention,
    generic: mention.info.generic,
    products: productsOf(mention.info.generic),
    patient: () => (facts ??= patientFacts(ctx.note())),
  };
  const strength = STRENGTH_TAIL.exec(rest);
  if (strength) return strengthItems(ctx, sig, ctx.offset - (strength[1] ?? '').length);
  return routeAndFrequencyItems(ctx, sig);
}

/** `metoprolol |` → the drug's common strengths that pass the dose rules by their route. */
function strengthItems(ctx: CursorContext, sig: Sig, tailStart: number): CompletionItem[] {
  if (!sig.products) return [];
  const tail = ctx.text.slice(tailStart, ctx.offset).toLowerCase().replace(/\s+/g, ' ');
  const drugText = ctx.text.slice(sig.mention.start, tailStart).trim();
  const limited = hasDoseLimits(sig.generic);
  const byLabel = new Map<string, Product[]>();
  for (const p of sig.products) {
    for (const s of p.strengths) {
      const label = `${s} ${p.unit}`;
      if (!label.toLowerCase().startsWith(tail) && !label.replace(' ', '').toLowerCase().startsWith(tail.replace(' ', ''))) continue;
      if (limited && !withinDoseRules(`${drugText} ${label} ${routeText(p.route)} ${p.frequencies[0] ?? ''}`, sig.patient())) continue;
      byLabel.set(label, [...(byLabel.get(label) ?? []), p]);
    }
  }
  const range = rangeFrom(ctx, tailStart);
  const atLineEnd = !/\S/.test(lineRest(ctx));
  return [...byLabel].map(([label, products], i) => {
    const usual = products.map((p) => `${label} ${routeText(p.route)} ${p.frequencies.join(' or ')}${p.form ? ` (${p.form})` : ''}`);
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Unit,
      detail: [...new Set(products.map((p) => routeText(p.route)))].join(' · '),
      documentation: { kind: MarkupKind.Markdown, value: `Usual: ${usual.join('; ')}\n\n_Source: ${STRENGTHS_SOURCE}; within the dose-range rules._` },
      filterText: label,
      sortText: rank('0', i),
      textEdit: { range, newText: atLineEnd ? `${label} ` : label },
    };
    if (atLineEnd) item.command = { title: 'Suggest route and frequency', command: 'editor.action.triggerSuggest' };
    return item;
  });
}

/** `metoprolol 25 mg |` → routes and frequencies; `metoprolol 25 mg PO tw|` → twice daily. */
function routeAndFrequencyItems(ctx: CursorContext, sig: Sig): CompletionItem[] | undefined {
  const med = parseSig(ctx.text.slice(sig.mention.start, ctx.offset));
  if (!med || (!med.strength && !med.quantity)) return undefined;
  const at = (n: number): number => sig.mention.start + n - SYNTHETIC_PREFIX.length;
  const doseEnd = at(Math.max(med.strength?.span.end ?? 0, med.quantity?.span.end ?? 0));
  const routeEnd = med.route ? at(med.route.span.end) : undefined;
  // A route counts once something follows it; `IV|` may still become `IV push`.
  const routeDone = routeEnd !== undefined && routeEnd < ctx.offset && at(med.route!.span.start) >= doseEnd;
  const anchor = routeDone ? routeEnd : doseEnd;
  const between = ctx.text.slice(anchor, ctx.offset);
  const lead = /^[ \t]*/.exec(between)![0].length;
  if (lead === 0) return [];
  const tailStart = anchor + lead;
  const tail = ctx.text.slice(tailStart, ctx.offset).toLowerCase().replace(/\s+/g, ' ');
  const dose = ctx.text.slice(sig.mention.start, anchor).trim();
  const route = routeDone ? med.route!.value : undefined;
  const range = rangeFrom(ctx, tailStart);
  const limited = hasDoseLimits(sig.generic);
  const fits = (text: string): boolean => !limited || withinDoseRules(`${dose} ${text}`, sig.patient());
  const items: CompletionItem[] = [];

  if (!routeDone) {
    routeCandidates(sig, med).forEach((r, i) => {
      const filter = matchFilter(r.text, r.abbreviations, tail);
      if (filter === undefined || !fits(r.text)) return;
      items.push({
        label: r.text,
        kind: CompletionItemKind.EnumMember,
        detail: `route: ${r.detail}`,
        filterText: filter,
        sortText: rank('0', i),
        textEdit: { range, newText: r.text },
      });
    });
  }
  frequencyCandidates(sig, med, route).forEach((f, i) => {
    const filter = matchFilter(f.text, f.abbreviations, tail);
    if (filter === undefined || !fits(f.text)) return;
    const item: CompletionItem = {
      label: f.text,
      kind: CompletionItemKind.EnumMember,
      detail: `frequency: ${perDay(f.dosesPerDay)}${f.prn ? ', as needed' : ''}`,
      filterText: filter,
      sortText: rank('1', i),
      textEdit: { range, newText: f.text },
    };
    const notes = [f.detail, dailyTotal(med, f)].filter((n): n is string => n !== undefined);
    if (notes.length > 0) item.documentation = { kind: MarkupKind.Markdown, value: notes.join('\n\n') };
    items.push(item);
  });
  return items;
}

/** The sig so far read by the medication parser, as a one-item list. */
function parseSig(sigText: string): Medication | undefined {
  const note = parseNote(`${SYNTHETIC_PREFIX}${sigText}\n`);
  return note.medications.find((m) => m.nameSpan.start === SYNTHETIC_PREFIX.length);
}

/** The products the written strength belongs to (all of them when it is not a listed strength). */
function matchingProducts(sig: Sig, med: Medication, route: string | undefined): readonly Product[] {
  const products = (sig.products ?? []).filter((p) => route === undefined || p.route === route);
  const s = med.strength;
  const exact = s ? products.filter((p) => p.unit.toLowerCase() === s.unit.toLowerCase() && p.strengths.includes(s.value)) : [];
  return exact.length > 0 ? exact : products;
}

function routeCandidates(sig: Sig, med: Medication): readonly RouteWording[] {
  if (!sig.products) return ROUTES;
  const values = [...new Set(matchingProducts(sig, med, undefined).map((p) => p.route))];
  return values.flatMap((v) => routeWordings(v));
}

function frequencyCandidates(sig: Sig, med: Medication, route: string | undefined): readonly FrequencyWording[] {
  const products = sig.products ? matchingProducts(sig, med, route) : [];
  if (products.length === 0) return FREQUENCIES.filter((f) => f.common === true);
  const texts = [...new Set(products.flatMap((p) => p.frequencies))];
  return FREQUENCIES.filter((f) => texts.includes(f.text)).sort((a, b) => texts.indexOf(a.text) - texts.indexOf(b.text));
}

/** The filter text under which `text` matches what was typed (its wording, or an abbreviation of it). */
function matchFilter(text: string, abbreviations: readonly string[], tail: string): string | undefined {
  if (tail.length === 0 || text.toLowerCase().startsWith(tail)) return text;
  return abbreviations.find((a) => a.startsWith(tail));
}

/** How a route is written by default (`SC` → `subcut`). */
function routeText(value: string): string {
  return routeWordings(value)[0]?.text ?? value;
}

function perDay(n: number): string {
  if (n >= 1) return `${fmt(n)} dose${n === 1 ? '' : 's'} a day`;
  return `every ${fmt(1 / n)} days`;
}

/** `Up to 2,600 mg a day` for the strength written. */
function dailyTotal(med: Medication, f: FrequencyWording): string | undefined {
  const s = med.strength;
  if (!s || f.dosesPerDay > 24) return undefined;
  const total = s.value * f.dosesPerDay;
  return `${f.prn ? 'At most' : 'Total'} ${fmt(total)} ${s.unit} a day at ${s.raw} ${s.unit} per dose.`;
}

function fmt(n: number): string {
  return (Math.round(n * 1000) / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 });
}
