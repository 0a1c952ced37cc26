import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Lints snippets as if they lived at a path in the repository, with the project's own eslint.config.js.
// Only the import rule runs (no type information needed for a file that does not exist).
const eslint = new ESLint({
  cwd: process.cwd(),
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering lint rule: each layer imports only downward', () => {
  it('refuses a capability importing the composition root or a shell', async () => {
    for (const from of ["'../app/compose-services'", "'../shell/main'", "'../web/web-server'"]) {
      const errors = await importErrors(
        'main/interviews/upward-probe.ts',
        `import { x } from ${from};\nexport const y = x;\n`,
      );
      expect(errors, from).toEqual([expect.stringMatching(/^no-restricted-imports: .*capability must not import/)]);
    }
  });

  it('lets a capability import main/shared, another capability and preload', async () => {
    const code =
      "import { a } from '../shared/desk-failure';\nimport { b } from '../meet/meet-launcher';\nimport { c } from '../../preload/shared/contract/result';\nexport const y = [a, b, c];\n";
    expect(await importErrors('main/interviews/downward-probe.ts', code)).toEqual([]);
  });

  it('refuses main/app importing a shell, main/shared importing a capability, preload importing main', async () => {
    expect(
      await importErrors('main/app/probe.ts', "import { x } from '../web/web-server';\nexport const y = x;\n"),
    ).toEqual([expect.stringMatching(/composition root \(main\/app\) must not import a shell/)]);
    expect(
      await importErrors(
        'main/app/probe.ts',
        "import { x } from '../interviews/interview-commands';\nexport const y = x;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'main/shared/probe.ts',
        "import { x } from '../interviews/interview-commands';\nexport const y = x;\n",
      ),
    ).toEqual([expect.stringMatching(/main\/shared sits below every capability/)]);
    expect(
      await importErrors(
        'main/shared/probe.ts',
        "import { x } from '../../preload/shared/contract/result';\nimport { z } from './event-hub';\nexport const y = [x, z];\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'preload/shared/rules/probe.ts',
        "import { x } from '../../../main/shared/event-hub';\nexport const y = x;\n",
      ),
    ).toEqual([expect.stringMatching(/preload\/ .* is the lowest layer/)]);
  });

  it('refuses infrastructure importing a feature folder, and lets it import other infrastructure', async () => {
    for (const [file, from] of [
      ['main/database/probe.ts', '../interviews/interview-rules'],
      ['main/settings-file/probe.ts', '../settings/settings-service'],
      ['main/platform/probe.ts', '../mail/outbox/outbox'],
      ['main/logging/probe.ts', '../google/api/retry-policy'],
    ] as const) {
      expect(await importErrors(file, `import { x } from '${from}';\nexport const y = x;\n`), file).toEqual([
        expect.stringMatching(/Infrastructure .* never imports a feature folder/),
      ]);
    }
    expect(
      await importErrors(
        'main/database/probe.ts',
        "import { x } from '../settings-file/key-value-store';\nimport { z } from '../platform/clock';\nexport const y = [x, z];\n",
      ),
    ).toEqual([]);
  });
});
