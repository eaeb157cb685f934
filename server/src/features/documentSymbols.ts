/**
 * The note's outline: sections nested by level, with the medications, allergies and problems
 * found in each as children, so the Outline view and breadcrumbs navigate a long note.
 */
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClinicalNote, Section, Span } from '../note/types';
import { toRange } from './convert';

const SECTION_LABEL: Record<Section['kind'], string> = {
  'chief-complaint': 'Chief complaint',
  hpi: 'History of present illness',
  ros: 'Review of systems',
  pmh: 'Past medical history',
  psh: 'Past surgical history',
  medications: 'Medications',
  allergies: 'Allergies',
  'social-history': 'Social history',
  'family-history': 'Family history',
  'physical-exam': 'Physical exam',
  vitals: 'Vital signs',
  labs: 'Laboratory results',
  imaging: 'Imaging',
  assessment: 'Assessment',
  plan: 'Plan',
  'assessment-and-plan': 'Assessment and plan',
  disposition: 'Disposition',
  subjective: 'Subjective',
  objective: 'Objective',
  procedure: 'Procedure',
  'hospital-course': 'Hospital course',
  instructions: 'Instructions',
  'follow-up': 'Follow-up',
  other: 'Section',
};

export function sectionLabel(kind: Section['kind']): string {
  return SECTION_LABEL[kind];
}

function leaf(doc: TextDocument, name: string, detail: string, kind: SymbolKind, span: Span, selection: Span = span): DocumentSymbol {
  return { name: name.length > 0 ? name : '(unnamed)', detail, kind, range: toRange(doc, span), selectionRange: toRange(doc, selection) };
}

export function documentSymbols(doc: TextDocument, note: ClinicalNote): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; span: Span; symbol: DocumentSymbol }[] = [];
  const all: { span: Span; symbol: DocumentSymbol }[] = [];

  for (const s of note.sections) {
    const symbol = leaf(doc, s.title, s.kind === 'other' ? '' : SECTION_LABEL[s.kind], SymbolKind.Namespace, s.span, s.headingSpan);
    symbol.children = [];
    while (stack.length > 0 && stack[stack.length - 1]!.level >= s.level) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.symbol.children! : roots).push(symbol);
    stack.push({ level: s.level, span: s.span, symbol });
    all.push({ span: s.span, symbol });
  }

  const place = (child: DocumentSymbol, span: Span): void => {
    let best: { span: Span; symbol: DocumentSymbol } | undefined;
    for (const e of all) {
      if (e.span.start <= span.start && span.end <= e.span.end && (!best || e.span.start >= best.span.start)) best = e;
    }
    (best ? best.symbol.children! : roots).push(child);
  };

  for (const m of note.medications) {
    const dose = m.strength ? ` ${m.strength.raw} ${m.strength.unit}` : '';
    place(leaf(doc, m.name + dose, m.frequency?.text ?? m.route?.value ?? '', SymbolKind.Function, m.span, m.nameSpan), m.span);
  }
  for (const a of note.allergies.items) {
    place(leaf(doc, a.substance, a.reaction?.text ?? 'allergy', SymbolKind.Event, a.span, a.substanceSpan), a.span);
  }
  for (const p of note.problems) {
    const status = p.assertion.certainty === 'affirmed' ? (p.assertion.temporality === 'historical' ? 'history' : '') : p.assertion.certainty;
    place(leaf(doc, p.text, [p.code?.code, status].filter(Boolean).join(' · '), SymbolKind.Key, p.span), p.span);
  }
  return roots;
}
