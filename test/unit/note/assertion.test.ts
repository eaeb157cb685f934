import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { assertionFor, createAssertionContext, defaultAssertion } from '../../../server/src/note/assertion';
import type { Assertion, AssertionCue, Span } from '../../../server/src/note/types';
import { locateCondition, parseNegexTsv, scoreNegex } from '../../../bench/evalNegex';

/** Span of the `nth` occurrence of `target` in `text`. */
function spanOf(text: string, target: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(target, at + 1);
    assert.ok(at >= 0, `'${target}' not found in the test text`);
  }
  return { start: at, end: at + target.length };
}

function assertOf(text: string, target: string, nth = 0): Assertion {
  return assertionFor(text, spanOf(text, target, nth));
}

function cueText(text: string, a: Assertion, category: AssertionCue['category']): string | undefined {
  const cue = a.cues.find((c) => c.category === category);
  return cue ? text.slice(cue.span.start, cue.span.end) : undefined;
}

describe('negation', () => {
  test('pre-trigger negates and reports its cue span', () => {
    const text = 'Patient denies chest pain.';
    const a = assertOf(text, 'chest pain');
    assert.equal(a.certainty, 'negated');
    assert.equal(cueText(text, a, 'negation'), 'Patient denies');
  });

  test('every item of a no ... or ... list is negated', () => {
    const text = 'Lungs: no wheezes, rales or rhonchi.';
    for (const item of ['wheezes', 'rales', 'rhonchi']) assert.equal(assertOf(text, item).certainty, 'negated', item);
  });

  test('but terminates the negation scope', () => {
    const text = 'She denies fever but reports a productive cough.';
    assert.equal(assertOf(text, 'fever').certainty, 'negated');
    assert.equal(assertOf(text, 'productive cough').certainty, 'affirmed');
  });

  test('a new clause subject ends the scope', () => {
    const text = 'No evidence of bleeding, the patient remained tachycardic.';
    assert.equal(assertOf(text, 'bleeding').certainty, 'negated');
    assert.equal(assertOf(text, 'tachycardic').certainty, 'affirmed');
  });

  test('negative for, without, free of and no evidence of', () => {
    assert.equal(assertOf('Urine negative for nitrites.', 'nitrites').certainty, 'negated');
    assert.equal(assertOf('Legs without edema.', 'edema').certainty, 'negated');
    assert.equal(assertOf('Abdomen free of tenderness.', 'tenderness').certainty, 'negated');
    assert.equal(assertOf('CXR shows no evidence of pneumothorax.', 'pneumothorax').certainty, 'negated');
  });

  test('post-trigger: ... was ruled out', () => {
    const text = 'Myocardial infarction was ruled out with serial troponins.';
    const a = assertOf(text, 'Myocardial infarction');
    assert.equal(a.certainty, 'negated');
    assert.equal(cueText(text, a, 'negation'), 'was ruled out');
  });

  test('post-trigger: ... is unlikely', () => {
    const text = 'Pulmonary embolism is unlikely given the Wells score.';
    assert.equal(assertOf(text, 'Pulmonary embolism').certainty, 'negated');
  });

  test('post-trigger: resolved, even after a comma', () => {
    assert.equal(assertOf('His nausea has resolved.', 'nausea').certainty, 'negated');
    assert.equal(assertOf('Small bowel obstruction, resolved.', 'Small bowel obstruction').certainty, 'negated');
  });

  test('clause-final denies negates what precedes it, but not across a following object', () => {
    assert.equal(assertOf('Chest pain - denies.', 'Chest pain').certainty, 'negated');
    assert.equal(assertOf('Chest pain, denies fever.', 'Chest pain').certainty, 'affirmed');
  });

  test('heading followed by a lone post-trigger: Allergies: none', () => {
    const text = 'Allergies: none';
    const a = assertOf(text, 'Allergies');
    assert.equal(a.certainty, 'negated');
    assert.equal(cueText(text, a, 'negation'), 'none');
  });

  test('nil, as used in Australian and British notes', () => {
    assert.equal(assertOf('Nil fevers, nil rigors.', 'rigors').certainty, 'negated');
  });

  test('a sentence boundary stops the scope', () => {
    assert.equal(assertOf('No fever. Cough present.', 'Cough').certainty, 'affirmed');
  });

  test('a parenthetical keeps its cue to itself', () => {
    const text = 'Slides (not submitted for review) show hairy cell leukemia.';
    assert.equal(assertOf(text, 'hairy cell leukemia').certainty, 'affirmed');
  });
});

describe('pseudo-triggers', () => {
  test('no change does not negate the finding', () => {
    assert.equal(assertOf('No change in the left pleural effusion.', 'pleural effusion').certainty, 'affirmed');
  });

  test('gram negative is not a negation', () => {
    assert.equal(assertOf('Blood cultures grew gram negative rods.', 'rods').certainty, 'affirmed');
  });

  test('history of present illness is not historical', () => {
    const a = assertOf('History of present illness: chest pain for two days.', 'chest pain');
    assert.equal(a.temporality, 'recent');
  });

  test('MRI with and without contrast does not negate the indication', () => {
    assert.equal(assertOf('MRI brain without contrast. Indication: history of breast carcinoma.', 'breast carcinoma').certainty, 'affirmed');
  });
});

describe('possible', () => {
  test('r/o in a plan is possible, not negated', () => {
    const text = 'Plan: admit, r/o MI with serial troponins.';
    const a = assertOf(text, 'MI');
    assert.equal(a.certainty, 'possible');
    assert.equal(cueText(text, a, 'possible'), 'r/o');
  });

  test('cannot be excluded (post) and not ruled out', () => {
    assert.equal(assertOf('Early appendicitis cannot be excluded.', 'appendicitis').certainty, 'possible');
    assert.equal(assertOf('Pneumonia is not ruled out.', 'Pneumonia').certainty, 'possible');
  });

  test('versus marks both alternatives', () => {
    const text = 'Atelectasis versus pneumonia in the left base.';
    assert.equal(assertOf(text, 'Atelectasis').certainty, 'possible');
    assert.equal(assertOf(text, 'pneumonia').certainty, 'possible');
  });

  test('given ends a possible scope: the evidence is affirmed', () => {
    const text = 'Possible aspiration pneumonia given her vomiting.';
    assert.equal(assertOf(text, 'aspiration pneumonia').certainty, 'possible');
    assert.equal(assertOf(text, 'vomiting').certainty, 'affirmed');
  });
});

describe('temporality', () => {
  test('history of is historical; no history of is negated and historical', () => {
    const text = 'History of stroke in 2010.';
    const a = assertOf(text, 'stroke');
    assert.equal(a.temporality, 'historical');
    assert.equal(cueText(text, a, 'historical'), 'History of');
    const b = assertOf('She has no history of asthma.', 'asthma');
    assert.equal(b.certainty, 'negated');
    assert.equal(b.temporality, 'historical');
  });

  test('who presents ends the historical scope', () => {
    const text = 'A 60-year-old with a history of diabetes who presents with chest pain.';
    assert.equal(assertOf(text, 'diabetes').temporality, 'historical');
    assert.equal(assertOf(text, 'chest pain').temporality, 'recent');
  });

  test('ago: more than 14 days is historical, less is recent', () => {
    assert.equal(assertOf('She had a stroke five years ago.', 'stroke').temporality, 'historical');
    assert.equal(assertOf('Laceration to the hand eight days ago.', 'Laceration').temporality, 'recent');
  });

  test('return if / call if are hypothetical', () => {
    const text = 'Return to the ED if you develop chest pain, fever or vomiting.';
    for (const item of ['chest pain', 'fever', 'vomiting']) assert.equal(assertOf(text, item).temporality, 'hypothetical', item);
    assert.equal(assertOf('Call your doctor for fever over 101.', 'fever').temporality, 'hypothetical');
  });

  test('PAST MEDICAL HISTORY heading covers its list until the next heading', () => {
    const text = 'PAST MEDICAL HISTORY:\n1. Hypertension\n2. Diabetes\n\nHPI: chest pain since this morning.';
    const a = assertOf(text, 'Diabetes');
    assert.equal(a.temporality, 'historical');
    assert.equal(cueText(text, a, 'historical'), 'PAST MEDICAL HISTORY');
    assert.equal(assertOf(text, 'chest pain').temporality, 'recent');
  });
});

describe('experiencer', () => {
  test('family history and relatives are other', () => {
    const text = 'Family history: mother with breast cancer.';
    const a = assertOf(text, 'breast cancer');
    assert.equal(a.experiencer, 'other');
    assert.equal(cueText(text, a, 'experiencer'), 'mother');
    assert.equal(assertOf("Father's MI at age 50.", 'MI').experiencer, 'other');
  });

  test('the patient again after a relative is the patient', () => {
    const text = 'Brother with colon cancer, patient has hypertension.';
    assert.equal(assertOf(text, 'colon cancer').experiencer, 'other');
    assert.equal(assertOf(text, 'hypertension').experiencer, 'patient');
  });

  test('accompanied by her husband is not an experiencer cue', () => {
    assert.equal(assertOf('Arrived accompanied by her husband with chest pain.', 'chest pain').experiencer, 'patient');
  });

  test('a family history heading whose list spans lines', () => {
    const text = 'FAMILY HISTORY:\n- Diabetes\n- Colon cancer\nSOCIAL HISTORY: smoker';
    assert.equal(assertOf(text, 'Colon cancer').experiencer, 'other');
    assert.equal(assertOf(text, 'smoker').experiencer, 'patient');
  });
});

describe('formats and bad input', () => {
  test('CRLF lists under a Denies: heading, closed by a blank line', () => {
    const text = 'Denies:\r\n- fever\r\n- chills\r\n\r\nExam: fever 38.5';
    assert.equal(assertOf(text, 'chills').certainty, 'negated');
    assert.equal(assertOf(text, 'fever', 1).certainty, 'affirmed');
  });

  test('ALL-CAPS notes', () => {
    const text = 'PT DENIES CHEST PAIN. NO SOB. C/O NAUSEA.';
    assert.equal(assertOf(text, 'CHEST PAIN').certainty, 'negated');
    assert.equal(assertOf(text, 'SOB').certainty, 'negated');
    assert.equal(assertOf(text, 'NAUSEA').certainty, 'affirmed');
  });

  test('de-identification markers are opaque words', () => {
    const text = '**NAME[ZZZ] denies fever; **INSTITUTION[NO NAME] reports cough.';
    assert.equal(assertOf(text, 'fever').certainty, 'negated');
    assert.equal(assertOf(text, 'cough').certainty, 'affirmed');
  });

  test('empty text, empty span, out-of-range and NaN offsets give the default', () => {
    assert.deepEqual(assertionFor('', { start: 0, end: 0 }), defaultAssertion());
    assert.deepEqual(assertionFor('fever', { start: 50, end: 80 }), defaultAssertion());
    assert.deepEqual(assertionFor('fever', { start: Number.NaN, end: Number.NaN }), defaultAssertion());
    assert.equal(assertionFor('No fever', { start: 8, end: 8 }).certainty, 'negated');
  });

  test('typographic apostrophes, dashes and emoji', () => {
    const text = 'Patient’s mother’s diabetes 😀 — denies dysuria.';
    assert.equal(assertOf(text, 'diabetes').experiencer, 'other');
    const a = assertOf(text, 'dysuria');
    assert.equal(a.certainty, 'negated');
    assert.equal(cueText(text, a, 'negation'), 'denies');
  });

  test('a very long line stays correct and bounded', () => {
    const text = 'fever and '.repeat(50_000) + 'no rash.';
    const a = assertOf(text, 'rash');
    assert.equal(a.certainty, 'negated');
    assert.equal(assertOf(text, 'fever', 10).certainty, 'affirmed');
  });

  test('every cue span slices back to a trigger phrase in the text', () => {
    const text = 'Family history of colon cancer. Possible pneumonia. Return if fever.';
    for (const target of ['colon cancer', 'pneumonia', 'fever']) {
      for (const cue of assertOf(text, target).cues) {
        assert.ok(cue.span.start >= 0 && cue.span.end <= text.length && cue.span.start < cue.span.end);
        assert.match(text.slice(cue.span.start, cue.span.end), /^(Family history( of)?|Possible|Return if|if)$/i);
      }
    }
  });
});

describe('createAssertionContext', () => {
  test('asserts many mentions against one precomputed text', () => {
    const text = 'No fever. Mother has asthma. Plan: r/o PE.';
    const ctx = createAssertionContext(text);
    assert.equal(ctx.assertionFor(spanOf(text, 'fever')).certainty, 'negated');
    assert.equal(ctx.assertionFor(spanOf(text, 'asthma')).experiencer, 'other');
    assert.equal(ctx.assertionFor(spanOf(text, 'PE')).certainty, 'possible');
  });

  test('a heading that ends a block carries into the next block, with the cue in full-text offsets', () => {
    const filler = 'Vitals stable and afebrile today.\n'.repeat(1100); // > 32K characters, one block
    const text = `${filler}FAMILY HISTORY:\n\nColon cancer at age 50.\n`;
    const ctx = createAssertionContext(text);
    const a = ctx.assertionFor(spanOf(text, 'Colon cancer'));
    assert.equal(a.experiencer, 'other');
    const cue = a.cues.find((c) => c.category === 'experiencer');
    assert.ok(cue);
    assert.equal(text.slice(cue.span.start, cue.span.end), 'FAMILY HISTORY');
    assert.equal(ctx.assertionFor(spanOf(text, 'afebrile', 1099)).experiencer, 'patient');
  });
});

describe('evalNegex plumbing', () => {
  const fixture = [
    'line number\tCondition\tsentence\tnegation_status\ttemporality\texperiencer',
    '1\tcough\tThe patient denies COUGH.\tNegated\tRecent\tPatient',
    '2\tfever\tShe reports FEVER and chills.\tAffirmed\tRecent\tPatient',
    '3\trales\tLungs clear, no wheezes or   RALES.\tNegated\tRecent\tPatient',
    '4\tasthma\tHistory of ASTHMA as a child.\tAffirmed\tHistorical\tPatient',
    '5\tbreast cancer\tHer mother had BREAST CANCER.\tAffirmed\tRecent\tOther',
    '6\tvomiting\tReturn if VOMITING recurs.\tAffirmed\tNot particular\tPatient',
    '7\tmyocardial  infarction\tMYOCARDIAL INFARCTION was ruled out.\tNegated\tRecent\tPatient',
    '8\trash\tThe skin shows a RASH.\tNegated\tRecent\tPatient',
    '9\tpneumothorax\tChest film is clear.\tAffirmed\tRecent\tPatient',
    '10\tedema\tNo EDEMA.\tNegated\tRecent\tPatient',
    'malformed row without enough columns',
  ].join('\r\n');

  test('parses rows, maps labels and counts malformed lines', () => {
    const { rows, skipped } = parseNegexTsv(fixture);
    assert.equal(rows.length, 10);
    assert.equal(skipped, 1);
    assert.equal(rows[5]?.temporality, 'hypothetical');
    assert.equal(rows[4]?.experiencer, 'other');
  });

  test('locates conditions across whitespace runs, preferring the upper-cased occurrence', () => {
    const sentence = 'Fever earlier; now FEVER again.';
    const { span, found } = locateCondition('fever', sentence);
    assert.equal(found, true);
    assert.equal(sentence.slice(span.start, span.end), 'FEVER');
    const multi = locateCondition('myocardial infarction', 'Rule out MYOCARDIAL   INFARCTION.');
    assert.equal(multi.found, true);
    assert.equal(locateCondition('pneumothorax', 'Chest film is clear.').found, false);
  });

  test('scores the fixture', () => {
    const { score, results } = scoreNegex(fixture);
    assert.equal(score.n, 10);
    assert.equal(score.notFound, 1);
    assert.equal(score.skipped, 1);
    // Row 8 is labelled Negated but nothing negates it: one false negative, no false positive.
    assert.equal(score.negated.precision, 1);
    assert.equal(score.negated.recall, 4 / 5);
    assert.equal(score.accuracy, 9 / 10);
    assert.equal(score.temporality.accuracy, 1);
    assert.equal(score.experiencer.accuracy, 1);
    assert.equal(score.possible.precision, null);
    assert.equal(results[6]?.predicted.certainty, 'negated');
  });

  test('the CLI exits non-zero with a clear message when the data file cannot be read', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/evalNegex.ts', '--data', path.join(root, 'no-such-file.tsv')], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /cannot read .*no-such-file\.tsv/);
    assert.equal(run.stdout, '');
  });
});
