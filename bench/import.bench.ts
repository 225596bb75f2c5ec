import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { repositoryRoot } from '@app/common';
import { DocumentImporter, parseDocument, type ParseResult } from '@app/documents';
import { readUnitDirectoryData, UnitDirectory } from '@app/units';
import { startBenchContext } from './bench-context';
import { BenchResult, result, Scale, timed } from './bench-result';

/** A variant of the 2022 action plan: a distinct document under its own 文号. */
export function seedVariant(index: number): Buffer {
  const seed = readFileSync(join(repositoryRoot(), 'seeds', 'shanxi-consumer-services-action-plan-2022.txt'), 'utf8');
  return Buffer.from(seed.replace('晋政办发〔２０２２〕４５号', `晋政办发〔2030〕${index + 1}号`));
}

function syntheticDocuments(count: number): Buffer[] {
  return Array.from({ length: count }, (_, index) => seedVariant(index));
}

/** The same rows the importer writes, by hand-written SQL on one connection: the floor for an import. */
async function plainSqlImport(client: Client, parsed: ParseResult, text: string): Promise<void> {
  await client.query('BEGIN');
  const { document } = parsed;
  const [{ id }] = (
    await client.query(
      `INSERT INTO documents (identity_key, doc_number, title, issuer, issued_on, current_revision) VALUES ($1, $1, $2, $3, $4, 1) RETURNING id`,
      [`baseline:${document.docNumber}`, document.title, document.issuer, document.issuedOn],
    )
  ).rows;
  await client.query(
    `INSERT INTO document_revisions (document_id, revision, content_sha256, source_text, encoding, sections, diagnostics, changes, imported_at)
     VALUES ($1, 1, md5($2), $2, 'utf-8', $3, $4, '{}', now())`,
    [id, text, JSON.stringify(parsed.sections), JSON.stringify(parsed.diagnostics)],
  );
  await client.query(
    `INSERT INTO measures (document_id, path, position, section_titles, title, text, line, unit_resolution, needs_assignment, assignment_source, deadline_source, targets, first_revision, last_changed_revision)
     SELECT $1, m->>'path', (ordinality - 1)::int, '{}', m->>'title', m->>'text', (m->>'line')::int, m->'units'->'resolved', (m->'units'->>'needsAssignment')::boolean, 'document', m->'deadline'->>'source', m->'targets', 1, 1
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(m, ordinality)`,
    [id, JSON.stringify(parsed.measures)],
  );
  await client.query('COMMIT');
}

/** Imports per second of a batch of synthetic documents, beside plain SQL writing the same rows. */
export async function importBenchmarks(scale: Scale): Promise<BenchResult[]> {
  const count = scale === 'full' ? 300 : 100;
  const bench = await startBenchContext('supervision_bench_import');
  try {
    const { context, sql: client } = bench;
    const data = readUnitDirectoryData();
    const documents = syntheticDocuments(count);
    const importer = context.get(DocumentImporter);
    const engineMs = await timed(async () => {
      for (const document of documents) await importer.import({ content: document });
    });
    const resolver = UnitDirectory.fromData(data);
    const parsed = documents.map((document) => parseDocument(document, { resolver, asOf: '2026-11-22' }));
    const baselineMs = await timed(async () => {
      for (const [index, document] of parsed.entries())
        await plainSqlImport(client, document, documents[index].toString('utf8'));
    });
    return [
      result(
        'import.documents_per_s',
        `import ${count} documents (46 measures each)`,
        (count / engineMs) * 1000,
        'documents/s',
        (count / baselineMs) * 1000,
        'plain SQL inserts of the same rows, pre-parsed',
      ),
    ];
  } finally {
    await bench.close();
  }
}
