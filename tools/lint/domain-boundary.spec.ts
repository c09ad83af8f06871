import { ESLint } from 'eslint';

/**
 * The dependency rule of architecture principle 1, seen to fail: ESLint with the project's own config lints
 * domain files that break it (and one that keeps it), at the paths where the rule applies.
 */
describe('lint: a domain imports no infrastructure', () => {
  // The linted files are virtual (they exist only in this test), so the type-aware rules, which need a real
  // file in the TypeScript project, are off here; the dependency rule does not need types.
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/await-thenable': 'off',
      },
    },
  });

  async function ruleIdsFor(path: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: path });
    return result!.messages.map((message) => message.ruleId ?? message.message);
  }

  it.each([
    ["import { Injectable } from '@nestjs/common';"],
    ["import { Entity } from 'typeorm';"],
    ["import { Pool } from 'pg';"],
    ["import { Kafka } from 'kafkajs';"],
    ["import { EventStoreDBClient } from '@eventstore/db-client';"],
  ])('refuses `%s` in libs/incidents/src/domain', async (line) => {
    const ids = await ruleIdsFor('libs/incidents/src/domain/pupil-incident.decider.ts', `${line}\nexport const used = [${line.split(' ')[2]}];\n`);
    expect(ids).toContain('no-restricted-imports');
  });

  it('refuses a clock inside a decider (time arrives on the command)', async () => {
    const ids = await ruleIdsFor('libs/incidents/domain/clock.decider.ts', 'export const now = Date.now();\n');
    expect(ids).toContain('no-restricted-properties');
  });

  it('allows the same import outside a domain folder', async () => {
    const ids = await ruleIdsFor(
      'libs/incidents/src/application/x.handler.ts',
      "import { Injectable } from '@nestjs/common';\nexport const used = [Injectable];\n",
    );
    expect(ids).not.toContain('no-restricted-imports');
  });

  it('allows a pure domain file', async () => {
    const ids = await ruleIdsFor('libs/incidents/src/domain/ok.decider.ts', 'export const decide = (n: number): number => n + 1;\n');
    expect(ids).toEqual([]);
  });
});
