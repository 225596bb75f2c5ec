/** The engine's read models, as its libraries declare them (types only: nothing of the engine is bundled). */
export type { Page, TaskDetail, TaskEventView, TaskSummary } from '@engine/task-views';
export type { Actor } from '@engine/actor';
export type { UnitDirectoryData, UnitRecord } from '@engine/unit-types';
export type { ProgressReportEntity as ProgressReport } from '@engine/progress-report';
