import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainError, shanghaiDate } from '@app/common';
import { assertActiveUnit } from '@app/units';
import { MeasureAssignmentEntity, MeasureEntity, MeasureUnitEntity } from '../persistence/measure.entity';

export interface AssignUnitsCommand {
  measureId: string;
  leadUnitCode: string;
  coUnitCodes: string[];
  note?: string | null;
  source: 'manual' | 'suggestion';
  assignedBy: string;
}

/** A supervisor names the units of a measure: the measure can then launch, and the choice is kept as history. */
@Injectable()
export class MeasureAssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async assign(command: AssignUnitsCommand): Promise<MeasureAssignmentEntity> {
    const codes = [command.leadUnitCode, ...command.coUnitCodes];
    const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
    if (duplicate)
      throw new DomainError('invalid', 'UNIT_LISTED_TWICE', `单位 ${duplicate} 重复出现`, { field: 'coUnitCodes' });
    return this.dataSource.transaction(async (manager) => {
      const today = shanghaiDate(this.clock.now());
      for (const [index, code] of codes.entries())
        await assertActiveUnit(manager, code, today, index === 0 ? 'leadUnitCode' : 'coUnitCodes');
      const measure = await lockMeasure(manager, command.measureId);
      await manager.delete(MeasureUnitEntity, { measureId: measure.id });
      await manager.insert(
        MeasureUnitEntity,
        codes.map(
          (unitCode, position) =>
            ({ measureId: measure.id, unitCode, role: position === 0 ? 'lead' : 'co', position }) as const,
        ),
      );
      await manager.update(
        MeasureEntity,
        { id: measure.id },
        { needsAssignment: false, assignmentSource: 'supervisor' },
      );
      return manager.save(
        manager.create(MeasureAssignmentEntity, {
          measureId: measure.id,
          leadUnitCode: command.leadUnitCode,
          coUnitCodes: command.coUnitCodes,
          source: command.source,
          note: command.note ?? null,
          assignedBy: command.assignedBy,
          assignedAt: this.clock.now(),
        }),
      );
    });
  }
}

async function lockMeasure(manager: EntityManager, measureId: string): Promise<MeasureEntity> {
  const measure = await manager.findOne(MeasureEntity, {
    where: { id: measureId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!measure)
    throw new DomainError('not_found', 'MEASURE_NOT_FOUND', `措施 ${measureId} 不存在`, { field: 'measureId' });
  if (measure.removedInRevision !== null) {
    throw new DomainError(
      'conflict',
      'MEASURE_REMOVED',
      `措施 ${measure.path} 已在第${measure.removedInRevision}版中删除，不能指定责任单位`,
      { field: 'measureId' },
    );
  }
  return measure;
}
