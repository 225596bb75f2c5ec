import { CreateUnitsAndDocuments1763769600000 } from './1763769600000-CreateUnitsAndDocuments';
import { CreateUsers1763769700000 } from './1763769700000-CreateUsers';
import { CreateWorkflows1763769800000 } from './1763769800000-CreateWorkflows';
import { CreateSchedules1763769900000 } from './1763769900000-CreateSchedules';
import { CreateWebhooks1763770000000 } from './1763770000000-CreateWebhooks';
import { CreateReports1763770100000 } from './1763770100000-CreateReports';
import { NoticeOrder1764660000000 } from './1764660000000-NoticeOrder';
import { AddSourceFormatToRevisions1764670000000 } from './1764670000000-AddSourceFormatToRevisions';
import { UserCredentialsVersion1764680000000 } from './1764680000000-UserCredentialsVersion';
import { ConsoleInboxIndexes1764700000000 } from './1764700000000-ConsoleInboxIndexes';
import { LeadTaskByWorkflow1764710000000 } from './1764710000000-LeadTaskByWorkflow';
import { ChannelAddresses1764800000000 } from './1764800000000-ChannelAddresses';
import { CreateBulletinSettings1764810000000 } from './1764810000000-CreateBulletinSettings';

/** Every migration, oldest first. Listed explicitly so tests and the compiled app load the same set. */
export const ALL_MIGRATIONS = [
  CreateUnitsAndDocuments1763769600000,
  CreateUsers1763769700000,
  CreateWorkflows1763769800000,
  CreateSchedules1763769900000,
  CreateWebhooks1763770000000,
  CreateReports1763770100000,
  NoticeOrder1764660000000,
  AddSourceFormatToRevisions1764670000000,
  UserCredentialsVersion1764680000000,
  ConsoleInboxIndexes1764700000000,
  LeadTaskByWorkflow1764710000000,
  ChannelAddresses1764800000000,
  CreateBulletinSettings1764810000000,
];
