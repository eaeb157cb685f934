/**
 * The CLI's worker threads: the report must be the same, byte for byte, whatever the number of
 * threads, and a worker that fails must not lose a note. The worker side runs the real bundled
 * CLI script (built here into a temporary folder, independent of `npm run build`).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import { type CheckOptions, checkFile } from '../../server/src/cli/checkFile';
import { collectFiles } from '../../server/src/cli/files';
import { checkInParallel } from '../../server/src/cli/parallel';
import { type ReportFormat, assembleReport, renderPart } from '../../server/src/cli/report';

const root = path.resolve(__dirname, '..', '..');
const examples = path.join(root, 'examples');
const fixtures = path.join(root, 'test', 'fixtures', 'notes');
const FORMATS: ReportFormat[] = ['text', 'json', 'sarif', 'cds-hooks'];
const options: CheckOptions = { maxBytes: 16 * 1024 * 1024, disabledRules: [] };

let dir = '';
let cli = '';
let notes = '';

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mgn-parallel-'));
  cli = path.join(dir, 'cli.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'server', 'src', 'cli', 'main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    define: { __VERSION__: '"9.9.9"' },
    external: ['node-llama-cpp'],
    logLevel: 'silent',
  });
  // Several copies of the examples and the bad-input fixtures (binary, empty, CRLF, Unicode), so
  // that every thread gets notes with findings, notes without, and notes it cannot analyse.
  notes = path.join(dir, 'notes');
  for (let copy = 0; copy < 4; copy++) {
    for (const from of [examples, fixtures]) {
      const to = path.join(notes, `${copy}-${path.basename(from)}`);
      mkdirSync(to, { recursive: true });
      for (const f of readdirSync(from).filter((f) => /\.(?:c?note)$/.test(f))) copyFileSync(path.join(from, f), path.join(to, f));
    }
  }
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function sequential(files: readonly string[], format: ReportFormat): string {
  return assembleReport(
    files.map((f) => renderPart(checkFile(f, options), format)),
    format,
    '9.9.9',
  );
}

describe('checkInParallel', () => {
  test('workers alone produce the same report as one thread, in every format', async () => {
    const { files } = collectFiles([notes]);
    assert.ok(files.length >= 40);
    for (const format of FORMATS) {
      const run = await checkInParallel(files, { options, format, color: false }, { workers: 2, workerScript: cli, mainHelps: false });
      assert.equal(run.checkedBy[0], 0, 'the main thread left every note to the workers');
      assert.equal(run.checkedBy.reduce((a, b) => a + b, 0), files.length);
      assert.equal(assembleReport(run.parts, format, '9.9.9'), sequential(files, format), format);
    }
  });

  test('a worker that cannot start loses no note: the main thread checks them', async () => {
    const broken = path.join(dir, 'broken.js');
    writeFileSync(broken, "throw new Error('worker failed to load');\n");
    const { files } = collectFiles([notes]);
    const run = await checkInParallel(files, { options, format: 'json', color: false }, { workers: 1, workerScript: broken, mainHelps: false });
    assert.equal(run.checkedBy[0], files.length);
    assert.equal(assembleReport(run.parts, 'json', '9.9.9'), sequential(files, 'json'));
  });
});

describe('medgemma-notes check --jobs', () => {
  test('--jobs 3 and --jobs 1 print the same report and exit status in every format', () => {
    for (const format of FORMATS) {
      const one = spawnSync(process.execPath, [cli, 'check', notes, '--format', format, '--jobs', '1'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      const three = spawnSync(process.execPath, [cli, 'check', notes, '--format', format, '--jobs=3'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      assert.equal(one.status, 2, 'the binary fixture is not analysed');
      assert.equal(three.status, one.status, format);
      assert.equal(three.stdout, one.stdout, format);
      assert.equal(three.stderr, one.stderr, format);
      if (format !== 'text') {
        // The report is spliced from per-note pieces: it must be exactly what JSON.stringify writes.
        assert.equal(JSON.stringify(JSON.parse(three.stdout), null, 2) + '\n', three.stdout, format);
      }
    }
  });

  test('--jobs needs a whole number of at least 1', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const r = spawnSync(process.execPath, [cli, 'check', notes, '--jobs', bad], { encoding: 'utf8' });
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, /--jobs needs a whole number of threads/, bad);
    }
  });

  test('a reader that goes away early (`| head`) ends the run quietly, without a stack trace', async () => {
    const child = spawn(process.execPath, [cli, 'check', notes, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Error/);
    assert.ok(code === 1 || code === 2, `exit ${code}`);
  });

  test('an empty report splices to valid JSON', () => {
    const empty = path.join(dir, 'empty-folder');
    mkdirSync(empty, { recursive: true });
    const r = spawnSync(process.execPath, [cli, 'check', empty, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout).files, []);
    assert.equal(JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n', r.stdout);
  });
});
