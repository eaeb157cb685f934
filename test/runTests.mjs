// Runs Node's test runner over every *.test.ts under the given folders (Node 20's --test takes
// no globs). Usage: node test/runTests.mjs [--reporter=spec] <folder...>
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const args = process.argv.slice(2);
const passThrough = args.filter((a) => a.startsWith('--'));
const roots = args.filter((a) => !a.startsWith('--'));

function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return name === "fixtures" ? [] : walk(p);
      return name.endsWith('.test.ts') ? [p] : [];
    });
}

const files = roots.flatMap((r) => (statSync(r).isDirectory() ? walk(r) : [r]));
if (files.length === 0) {
  console.error(`no *.test.ts files under ${roots.join(', ')}`);
  process.exit(1);
}
const reporter = passThrough.some((a) => a.startsWith('--test-reporter')) ? [] : ['--test-reporter=spec'];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...reporter, ...passThrough, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
