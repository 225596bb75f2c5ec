import { EntityManager, In } from 'typeorm';
import type { ParsedMeasure } from '../parsing/parse-result.types';
import type { RevisionChanges } from '../persistence/document-revision.entity';
import { MeasureEntity, MeasureUnitEntity } from '../persistence/measure.entity';
import { measureFingerprint, responsibleUnits } from './measure-fingerprint';

type MeasureColumns = Omit<MeasureEntity, 'id' | 'documentId' | 'firstRevision' | 'createdAt' | 'updatedAt'>;

function measureColumns(measure: ParsedMeasure, position: number, revision: number): MeasureColumns {
  return {
    path: measure.path,
    position,
    sectionTitles: measure.sectionTitles,
    title: measure.title,
    text: measure.text,
    line: measure.line,
    unitsRaw: measure.units.raw,
    leadName: measure.units.lead,
    coNames: measure.units.co,
    unitResolution: measure.units.resolved,
    needsAssignment: measure.units.needsAssignment,
    assignmentSource: 'document',
    deadline: measure.deadline.date,
    deadlineSource: measure.deadline.source,
    deadlineText: measure.deadline.text,
    targets: measure.targets,
    lastChangedRevision: revision,
    removedInRevision: null,
  };
}

async function replaceUnits(manager: EntityManager, measureId: string, measure: ParsedMeasure): Promise<void> {
  await manager.delete(MeasureUnitEntity, { measureId });
  const units = responsibleUnits(measure.units).map((unit) => ({ measureId, ...unit }));
  if (units.length > 0) await manager.insert(MeasureUnitEntity, units);
}

/** Writes the measures of a document's first revision. */
export async function insertMeasures(
  manager: EntityManager,
  documentId: string,
  measures: ParsedMeasure[],
): Promise<void> {
  if (measures.length === 0) return;
  const rows = measures.map((measure, position) => ({
    documentId,
    firstRevision: 1,
    ...measureColumns(measure, position, 1),
  }));
  const inserted = await manager.insert(MeasureEntity, rows);
  const units = measures.flatMap((measure, index) =>
    responsibleUnits(measure.units).map((unit) => ({ measureId: inserted.identifiers[index].id as string, ...unit })),
  );
  if (units.length > 0) await manager.insert(MeasureUnitEntity, units);
}

/**
 * Brings a document's measures to a new revision, matching them by numbering path. Removed measures
 * are marked, never deleted (work may refer to them). A supervisor's assignment survives a revision
 * that still names no units for the measure.
 */
export async function reviseMeasures(
  manager: EntityManager,
  documentId: string,
  measures: ParsedMeasure[],
  revision: number,
): Promise<RevisionChanges> {
  const existing = await manager.find(MeasureEntity, { where: { documentId } });
  const byPath = new Map(existing.map((measure) => [measure.path, measure]));
  const changes: RevisionChanges = { added: [], removed: [], changed: [] };

  for (const [position, measure] of measures.entries()) {
    const current = byPath.get(measure.path);
    if (!current) {
      await insertOne(manager, documentId, measure, position, revision);
      changes.added.push(measure.path);
      continue;
    }
    byPath.delete(measure.path);
    const reappeared = current.removedInRevision !== null;
    const changed =
      measureFingerprint({ ...measure, unitsRaw: measure.units.raw }) !==
      measureFingerprint({
        ...current,
        deadline: { date: current.deadline },
      });
    if (!reappeared && !changed) {
      if (current.position !== position) await manager.update(MeasureEntity, { id: current.id }, { position });
      continue;
    }
    await updateOne(manager, current, measure, position, revision);
    (reappeared ? changes.added : changes.changed).push(measure.path);
  }

  const gone = [...byPath.values()].filter((measure) => measure.removedInRevision === null);
  if (gone.length > 0)
    await manager.update(MeasureEntity, { id: In(gone.map((measure) => measure.id)) }, { removedInRevision: revision });
  changes.removed.push(...gone.map((measure) => measure.path));
  return changes;
}

async function insertOne(
  manager: EntityManager,
  documentId: string,
  measure: ParsedMeasure,
  position: number,
  revision: number,
): Promise<void> {
  const inserted = await manager.insert(MeasureEntity, {
    documentId,
    firstRevision: revision,
    ...measureColumns(measure, position, revision),
  });
  await replaceUnits(manager, inserted.identifiers[0].id as string, measure);
}

async function updateOne(
  manager: EntityManager,
  current: MeasureEntity,
  measure: ParsedMeasure,
  position: number,
  revision: number,
): Promise<void> {
  const keepSupervisorAssignment = current.assignmentSource === 'supervisor' && measure.units.raw === null;
  const columns = measureColumns(measure, position, revision);
  if (keepSupervisorAssignment) {
    await manager.update(
      MeasureEntity,
      { id: current.id },
      { ...columns, needsAssignment: false, assignmentSource: 'supervisor' },
    );
    return;
  }
  await manager.update(MeasureEntity, { id: current.id }, columns);
  await replaceUnits(manager, current.id, measure);
}
