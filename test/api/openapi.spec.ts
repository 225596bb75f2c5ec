import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { repositoryRoot } from '@app/common';
import { createOpenApiDocument } from '../../apps/api/src/http/openapi-document';

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/** Redocly's recommended rules (redocly.yaml) over the document: the problems it reports. */
function lint(document: OpenAPIObject): LintProblem[] {
  const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const root = repositoryRoot();
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@redocly/cli/bin/cli.js'),
      'lint',
      file,
      '--config',
      join(root, 'redocly.yaml'),
      '--format',
      'json',
    ],
    { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { problems: LintProblem[] };
  return report.problems;
}

describe('the OpenAPI document (npm run openapi, /docs-json)', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await createOpenApiDocument();
  });

  it('is built without a database and passes Redocly’s recommended rules with no errors', () => {
    const errors = lint(document).filter((problem) => problem.severity === 'error');
    expect(errors.map((error) => `${error.ruleId} ${error.location[0]?.pointer}: ${error.message}`)).toEqual([]);
  });

  it('names each operation by what it does', () => {
    const ids = Object.values(document.paths).flatMap((item) =>
      (['get', 'put', 'post', 'delete', 'patch'] as const).map((method) => item[method]?.operationId).filter(Boolean),
    );
    expect(ids).toEqual(expect.arrayContaining(['listTasks', 'getTask', 'actOnTask', 'listNotices', 'login']));
    expect(ids.filter((id) => /Controller_/.test(id!))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
