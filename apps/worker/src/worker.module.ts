import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/common';
import { PersistenceModule } from '@app/persistence';
import { SchedulingModule, StepQueueModule, StepWorkerModule } from '@app/scheduling';

/** The queue worker process: delivers ladder steps and reconciles them with PostgreSQL. Run as many as you like. */
@Module({ imports: [ConfigModule, PersistenceModule.forRoot(), SchedulingModule, StepQueueModule, StepWorkerModule] })
export class WorkerModule {}
