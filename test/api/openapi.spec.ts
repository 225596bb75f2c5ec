import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { repositoryRoot } from '@app/common';
import { createOpenApiDocument } from '../../apps/api/src/http/openapi-document';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(document: OpenAPIObject): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) =>
      item[method] ? [[`${method.toUpperCase()} ${path}`, item[method]] as [string, Operation]] : [],
    ),
  );
}

/** A 2xx answer that says what its body is: a schema, a file, or no body at all (204). */
function documentsItsSuccess(operation: Operation): boolean {
  return Object.entries(operation.responses).some(([status, response]) => {
    if (!/^2\d\d$/.test(status)) return false;
    if (status === '204') return true;
    const content = (
      response as { content?: Record<string, { schema?: { type?: string; $ref?: string; format?: string } }> }
    ).content;
    return Object.values(content ?? {}).some((media) => media.schema && (media.schema.$ref || media.schema.type));
  });
}

/** Schemas an object without properties or additionalProperties would type as Record<string, never>. */
function emptyObjects(node: unknown, at = '#'): string[] {
  if (!node || typeof node !== 'object') return [];
  const schema = node as { type?: string; properties?: object; additionalProperties?: unknown; allOf?: unknown };
  const own =
    schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined && !schema.allOf
      ? [at]
      : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => emptyObjects(value, `${at}/${key}`))];
}

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

  it('gives every operation an id, a summary, a documented success and an error response', () => {
    // GET /health answers anyone and refuses nothing: 200 or 503.
    const faults = operations(document).flatMap(([name, operation]) => [
      ...(operation.operationId ? [] : [`${name}: no operationId`]),
      ...(operation.summary ? [] : [`${name}: no summary`]),
      ...(documentsItsSuccess(operation) ? [] : [`${name}: no 2xx response with a schema, a file or no body`]),
      ...(name === 'GET /health' || Object.keys(operation.responses).some((status) => /^4\d\d$/.test(status))
        ? []
        : [`${name}: no 4xx response`]),
    ]);
    expect(faults).toEqual([]);
  });

  it('has no object shape that a client would type as an empty record', () => {
    expect(emptyObjects(document.paths, '#/paths')).toEqual([]);
    expect(emptyObjects(document.components?.schemas, '#/components/schemas')).toEqual([]);
  });

  it('documents the real status codes, enums, formats and uploads', () => {
    const op = (method: (typeof METHODS)[number], path: string) => document.paths[path][method]!;
    expect(Object.keys(op('post', '/reports').responses)).toEqual(expect.arrayContaining(['200', '202']));
    expect(op('post', '/reports').responses['201']).toBeUndefined();
    expect(Object.keys(op('delete', '/admin/units/{code}/webhook').responses)).toContain('204');
    const files = (op('get', '/reports/{id}/files/{format}').responses['200'] as { content: object }).content;
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]),
    );
    const schemas = document.components!.schemas! as Record<
      string,
      { properties: Record<string, Record<string, unknown>>; enum?: string[] }
    >;
    const property = (schema: string, name: string) => schemas[schema].properties[name];
    const enumOf = (schema: string, name: string) => {
      const found = property(schema, name);
      const named = (found.allOf as { $ref: string }[] | undefined)?.[0]?.$ref.split('/').pop();
      return (found.enum ?? schemas[named ?? '']?.enum) as string[];
    };
    expect(enumOf('TaskSummaryResponse', 'state')).toEqual(
      expect.arrayContaining(['assigned', 'approved', 'cancelled']),
    );
    expect(enumOf('TaskSummaryResponse', 'kind')).toEqual(['lead', 'co', 'subtask']);
    expect(enumOf('NoticeResponse', 'kind')).toEqual(expect.arrayContaining(['instruction', 'review_request']));
    expect(property('TaskSummaryResponse', 'id').format).toBe('uuid');
    expect(property('TaskSummaryResponse', 'deadline').format).toBe('date');
    expect(property('LaunchRequest', 'deadlines').additionalProperties).toEqual({ type: 'string', format: 'date' });
    expect(property('AttachmentUpload', 'file')).toMatchObject({ type: 'string', format: 'binary' });
    expect(property('ImportDocumentUpload', 'file')).toMatchObject({ type: 'string', format: 'binary' });
  });
});
