import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findAllergies } from '../../../server/src/note/allergies';
import { findMedications } from '../../../server/src/note/medications';
import type { Allergy, AllergyList, Section, SectionKind, Span } from '../../../server/src/note/types';
import { LINEAR_TIME_BOUND_MS } from '../../support/linearTime';

/** A section whose heading is the first `title` in the text, with a body to `bodyEnd`. */
function section(text: string, title: string, kind: SectionKind, bodyEnd = text.length): Section {
  const start = text.indexOf(title);
  assert.ok(start >= 0, `heading ${title} not in text`);
  let bodyStart = start + title.length;
  if (text[bodyStart] === ':') bodyStart++;
  while (text[bodyStart] === ' ' || text[bodyStart] === '\r' || text[bodyStart] === '\n') bodyStart++;
  return { kind, title, level: 1, headingSpan: { start, end: start + title.length }, span: { start, end: bodyEnd }, bodySpan: { start: bodyStart, end: bodyEnd } };
}

/** Allergies of a note whose `Allergies` heading is parsed as a section. */
function withSection(text: string, bodyEnd?: number): AllergyList {
  return findAllergies(text, [section(text, 'Allergies', 'allergies', bodyEnd)]);
}

const at = (text: string, span: Span | undefined): string | undefined => (span ? text.slice(span.start, span.end) : undefined);
const summary = (text: string, items: Allergy[]): [string | undefined, string | undefined, string | undefined][] =>
  items.map((a) => [at(text, a.substanceSpan), a.canonical, a.reaction ? at(text, a.reaction.span) : undefined]);

describe('findAllergies: no known allergies', () => {
  test('NKDA under an Allergies heading', () => {
    const text = 'Allergies: NKDA\nMeds: none';
    const list = withSection(text, text.indexOf('\n'));
    assert.equal(list.status, 'nkda');
    assert.equal(at(text, list.nkdaSpan), 'NKDA');
    assert.deepEqual(list.items, []);
  });

  test('NKA, no known drug allergies and No Known Allergies in prose', () => {
    for (const phrase of ['NKA', 'No known drug allergies', 'No Known Allergies', 'no known allergies to medications']) {
      const text = `PMH: HTN. ${phrase}. Social: nonsmoker.`;
      const list = findAllergies(text, []);
      assert.equal(list.status, 'nkda', phrase);
      assert.ok(at(text, list.nkdaSpan)?.toLowerCase().startsWith(phrase.toLowerCase().slice(0, 3)), phrase);
    }
  });

  test('denies allergies and no allergies', () => {
    const text = 'Patient denies allergies.';
    assert.equal(at(text, findAllergies(text, []).nkdaSpan), 'denies allergies');
    assert.equal(findAllergies('no allergies', []).status, 'nkda');
    assert.equal(withSection('Allergies:\nNone\n').status, 'nkda');
    assert.equal(withSection('Allergies\nNKDA per pt\n').status, 'nkda');
  });

  test('nothing written: not documented', () => {
    assert.deepEqual(findAllergies('', []), { status: 'not-documented', items: [] });
    assert.equal(findAllergies('HPI: cough for two days.', []).status, 'not-documented');
    assert.equal(findAllergies('History: seasonal allergies, allergic rhinitis.', []).status, 'not-documented');
  });
});

describe('findAllergies: allergy lists', () => {
  test('substance with its reaction in parentheses', () => {
    const text = 'ALLERGIES: Penicillin (hives)';
    const list = findAllergies(text, [section(text, 'ALLERGIES', 'allergies')]);
    assert.equal(list.status, 'documented');
    const a = list.items[0]!;
    assert.equal(a.substance, 'Penicillin');
    assert.equal(a.canonical, 'penicillins');
    assert.equal(a.reaction?.text, 'hives');
    assert.equal(at(text, a.reaction?.span), 'hives');
    assert.equal(at(text, a.span), 'Penicillin (hives)');
  });

  test('a list under the heading, CRLF, with dash, colon and parenthesis reactions', () => {
    const text = 'Allergies:\r\nPCN - rash, hives\r\nSulfa: anaphylaxis\r\ncodeine (nausea)\r\nlatex\r\n';
    const list = withSection(text);
    assert.deepEqual(summary(text, list.items), [
      ['PCN', 'penicillins', 'rash, hives'],
      ['Sulfa', 'sulfonamide-antibiotics', 'anaphylaxis'],
      ['codeine', 'codeine', 'nausea'],
      ['latex', 'latex', undefined],
    ]);
    assert.deepEqual(list.items.map((a) => a.severity), [undefined, 'severe', undefined, undefined]);
    assert.ok(list.items.every((a) => !at(text, a.span)?.includes('\r')));
  });

  test('comma list on the heading line: class names map to class ids', () => {
    const text = 'Allergies: penicillin, sulfa drugs';
    assert.deepEqual(summary(text, withSection(text).items), [['penicillin', 'penicillins', undefined], ['sulfa drugs', 'sulfonamide-antibiotics', undefined]]);
  });

  test('brand names map to generics; unknown substances are kept without a canonical id', () => {
    const text = 'Allergies:\n- Bactrim (rash)\n- Augmentin - hives\n- Foozole (itching)\n';
    assert.deepEqual(summary(text, withSection(text).items), [
      ['Bactrim', 'sulfamethoxazole-trimethoprim', 'rash'],
      ['Augmentin', 'amoxicillin-clavulanate', 'hives'],
      ['Foozole', undefined, 'itching'],
    ]);
  });

  test('a reaction written without a separator', () => {
    const text = 'Allergies:\n- Penicillin hives\n- Penicillin G Fever and Rash\n';
    assert.deepEqual(summary(text, withSection(text).items), [['Penicillin', 'penicillins', 'hives'], ['Penicillin G', 'penicillin', 'Fever and Rash']]);
  });

  test('severity words', () => {
    const text = 'Allergies:\n- amoxicillin (severe rash)\n- morphine (mild itching)\n- aspirin: angioedema\n- NSAIDs (moderate GI upset)\n';
    const list = withSection(text);
    assert.deepEqual(list.items.map((a) => [a.canonical, a.severity]), [['amoxicillin', 'severe'], ['morphine', 'mild'], ['aspirin', 'severe'], ['nsaids', 'moderate']]);
  });

  test('only the first paragraph under the heading is the list', () => {
    const text = 'Allergies: NKDA\n\nImms (AIR/EMR)\nCOVID: Pfizer x2 (2021)\nFlu: yearly\n';
    const list = withSection(text);
    assert.equal(list.status, 'nkda');
    assert.deepEqual(list.items, []);
  });

  test('an allergy and NKDA both written: documented, with the NKDA span kept', () => {
    const text = 'NKDA. Later: allergic to latex.';
    const list = findAllergies(text, []);
    assert.equal(list.status, 'documented');
    assert.equal(at(text, list.nkdaSpan), 'NKDA');
    assert.equal(list.items[0]?.canonical, 'latex');
  });

  test("a flattened EHR allergy table", () => {
    const text = 'Allergies   Allergen Reactions   • Celebrex [Celecoxib] Nausea   • Codeine Nausea/Vomiting     depression   • Bee Sting [Hymenoptera Allergenic Extract] Hives and Edema   Current Outpatient Medications   • aspirin 81 mg';
    const list = findAllergies(text, []);
    assert.deepEqual(summary(text, list.items), [
      ['Celebrex', 'celecoxib', 'Nausea'],
      ['Codeine', 'codeine', 'Nausea/Vomiting'],
      ['Bee Sting', 'insect-venom', 'Hives and Edema'],
    ]);
    assert.deepEqual(findMedications(text, []).map((m) => m.generic), ['aspirin']);
  });
});

describe('findAllergies: prose', () => {
  test('allergic to, allergy to, and labels', () => {
    for (const [text, canonical] of [
      ['He is allergic to amoxicillin.', 'amoxicillin'],
      ['Known allergy to shellfish.', 'shellfish'],
      ['Allergy: latex', 'latex'],
      ['Penicillin allergy noted in chart.', 'penicillins'],
    ] as const) {
      const list = findAllergies(text, []);
      assert.equal(list.status, 'documented', text);
      assert.equal(list.items[0]?.canonical, canonical, text);
    }
  });

  test('allergic to peanuts and has asthma: the list stops at the verb', () => {
    const text = 'He is allergic to peanuts and has asthma.';
    const list = findAllergies(text, []);
    assert.deepEqual(summary(text, list.items), [['peanuts', 'peanut', undefined]]);
  });

  test('two allergens joined by and', () => {
    const text = 'She is allergic to penicillin and sulfa.';
    assert.deepEqual(findAllergies(text, []).items.map((a) => a.canonical), ['penicillins', 'sulfonamide-antibiotics']);
  });

  test('an allergy with its reaction after the word allergy', () => {
    const text = 'Sulfa allergy – SJS as a child.';
    const a = findAllergies(text, [])?.items[0];
    assert.equal(a?.canonical, 'sulfonamide-antibiotics');
    assert.equal(a?.severity, 'severe');
    assert.equal(at(text, a?.reaction?.span), 'SJS as a child');
  });

  test('anaphylaxis to a substance is severe', () => {
    const a = findAllergies('History of anaphylaxis to bee stings.', []).items[0];
    assert.deepEqual([a?.canonical, a?.severity], ['insect-venom', 'severe']);
  });

  test('negated allergies are not documented', () => {
    for (const text of ['No latex allergy.', 'Not allergic to penicillin.', 'Denies allergy to iodine.']) {
      assert.equal(findAllergies(text, []).status, 'not-documented', text);
    }
  });
});

describe('findAllergies: odd input', () => {
  test('odd Unicode and a very long line', () => {
    const text = 'Allergies: 🙂 penicillin (hives) ✓\n' + 'allergic to latex ' + 'é'.repeat(100_000);
    const list = findAllergies(text, [section(text, 'Allergies', 'allergies', text.indexOf('\n'))]);
    assert.deepEqual(list.items.map((a) => a.canonical), ['penicillins', 'latex']);
  });

  test('linear time on ~5 MB', () => {
    const block = 'Allergies: PCN - rash, sulfa (anaphylaxis)\nHPI: allergic to peanuts and shellfish. No known drug allergies otherwise. ' + 'Cough and fever for two days. '.repeat(20) + '\n';
    const text = block.repeat(Math.ceil(5_000_000 / block.length));
    const t0 = performance.now();
    const list = findAllergies(text, []);
    assert.ok(list.items.length > 10_000);
    const run = 'allergic to ' + 'peanuts '.repeat(200_000);
    findAllergies(run, []);
    findAllergies('Allergies   Allergen Reactions   ' + '• Codeine Nausea   '.repeat(50_000), []);
    const ms = performance.now() - t0;
    assert.ok(ms < LINEAR_TIME_BOUND_MS, `took ${ms.toFixed(0)} ms`);
  });
});

describe('nil as negation', () => {
  test('"nil penicillin allergy" (British usage) documents no allergy', () => {
    const r = findAllergies('Confirmed nil penicillin allergy.', []);
    assert.deepEqual(r.items, []);
  });
});
