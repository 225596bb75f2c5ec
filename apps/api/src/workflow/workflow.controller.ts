import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/access';
import { DomainError } from '@app/common';
import { DocumentQueries } from '@app/documents';
import {
  ChainVerifier,
  LaunchService,
  SubtaskService,
  TaskActionService,
  TaskQueries,
  TASK_COMMAND_ACTIONS,
  type TaskCommandAction,
} from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../http/uuid-param.pipe';
import { InboxQueryRequest, LaunchRequest, SplitRequest, TaskActionRequest } from './workflow.dto';

const actionPipe = new ParseEnumPipe(Object.fromEntries(TASK_COMMAND_ACTIONS.map((action) => [action, action])), {
  exceptionFactory: () =>
    new DomainError('invalid', 'UNKNOWN_ACTION', `操作须为 ${TASK_COMMAND_ACTIONS.join('、')} 之一`, {
      field: 'action',
    }),
});

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(
    private readonly documents: DocumentQueries,
    private readonly launcher: LaunchService,
    private readonly actions: TaskActionService,
    private readonly subtasks: SubtaskService,
    private readonly tasks: TaskQueries,
    private readonly chains: ChainVerifier,
  ) {}

  /** 分解下达: all the document's measures, or the chosen ones; all or nothing. */
  @Post('documents/:reference/launch')
  @Roles('supervisor')
  async launch(@Param('reference') reference: string, @Body() request: LaunchRequest, @CurrentActor() actor: Actor) {
    const document = await this.documents.getDocument(reference);
    return this.launcher.launch({ documentId: document.id, ...request, actor });
  }

  /** The unit's inbox: tasks it holds (mine), tasks it assigned (assigned), or every task (all, for supervisors). */
  @Get('tasks')
  inbox(@Query() query: InboxQueryRequest, @CurrentActor() actor: Actor) {
    const { state, ...rest } = query;
    return this.tasks.inbox(actor, { ...rest, states: state });
  }

  @Get('tasks/:id')
  task(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    return this.tasks.task(id, actor);
  }

  @Post('tasks/:id/subtasks')
  async split(@Param('id', uuidParam()) id: string, @Body() request: SplitRequest, @CurrentActor() actor: Actor) {
    await this.subtasks.split(id, request.subtasks, actor);
    return this.tasks.task(id, actor);
  }

  /** One endpoint per action, /tasks/:id/actions/acknowledge and so on: acknowledge, start, submit, approve, return, object, confirm_objection, reassign, request_extension, approve_extension, refuse_extension, cancel, remind. */
  @Post('tasks/:id/actions/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: TASK_COMMAND_ACTIONS })
  async act(
    @Param('id', uuidParam()) id: string,
    @Param('action', actionPipe) action: TaskCommandAction,
    @Body() request: TaskActionRequest,
    @CurrentActor() actor: Actor,
  ) {
    const { version, ...rest } = request;
    await this.actions.execute({ taskId: id, action, actor, expectedVersion: version, ...rest });
    return this.tasks.task(id, actor);
  }

  /** Re-checks a workflow's hash chain and names the first event that does not fit. */
  @Get('workflows/:id/verify')
  @Roles('supervisor', 'admin')
  verify(@Param('id', uuidParam()) id: string) {
    return this.chains.verify(id);
  }
}
