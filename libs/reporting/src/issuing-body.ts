import type { EntityManager } from 'typeorm';

/** Used when a document has no launched workflow to name its supervisor. */
const DEFAULT_ISSUING_BODY = '督查室';

/** The unit that assigned the document's lead tasks: the supervisor that issues the bulletin. */
export async function issuingBodyOf(manager: EntityManager, documentId: string): Promise<string> {
  const [row]: { fullName: string }[] = await manager.query(
    `SELECT u.full_name AS "fullName" FROM tasks t JOIN workflows w ON w.id = t.workflow_id JOIN units u ON u.code = t.assigner_unit_code
     WHERE w.document_id = $1 AND t.kind = 'lead' ORDER BY w.launched_at, t.created_at LIMIT 1`,
    [documentId],
  );
  return row?.fullName ?? DEFAULT_ISSUING_BODY;
}
