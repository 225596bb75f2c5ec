import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/common';
import { type Role, ROLES } from './roles';

export function checkRoles(roles: readonly Role[]): void {
  const unknownRole = roles.find((role) => !ROLES.includes(role));
  if (unknownRole || roles.length === 0)
    throw new DomainError('invalid', 'UNKNOWN_ROLE', `角色须为 ${ROLES.join('/')} 之一`, { field: 'roles' });
}

export async function checkUnit(manager: EntityManager, unitCode: string): Promise<void> {
  const [unit] = await manager.query('SELECT code FROM units WHERE code = $1', [unitCode]);
  if (!unit)
    throw new DomainError('invalid', 'UNKNOWN_UNIT', `单位代码 ${unitCode} 不在单位名录中`, { field: 'unitCode' });
}
