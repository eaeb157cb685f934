/**
 * Scores `assertionFor` against the NegEx/ConText annotated sentences (Chapman et al., 2001;
 * Harkema et al., 2009): `rsAnnotations-1-120-random.txt`, a TSV of line number, Condition,
 * sentence, negation_status, temporality, experiencer.
 *
 *   node --import tsx bench/evalNegex.ts [--data PATH] [--errors]
 *
 * Prints confusion counts to stderr (and, with `--errors`, the rows it got wrong), then one JSON
 * line LAST on stdout. Label mappings, decided here once:
 * - certainty: Negated → negated, Affirmed → affirmed, Possible → possible. The file's header
 *   offers "possible" but no row uses it: hedged mentions ("rule out MI", "possible pneumonia",
 *   "atelectasis versus pneumonia") are labelled Affirmed. We keep predicting `possible` for them,
 *   so `accuracy` (3-way, as asked) counts those as errors; `accuracyNegatedVsNot` treats
 *   `possible` as not negated, which is the comparison the annotation supports.
 * - temporality: Recent → recent, Historical → historical, Hypothetical and "Not particular" →
 *   hypothetical ("Not particular" is used for return/call-if instructions: "return to the ED if
 *   he develops VOMITING").
 * - experiencer: Patient → patient; Other and "Family member" → other.
 *
 * Gold labels that look wrong are still counted; notable ones: "NECK IS SUPPLE, NONTENDER" is
 * "Not particular"; "ate at **NAME[UUU]'s ... with vomiting and DIARRHEA" is Other; "Former
 * TOBACCO" and "TOBACCO: Quit smoking in 1958" are Negated; historical labels for problem-list
 * lines ("HYPERTENSION.") come from the section the sentence sat in, which one sentence cannot show.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assertionFor } from '../server/src/note/assertion';
import type { Assertion, Certainty, Experiencer, Span, Temporality } from '../server/src/note/types';

/** One annotated row. */
export interface NegexRow {
  line: string;
  condition: string;
  sentence: string;
  certainty: Certainty;
  temporality: Temporality;
  experiencer: Experiencer;
}

export interface PrecisionRecall {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** The scores, in the shape printed as the last stdout line. */
export interface NegexScore {
  n: number;
  accuracy: number;
  accuracyNegatedVsNot: number;
  negated: PrecisionRecall;
  possible: PrecisionRecall;
  temporality: { accuracy: number };
  experiencer: { accuracy: number };
  /** Rows whose condition could not be found in the sentence (scored on a fallback span). */
  notFound: number;
  /** Rows skipped because they had too few columns or unknown labels. */
  skipped: number;
}

export interface RowResult {
  row: NegexRow;
  span: Span;
  found: boolean;
  predicted: Assertion;
}

export interface NegexEvaluation {
  score: NegexScore;
  results: RowResult[];
  /** `confusion.certainty[gold][predicted]`, and the same for the other two properties. */
  confusion: {
    certainty: Record<string, Record<string, number>>;
    temporality: Record<string, Record<string, number>>;
    experiencer: Record<string, Record<string, number>>;
  };
}

const CERTAINTY: Record<string, Certainty> = { negated: 'negated', affirmed: 'affirmed', possible: 'possible' };
const TEMPORALITY: Record<string, Temporality> = {
  recent: 'recent',
  historical: 'historical',
  hypothetical: 'hypothetical',
  'not particular': 'hypothetical',
};
const EXPERIENCER: Record<string, Experiencer> = { patient: 'patient', other: 'other', 'family member': 'other' };

/** Parses the TSV; returns the rows and how many lines were skipped as malformed. */
export function parseNegexTsv(tsv: string): { rows: NegexRow[]; skipped: number } {
  const rows: NegexRow[] = [];
  let skipped = 0;
  const lines = tsv.split(/\r?\n/);
  lines.forEach((raw, idx) => {
    if (raw.trim() === '') return;
    const f = raw.split('\t');
    if (idx === 0 && !/^\s*\d/.test(f[0] ?? '')) return; // header
    const certainty = CERTAINTY[(f[3] ?? '').trim().toLowerCase()];
    const temporality = TEMPORALITY[(f[4] ?? '').trim().toLowerCase()];
    const experiencer = EXPERIENCER[(f[5] ?? '').trim().toLowerCase()];
    if (f.length < 6 || !certainty || !temporality || !experiencer) {
      skipped++;
      return;
    }
    rows.push({ line: (f[0] ?? '').trim(), condition: f[1] ?? '', sentence: f[2] ?? '', certainty, temporality, experiencer });
  });
  return { rows, skipped };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the condition is in the sentence: whitespace runs may differ and case is ignored. The
 * annotators upper-cased the target inside the sentence, so an all-caps occurrence is preferred
 * when the condition appears more than once.
 */
export function locateCondition(condition: string, sentence: string): { span: Span; found: boolean } {
  const words = condition.trim().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const re = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gi');
    let firstHit: Span | undefined;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const span = { start: m.index, end: m.index + m[0].length };
      firstHit ??= span;
      if (m[0] === m[0].toUpperCase() && /[A-Z]/.test(m[0])) return { span, found: true };
    }
    if (firstHit) return { span: firstHit, found: true };
    // Fallback: the longest run of the condition's words that the sentence does contain (the
    // annotators' sentence splitter sometimes cut the condition in two).
    for (let k = words.length - 1; k >= 1; k--) {
      for (let i = 0; i + k <= words.length; i++) {
        const part = new RegExp(words.slice(i, i + k).map(escapeRegExp).join('\\s+'), 'i').exec(sentence);
        if (part) return { span: { start: part.index, end: part.index + part[0].length }, found: false };
      }
    }
  }
  // Then the longest all-caps run (the annotated target is upper-cased), then the whole sentence.
  let best: Span | undefined;
  for (const m of sentence.matchAll(/[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+)*/g)) {
    if (!best || m[0].length > best.end - best.start) best = { start: m.index, end: m.index + m[0].length };
  }
  return { span: best ?? { start: 0, end: sentence.length }, found: false };
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

function prf(tp: number, fp: number, fn: number): PrecisionRecall {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { precision, recall, f1 };
}

function bump(table: Record<string, Record<string, number>>, gold: string, predicted: string): void {
  const row = (table[gold] ??= {});
  row[predicted] = (row[predicted] ?? 0) + 1;
}

/** Scores every row of the TSV text. Pure apart from calling `assertionFor`. */
export function scoreNegex(tsv: string): NegexEvaluation {
  const { rows, skipped } = parseNegexTsv(tsv);
  const confusion = { certainty: {}, temporality: {}, experiencer: {} };
  const results: RowResult[] = [];
  let certaintyOk = 0;
  let binaryOk = 0;
  let temporalOk = 0;
  let experiencerOk = 0;
  let notFound = 0;
  const counts = { negated: { tp: 0, fp: 0, fn: 0 }, possible: { tp: 0, fp: 0, fn: 0 } };
  for (const row of rows) {
    const { span, found } = locateCondition(row.condition, row.sentence);
    if (!found) notFound++;
    const predicted = assertionFor(row.sentence, span);
    results.push({ row, span, found, predicted });
    if (predicted.certainty === row.certainty) certaintyOk++;
    if ((predicted.certainty === 'negated') === (row.certainty === 'negated')) binaryOk++;
    if (predicted.temporality === row.temporality) temporalOk++;
    if (predicted.experiencer === row.experiencer) experiencerOk++;
    for (const label of ['negated', 'possible'] as const) {
      const c = counts[label];
      if (predicted.certainty === label && row.certainty === label) c.tp++;
      else if (predicted.certainty === label) c.fp++;
      else if (row.certainty === label) c.fn++;
    }
    bump(confusion.certainty, row.certainty, predicted.certainty);
    bump(confusion.temporality, row.temporality, predicted.temporality);
    bump(confusion.experiencer, row.experiencer, predicted.experiencer);
  }
  const n = rows.length;
  const score: NegexScore = {
    n,
    accuracy: ratio(certaintyOk, n) ?? 0,
    accuracyNegatedVsNot: ratio(binaryOk, n) ?? 0,
    negated: prf(counts.negated.tp, counts.negated.fp, counts.negated.fn),
    possible: prf(counts.possible.tp, counts.possible.fp, counts.possible.fn),
    temporality: { accuracy: ratio(temporalOk, n) ?? 0 },
    experiencer: { accuracy: ratio(experiencerOk, n) ?? 0 },
    notFound,
    skipped,
  };
  return { score, results, confusion };
}

/** Confusion tables as text lines, gold down the side and predictions across. */
export function formatConfusion(evaluation: NegexEvaluation): string[] {
  const out: string[] = [];
  for (const [name, table] of Object.entries(evaluation.confusion)) {
    out.push(`${name} (gold -> predicted):`);
    for (const [gold, row] of Object.entries(table)) {
      const cells = Object.entries(row)
        .map(([p, c]) => `${p}=${c}`)
        .join(' ');
      out.push(`  ${gold.padEnd(12)} ${cells}`);
    }
  }
  return out;
}

function round(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10000) / 10000;
}

function main(argv: readonly string[]): number {
  const at = argv.indexOf('--data');
  const dataPath = at >= 0 ? argv[at + 1] : path.resolve(__dirname, '..', '..', 'shared', 'data', 'negex', 'rsAnnotations-1-120-random.txt');
  if (!dataPath) {
    console.error('evalNegex: --data needs a path to an annotation TSV.');
    return 2;
  }
  let tsv: string;
  try {
    tsv = readFileSync(dataPath, 'utf8');
  } catch (err) {
    console.error(`evalNegex: cannot read ${dataPath} (${(err as Error).message}); pass --data PATH to the rsAnnotations TSV.`);
    return 1;
  }
  const evaluation = scoreNegex(tsv);
  if (evaluation.score.n === 0) {
    console.error(`evalNegex: no annotated rows in ${dataPath}; expected TSV: line, Condition, sentence, negation, temporality, experiencer.`);
    return 1;
  }
  for (const line of formatConfusion(evaluation)) console.error(line);
  if (argv.includes('--errors')) {
    for (const r of evaluation.results) {
      const p = r.predicted;
      if (p.certainty === r.row.certainty && p.temporality === r.row.temporality && p.experiencer === r.row.experiencer) continue;
      const cues = p.cues.map((c) => `${c.category}:${r.row.sentence.slice(c.span.start, c.span.end)}`).join(', ');
      console.error(
        `#${r.row.line} gold=${r.row.certainty}/${r.row.temporality}/${r.row.experiencer} got=${p.certainty}/${p.temporality}/${p.experiencer}` +
          ` [${cues}]${r.found ? '' : ' (condition not found)'} ${r.row.condition} ||| ${r.row.sentence}`,
      );
    }
  }
  const s = evaluation.score;
  const rounded = {
    ...s,
    accuracy: round(s.accuracy),
    accuracyNegatedVsNot: round(s.accuracyNegatedVsNot),
    negated: { precision: round(s.negated.precision), recall: round(s.negated.recall), f1: round(s.negated.f1) },
    possible: { precision: round(s.possible.precision), recall: round(s.possible.recall), f1: round(s.possible.f1) },
    temporality: { accuracy: round(s.temporality.accuracy) },
    experiencer: { accuracy: round(s.experiencer.accuracy) },
  };
  console.log(JSON.stringify(rounded));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
