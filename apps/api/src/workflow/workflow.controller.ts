import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@app/access';
import { DomainError } from '@app/common';
import { DocumentQueries } from '@app/documents';
import {
  ChainVerifier,
  LaunchService,
  SubtaskService,
  TaskActionService,
  TaskQueries,
  type TaskCommandAction,
} from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../http/uuid-param.pipe';
import { InboxQueryRequest, LaunchRequest, SplitRequest, TaskActionRequest } from './workflow.dto';
import { ApiErrors } from '../http/api-errors';

export const COMMAND_ACTIONS: TaskCommandAction[] = [
  'acknowledge',
  'start',
  'submit',
  'approve',
  'return',
  'object',
  'confirm_objection',
  'reassign',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'cancel',
  'remind',
];

const actionPipe = new ParseEnumPipe(Object.fromEntries(COMMAND_ACTIONS.map((action) => [action, action])), {
  exceptionFactory: () =>
    new DomainError('invalid', 'UNKNOWN_ACTION', `操作须为 ${COMMAND_ACTIONS.join('、')} 之一`, { field: 'action' }),
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
  @ApiOperation({ summary: '分解下达：启动文件的全部或所选措施' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'MEASURES_NOT_READY', 'NOTHING_TO_LAUNCH', 'INVALID_MEASURE_ID'],
    403: ['ROLE_REQUIRED'],
    404: ['DOCUMENT_NOT_FOUND'],
    409: ['MEASURE_ALREADY_LAUNCHED'],
  })
  async launchDocument(
    @Param('reference') reference: string,
    @Body() request: LaunchRequest,
    @CurrentActor() actor: Actor,
  ) {
    const document = await this.documents.getDocument(reference);
    return this.launcher.launch({ documentId: document.id, ...request, actor });
  }

  /** The unit's inbox: tasks it holds (mine), tasks it assigned (assigned), or every task (all, for supervisors). */
  @Get('tasks')
  @ApiOperation({ summary: '任务列表（待办）' })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['SCOPE_FORBIDDEN'] })
  listTasks(@Query() query: InboxQueryRequest, @CurrentActor() actor: Actor) {
    const { state, ...rest } = query;
    return this.tasks.inbox(actor, { ...rest, states: state });
  }

  @Get('tasks/:id')
  @ApiOperation({ summary: '查看任务：措施、上下级、历史与可执行操作' })
  @ApiErrors({ 400: ['INVALID_ID'], 404: ['TASK_NOT_FOUND'] })
  getTask(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    return this.tasks.task(id, actor);
  }

  @Post('tasks/:id/subtasks')
  @ApiOperation({ summary: '分解任务为子任务' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'INVALID_ID', 'NO_SUBTASKS', 'UNKNOWN_UNIT', 'DEADLINE_AFTER_PARENT', 'DEADLINE_PASSED'],
    403: ['NOT_PERMITTED'],
    404: ['TASK_NOT_FOUND'],
    409: ['INVALID_TRANSITION', 'VERSION_CONFLICT'],
  })
  async splitTask(@Param('id', uuidParam()) id: string, @Body() request: SplitRequest, @CurrentActor() actor: Actor) {
    await this.subtasks.split(id, request.subtasks, actor);
    return this.tasks.task(id, actor);
  }

  /** One endpoint per action, /tasks/:id/actions/acknowledge and so on: acknowledge, start, submit, approve, return, object, confirm_objection, reassign, request_extension, approve_extension, refuse_extension, cancel, remind. */
  @Post('tasks/:id/actions/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: COMMAND_ACTIONS })
  @ApiOperation({ summary: '对任务执行操作（签收、提交、审核、退回、延期、销号、催办等）' })
  @ApiErrors({
    400: [
      'VALIDATION_FAILED',
      'INVALID_ID',
      'UNKNOWN_ACTION',
      'REASON_REQUIRED',
      'MESSAGE_REQUIRED',
      'UNTIL_REQUIRED',
      'UNIT_REQUIRED',
      'UNKNOWN_UNIT',
      'SAME_UNIT',
      'EXTENSION_NOT_LATER',
    ],
    403: ['NOT_PERMITTED'],
    404: ['TASK_NOT_FOUND'],
    409: ['INVALID_TRANSITION', 'VERSION_CONFLICT', 'SUBTASKS_OPEN', 'EXTENSION_PENDING', 'NO_EXTENSION_PENDING'],
  })
  async actOnTask(
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
  @ApiOperation({ summary: '校验流程的审计哈希链' })
  @ApiErrors({ 400: ['INVALID_ID'], 403: ['ROLE_REQUIRED'], 404: ['WORKFLOW_NOT_FOUND'] })
  verifyWorkflow(@Param('id', uuidParam()) id: string) {
    return this.chains.verify(id);
  }
}
