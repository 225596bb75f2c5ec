/**
 * The engine's read models, named after the schemas of its OpenAPI document (dist/openapi.json, generated into
 * schema.d.ts by `npm run build:console`): a gap in the document is a compile error here, not a cast.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Actor = Schemas['ActorResponse'];
export type UnitDirectory = Schemas['UnitDirectoryResponse'];
export type UnitRecord = Schemas['UnitRecordResponse'];
export type TaskSummary = Schemas['TaskSummaryResponse'];
export type TaskPage = Schemas['TaskPageResponse'];
export type TaskDetail = Schemas['TaskDetailResponse'];
export type TaskEvent = Schemas['TaskEventResponse'];
export type TaskState = Schemas['TaskState'];
export type TaskAction = Schemas['TaskAction'];
export type TaskCommandAction = Schemas['TaskCommandAction'];
export type InboxTab = Schemas['InboxTab'];
export type TabCounts = Schemas['TabCountsResponse'];
export type BulkResult = Schemas['BulkResultResponse'];
export type Notice = Schemas['NoticeResponse'];
export type NoticeKind = Schemas['NoticeKind'];
export type BoardRow = Schemas['BoardRowResponse'];
export type TaskFilter = Schemas['TaskFilter'];
export type RateRow = Schemas['RateRowResponse'];
export type Report = Schemas['ReportResponse'];
export type DocumentSummary = Schemas['DocumentSummaryResponse'];
export type Role = Schemas['Role'];
export type User = Schemas['UserResponse'];
