import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { validateResponse } from '../../server/src/clinical/cdsHooks';
import type { Finding, Rule } from '../../server/src/clinical/findings';

const root = path.resolve(__dirname, '..', '..');
const examples = path.join(root, 'examples');
const fixtures = path.join(root, 'test', 'fixtures', 'notes');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false, version: '9.9.9' });
  return { code, out, err };
}

describe('medgemma-notes check', () => {
  test('text: a summary line per note and a total', async () => {
    const r = await cli(['check', examples]);
    assert.equal(r.code, 1, 'hp-medication-safety.cnote holds critical findings');
    const files = r.out.split('\n').filter((l) => /\.cnote: /.test(l));
    assert.equal(files.length, 6);
    assert.match(r.out, /ed-triage-sepsis\.cnote: ed-note · 74 y female · \d+ sections · [1-9]\d* vitals/);
    assert.match(r.out, /vitals: .*BP 86\/52/);
    assert.match(r.out, /Triage: ESI 2 · NEWS2 16 \(high\) · qSOFA 3/);
    assert.match(r.out, /hp-medication-safety\.cnote:43:23  warning   "QD" \(daily\) is on the Joint Commission "Do Not Use" list.*do-not-use-abbreviation/);
    assert.match(r.out, /6 notes checked: [1-9]\d* critical, [1-9]\d* warnings/);
  });

  test('json: findings with ranges and the structured note, as documented', async () => {
    const r = await cli(['check', path.join(examples, 'clinic-visit-diabetes.cnote'), path.join(fixtures, 'binary.note'), '--format', 'json']);
    assert.equal(r.code, 2, 'a note that could not be analysed makes the exit status 2');
    const report = JSON.parse(r.out) as {
      tool: { name: string; version: string };
      summary: { files: number; errors: number };
      files: { path: string; error?: string; findings: unknown[]; note?: { sections: unknown[]; vitals: { kind: string }[]; medications: unknown[]; allergies: { status: string }; labs: unknown[] } }[];
    };
    assert.deepEqual(report.tool, { name: 'medgemma-notes', version: '9.9.9' });
    assert.equal(report.summary.files, 2);
    assert.equal(report.summary.errors, 1);
    const [clinic, bin] = report.files;
    assert.ok(clinic?.note);
    assert.ok(clinic.note.sections.length >= 8);
    assert.ok(clinic.note.vitals.some((v) => v.kind === 'blood-pressure'));
    assert.ok(clinic.note.medications.length >= 3);
    assert.equal(clinic.note.allergies.status, 'nkda');
    assert.ok(clinic.note.labs.length >= 2);
    assert.match(bin?.error ?? '', /binary/);
  });

  test('sarif: a valid 2.1.0 log with one result per finding', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mgn-cli-'));
    const out = path.join(dir, 'report.sarif');
    const r = await cli(['check', fixtures, '--format=sarif', '--output', out]);
    assert.equal(r.out, '');
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[]; invocations: { executionSuccessful: boolean }[] }[];
    };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'medgemma-notes');
    assert.ok(run.tool.driver.rules.some((x) => x.id === 'input-not-analysed'));
    assert.equal(run.invocations[0]!.executionSuccessful, false, 'binary.note could not be analysed');
    for (const res of run.results) {
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.ok(res.locations[0]!.physicalLocation.region.startLine >= 1);
    }
  });

  test('exit status 1 when an error-level finding exists (linter convention); --disable drops it', async () => {
    const critical: Rule = {
      id: 'test-critical',
      description: 'a rule that always fires',
      run: (): Finding[] => [{ code: 'test-critical', severity: 'critical', message: 'always', span: { start: 0, end: 3 } }],
    };
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: () => undefined, color: false, version: '1', rules: [critical] };
    const note = path.join(fixtures, 'minimal.cnote');
    assert.equal(await runCli(['check', note], io), 1);
    assert.match(out, /minimal\.cnote:1:1  critical  always  test-critical/);
    assert.equal(await runCli(['check', note, '--disable', 'test-critical'], io), 0);
  });

  test('cds-hooks: one valid CDS Hooks 2.0 response per note', async () => {
    const r = await cli(['check', path.join(examples, 'hp-medication-safety.cnote'), path.join(fixtures, 'binary.note'), '--format', 'cds-hooks']);
    const out = JSON.parse(r.out) as { notes: { path: string; error?: string; response?: { cards: { indicator: string; summary: string; suggestions?: unknown[] }[] } }[] };
    const [hp, bin] = out.notes;
    assert.deepEqual(validateResponse(hp!.response), []);
    const cards = hp!.response!.cards;
    assert.equal(cards[0]!.indicator, 'critical', 'critical cards first');
    assert.ok(cards.some((c) => /QD/.test(c.summary) && (c.suggestions?.length ?? 0) > 0), 'the QD card suggests the fix');
    assert.ok(cards.every((c) => c.summary.length < 140));
    assert.match(bin!.error ?? '', /binary/);
  });

  test('usage errors exit 2 with help; --help, --version and --list-rules exit 0', async () => {
    assert.equal((await cli([])).code, 2);
    assert.equal((await cli(['lint', 'x'])).code, 2);
    const badFormat = await cli(['check', examples, '--format', 'xml']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.err, /unknown format 'xml'/);
    const missing = await cli(['check', path.join(root, 'no-such-folder')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or folder/);
    assert.match((await cli(['--help'])).out, /Usage: medgemma-notes check/);
    assert.equal((await cli(['--version'])).out, '9.9.9\n');
    assert.match((await cli(['--list-rules'])).out, /input-not-analysed/);
  });

  test('--max-size skips big notes with a clear message and --disable drops a rule', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mgn-cli-'));
    const f = path.join(dir, 'big.cnote');
    writeFileSync(f, 'HPI: cough.\n'.repeat(200_000));
    const r = await cli(['check', f, '--max-size', '1']);
    assert.equal(r.code, 2);
    assert.match(r.out, /not analysed: 2\.3 MiB is over the 1 MiB limit/);
  });
});

describe('the bundled CLI binary', () => {
  before(() => {
    execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'pipe' });
  });

  test('runs from dist/cli.js with a shebang and the documented exit codes', () => {
    const cliPath = path.join(root, 'dist', 'cli.js');
    assert.match(readFileSync(cliPath, 'utf8').split('\n')[0]!, /^#!\/usr\/bin\/env node/);
    const ok = spawnSync(process.execPath, [cliPath, 'check', path.join(examples, 'clinic-visit-diabetes.cnote'), '--format', 'json'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).files.length, 1);
    const critical = spawnSync(process.execPath, [cliPath, 'check', examples], { encoding: 'utf8' });
    assert.equal(critical.status, 1, 'error-level findings exit 1');
    const bad = spawnSync(process.execPath, [cliPath, 'check'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    const version = spawnSync(process.execPath, [cliPath, '--version'], { encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
});
