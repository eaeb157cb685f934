/**
 * The end-to-end suite: one code-server session, each scenario a test. Run it through
 * `npm run test:e2e` (which packages the VSIX, installs the tools and guards the processes);
 * `E2E_SCENARIOS=id,id` runs only those scenarios.
 */
import { after, before, describe, test } from 'node:test';
import { startSession, type Session } from './harness/session';
import { SCENARIOS } from './scenarios/index';

const only = process.env['E2E_SCENARIOS']?.split(',').map((s) => s.trim()).filter(Boolean);
const selected = SCENARIOS.filter((s) => !only || only.includes(s.id));
if (selected.length === 0) throw new Error(`E2E_SCENARIOS=${only?.join(',') ?? ''} matches none of: ${SCENARIOS.map((s) => s.id).join(', ')}`);

describe('MedGemma Notes in VS Code (code-server)', () => {
  let session: Session | undefined;

  before(async () => {
    session = await startSession({ tmp: process.env['MEDGEMMA_E2E_TMP'], registry: process.env['MEDGEMMA_E2E_REGISTRY'] });
  }, { timeout: 300_000 });

  after(async () => {
    await session?.stop();
  }, { timeout: 60_000 });

  selected.forEach((scenario, i) => {
    const prefix = `${String(i + 1).padStart(2, '0')}-${scenario.id}`;
    test(scenario.title, { timeout: scenario.timeoutMs ?? 120_000 }, async (t) => {
      if (!session) throw new Error('the code-server session did not start (see the before hook)');
      const { workbench, workspace, model } = session;
      await workbench.escape();
      await workbench.closeAllEditors();
      try {
        await scenario.run({
          workbench,
          workspace,
          model,
          screenshot: (step) => workbench.screenshot(`${prefix}-${step}`),
          note: (message) => t.diagnostic(message),
        });
      } catch (err) {
        const file = await workbench.screenshot(`${prefix}-FAILED`).catch(() => undefined);
        if (file) t.diagnostic(`screenshot: ${file}`);
        throw err;
      }
    });
  });
});
