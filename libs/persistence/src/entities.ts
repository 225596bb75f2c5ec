import { UserEntity } from '../../access/src/user.entity';
import { DocumentEntity } from '../../documents/src/persistence/document.entity';
import { DocumentRevisionEntity } from '../../documents/src/persistence/document-revision.entity';
import {
  MeasureAssignmentEntity,
  MeasureEntity,
  MeasureUnitEntity,
} from '../../documents/src/persistence/measure.entity';
import { UnitEntity, UnitNameRuleEntity } from '../../units/src/persistence/unit.entity';
import { NoticeEntity } from '../../notifications/src/notice.entity';
import { NoticeDeliveryEntity, UnitWebhookEntity } from '../../notifications/src/channels/webhook/webhook.entities';
import { ScheduledStepEntity } from '../../scheduling/src/steps/scheduled-step.entity';
import { ProgressReportEntity } from '../../workflow/src/progress/progress-report.entity';
import { AttachmentEntity } from '../../workflow/src/attachments/attachment.entity';
import { TaskEventEntity } from '../../workflow/src/persistence/task-event.entity';
import { TaskEntity } from '../../workflow/src/persistence/task.entity';
import { WorkflowEntity } from '../../workflow/src/persistence/workflow.entity';

/** Every entity of every domain library; the schema itself comes from migrations/. */
export const ALL_ENTITIES = [
  UnitEntity,
  UnitNameRuleEntity,
  DocumentEntity,
  DocumentRevisionEntity,
  MeasureEntity,
  MeasureUnitEntity,
  MeasureAssignmentEntity,
  UserEntity,
  WorkflowEntity,
  TaskEntity,
  TaskEventEntity,
  NoticeEntity,
  ProgressReportEntity,
  ScheduledStepEntity,
  AttachmentEntity,
  UnitWebhookEntity,
  NoticeDeliveryEntity,
];
