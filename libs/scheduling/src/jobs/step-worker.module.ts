import { Module } from '@nestjs/common';
import { StepProcessor } from './step.processor';

/** The step processor of the worker process; at start it reconciles the steps once. */
@Module({ providers: [StepProcessor] })
export class StepWorkerModule {}
