import { EntityManager } from 'typeorm';
import { DomainError } from '@app/common';

/**
 * Refuses a unit code that is not in the directory, or whose work passed to a successor by `today`:
 * new work always goes to the unit that carries it now. `field` names the request field at fault.
 */
export async function assertActiveUnit(
  manager: EntityManager,
  unitCode: string,
  today: string,
  field = 'unitCode',
): Promise<void> {
  const [unit]: { full_name: string; successor_name: string | null; successor_since: string | null }[] =
    await manager.query(
      `SELECT u.full_name, s.full_name AS successor_name, to_char(u.successor_since, 'YYYY-MM-DD') AS successor_since
     FROM units u LEFT JOIN units s ON s.code = u.successor_code WHERE u.code = $1`,
      [unitCode],
    );
  if (!unit) throw new DomainError('invalid', 'UNKNOWN_UNIT', `单位代码 ${unitCode} 不在单位名录中`, { field });
  if (unit.successor_name && unit.successor_since && unit.successor_since <= today) {
    throw new DomainError(
      'invalid',
      'UNIT_SUPERSEDED',
      `${unit.full_name} 的职责已自 ${unit.successor_since} 起由 ${unit.successor_name} 承担`,
      { field },
    );
  }
}
