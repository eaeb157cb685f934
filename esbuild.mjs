// Bundles the extension client, the language server and the CLI with esbuild, and packages them.
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --production  minified, no sourcemaps (for packaging)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --vsix [--gpu=vulkan|cuda]
//                                  `npm run package`: the VSIX for this platform (vsce runs the
//                                  production build first, through `vscode:prepublish`)
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  define: { __VERSION__: JSON.stringify(version) },
  // node-llama-cpp ships native binaries and is loaded with a dynamic import() inside the model
  // runtime only; it must stay outside the bundle. The VSIX ships each external with its
  // production dependencies (packageVsix); list its own run-time files in .vscodeignore.
  external: ['node-llama-cpp'],
};

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: [...common.external, 'vscode'] },
  { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

/**
 * node-llama-cpp's prebuilt llama.cpp binary packages for each VS Code target: the CPU one (Metal
 * on Apple silicon) always; GPU ones only on request (`--gpu=vulkan`, `--gpu=cuda`), since they
 * add 80–540 MB and the server falls back to the CPU binary where no GPU one loads.
 */
const LLAMA_BINARIES = {
  'linux-x64': { cpu: ['linux-x64'], vulkan: ['linux-x64-vulkan'], cuda: ['linux-x64-cuda', 'linux-x64-cuda-ext'] },
  'linux-arm64': { cpu: ['linux-arm64'] },
  'linux-armhf': { cpu: ['linux-armv7l'] },
  'darwin-arm64': { cpu: ['mac-arm64-metal'] },
  'darwin-x64': { cpu: ['mac-x64'] },
  'win32-x64': { cpu: ['win-x64'], vulkan: ['win-x64-vulkan'], cuda: ['win-x64-cuda', 'win-x64-cuda-ext'] },
  'win32-arm64': { cpu: ['win-arm64'] },
};

const root = path.dirname(fileURLToPath(import.meta.url));

/** The folder of package `name` as Node resolves it from the folder `from`. */
function packageFolder(name, from = root) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (path.basename(dir) !== 'node_modules' && existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === path.dirname(dir)) return undefined;
  }
}

/**
 * The folders of the production dependencies of the package in `folder`, transitively:
 * `dependencies` (which must be installed) and `optionalDependencies` that are installed. The
 * llama.cpp binary packages are left out; the caller picks those for the target.
 */
function dependencyFolders(folder, found = new Set()) {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const names = [
    ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
  ];
  for (const { name, optional } of names) {
    if (name.startsWith('@node-llama-cpp/')) continue;
    const dependency = packageFolder(name, folder);
    if (!dependency) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${folder}) is not installed; run npm ci first.`);
    }
    if (found.has(dependency)) continue;
    found.add(dependency);
    dependencyFolders(dependency, found);
  }
  return found;
}

/**
 * `npm run package`: a VSIX for this platform. Our code is bundled into dist/ (.vscodeignore lists
 * what else ships); the externals' production dependencies and this target's prebuilt llama.cpp
 * binary are added to the ignore file's keep-list here, because they depend on the lockfile and
 * the platform. vsce prints the VSIX's path and size.
 */
async function packageVsix() {
  const gpu = (process.argv.find((a) => a.startsWith('--gpu='))?.slice('--gpu='.length).split(',') ?? []).filter(Boolean);
  const target = `${process.platform}-${process.arch === 'arm' ? 'armhf' : process.arch}`;
  const binaries = LLAMA_BINARIES[target];
  if (!binaries) throw new Error(`node-llama-cpp has no prebuilt binary for ${target}; no VSIX can be built here.`);
  const packages = [...binaries.cpu];
  for (const kind of gpu) {
    const extra = binaries[kind];
    if (!extra) throw new Error(`--gpu=${kind}: no such prebuilt binary for ${target} (available: ${Object.keys(binaries).filter((k) => k !== 'cpu').join(', ') || 'none'}).`);
    packages.push(...extra);
  }
  const keep = new Set();
  for (const external of common.external) {
    const folder = packageFolder(external);
    if (!folder) throw new Error(`${external} is not installed; run npm ci first.`);
    for (const dependency of dependencyFolders(folder)) keep.add(dependency);
  }
  for (const name of packages) {
    const folder = packageFolder(`@node-llama-cpp/${name}`, packageFolder('node-llama-cpp'));
    if (!folder) throw new Error(`@node-llama-cpp/${name} is not installed (npm installs the binaries for this machine's platform only).`);
    keep.add(folder);
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'medgemma-vsix-'));
  try {
    const ignoreFile = path.join(tmp, '.vscodeignore');
    // One pattern per parent folder (`!node_modules/@(a|b)/**`): vsce compiles every pattern for
    // every file of every production dependency, and a pattern per package took a minute.
    const byParent = new Map();
    for (const folder of keep) {
      const [parent, name] = [path.relative(root, path.dirname(folder)).split(path.sep).join('/'), path.basename(folder)];
      byParent.set(parent, [...(byParent.get(parent) ?? []), name]);
    }
    // Source maps, type declarations and TypeScript or C sources are nothing the extension runs.
    const added = [...byParent].map(([parent, names]) => `!${parent}/${names.length === 1 ? names[0] : `@(${names.sort().join('|')})`}/**/!(*.map|*.ts|*.mts|*.cts|*.h)`).sort();
    writeFileSync(ignoreFile, `${readFileSync(path.join(root, '.vscodeignore'), 'utf8')}\n# added by esbuild.mjs --vsix\n${added.join('\n')}\n`);
    console.log(`[vsix] ${target}: llama.cpp binaries ${packages.map((p) => `@node-llama-cpp/${p}`).join(', ')}; ${keep.size - packages.length} dependency packages of ${common.external.join(', ')}`);
    const { createVSIX } = await import('@vscode/vsce');
    const suffix = gpu.length ? `-${gpu.join('-')}` : '';
    await createVSIX({
      cwd: root,
      target,
      ignoreFile,
      dependencies: true,
      useYarn: false,
      allowMissingRepository: true,
      // No repository URL to rewrite README links against; they stay relative.
      rewriteRelativeLinks: false,
      packagePath: path.join(root, `${JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).name}-${target}${suffix}-${version}.vsix`),
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv.includes('--vsix')) {
  await packageVsix().catch((err) => {
    console.error(`[vsix] ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
} else if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
