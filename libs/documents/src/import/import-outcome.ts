import type { Diagnostic } from '../parsing/parse-result.types';
import type { SourceFormat } from '../parsing/source-document';
import type { RevisionChanges } from '../persistence/document-revision.entity';

export type ImportStatus = 'created' | 'revised' | 'unchanged';

export interface ImportRequest {
  content: Buffer;
  fileName?: string | null;
  importedBy?: string | null;
}

export interface ImportOutcome {
  status: ImportStatus;
  documentId: string;
  docNumber: string | null;
  title: string;
  revision: number;
  /** The format the revision was read from. */
  format: SourceFormat;
  measures: { total: number; needingAssignment: number };
  changes: RevisionChanges;
  diagnostics: Diagnostic[];
  /** A sentence for the person who imported, in Chinese. */
  message: string;
}

export function describeOutcome(outcome: Omit<ImportOutcome, 'message'>): string {
  const label = outcome.docNumber ?? outcome.title;
  if (outcome.status === 'unchanged') return `${label} 内容与第${outcome.revision}版相同，未作任何更改`;
  const counts = `共${outcome.measures.total}项措施，其中${outcome.measures.needingAssignment}项待指定责任单位`;
  if (outcome.status === 'created') return `已导入 ${label}（第1版），${counts}`;
  const { added, removed, changed } = outcome.changes;
  return `已导入 ${label} 第${outcome.revision}版：新增${added.length}项、删除${removed.length}项、修改${changed.length}项措施；${counts}`;
}
