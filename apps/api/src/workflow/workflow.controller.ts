import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/access';
import { DomainError } from '@app/common';
import { DocumentQueries } from '@app/documents';
import {
  BulkAcknowledgeService,
  ChainVerifier,
  InstructionService,
  LaunchService,
  SubtaskService,
  TaskActionService,
  TaskQueries,
  TASK_COMMAND_ACTIONS,
  type TaskCommandAction,
} from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors';
import { uuidParam } from '../http/uuid-param.pipe';
import {
  BulkAcknowledgeRequest,
  InboxQueryRequest,
  InstructionRequest,
  LaunchRequest,
  SplitRequest,
  TaskActionRequest,
} from './workflow.dto';
import {
  BulkResultsResponse,
  ChainVerificationResponse,
  InstructionResponse,
  LaunchResponse,
  SplitResponse,
  TabCountsResponse,
  TaskDetailResponse,
  TaskPageResponse,
} from './workflow.responses';

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
    private readonly bulk: BulkAcknowledgeService,
    private readonly instructions: InstructionService,
  ) {}

  /** 分解下达: all the document's measures, or the chosen ones; all or nothing. */
  @Post('documents/:reference/launch')
  @Roles('supervisor')
  @ApiOperation({ summary: '分解下达：启动文件的全部或所选措施' })
  @ApiParam({ name: 'reference', description: 'The document id or its 文号' })
  @ApiCreatedResponse({ type: LaunchResponse, description: 'The workflows and the tasks created' })
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

  /** The unit's inbox: a tab, or tasks it holds (mine), assigned (assigned), or every task (all, for supervisors). */
  @Get('tasks')
  @ApiOperation({
    summary: '任务列表（待办）',
    description:
      'tab replaces scope with its own unit condition: to_acknowledge 待签收, to_split 待分解, to_report 待报送, to_review 待审核 (tasks the unit assigned), done 已办, all (the scope). ' +
      'filter reproduces a board count: overdue, due_soon, not_acknowledged, missing_reports, level1, level2. Nearest deadline first.',
  })
  @ApiOkResponse({ type: TaskPageResponse })
  @ApiErrors({ 400: ['VALIDATION_FAILED'], 403: ['SCOPE_FORBIDDEN'], 404: ['DOCUMENT_NOT_FOUND'] })
  async listTasks(@Query() query: InboxQueryRequest, @CurrentActor() actor: Actor) {
    const { state, documentId, ...rest } = query;
    const document = documentId ? await this.documents.getDocument(documentId) : undefined;
    return this.tasks.inbox(actor, { ...rest, documentId: document?.id, states: state });
  }

  @Get('tasks/tab-counts')
  @ApiOperation({ summary: '待办各页签的任务数' })
  @ApiOkResponse({ type: TabCountsResponse })
  @ApiErrors({})
  getTabCounts(@CurrentActor() actor: Actor) {
    return this.tasks.tabCounts(actor);
  }

  /** 批量签收: each task in its own transaction; every task's result in the order asked. */
  @Post('tasks/bulk/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '批量签收（逐项结果）' })
  @ApiOkResponse({ type: BulkResultsResponse })
  @ApiErrors({ 400: ['VALIDATION_FAILED'] })
  acknowledgeTasks(@Body() request: BulkAcknowledgeRequest, @CurrentActor() actor: Actor) {
    return this.bulk.acknowledge(request.taskIds, actor);
  }

  @Get('tasks/:id')
  @ApiOperation({ summary: '查看任务：措施、上下级、历史、批示与可执行操作' })
  @ApiOkResponse({ type: TaskDetailResponse })
  @ApiErrors({ 400: ['INVALID_ID'], 404: ['TASK_NOT_FOUND'] })
  getTask(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor) {
    return this.tasks.task(id, actor);
  }

  @Post('tasks/:id/subtasks')
  @ApiOperation({ summary: '分解任务为子任务' })
  @ApiCreatedResponse({ type: SplitResponse, description: 'The parent task, and the subtasks this call created' })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'INVALID_ID', 'NO_SUBTASKS', 'UNKNOWN_UNIT', 'DEADLINE_AFTER_PARENT', 'DEADLINE_PASSED'],
    403: ['NOT_PERMITTED'],
    404: ['TASK_NOT_FOUND'],
    409: ['INVALID_TRANSITION'],
  })
  async splitTask(@Param('id', uuidParam()) id: string, @Body() request: SplitRequest, @CurrentActor() actor: Actor) {
    const created = await this.subtasks.split(id, request.subtasks, actor);
    return { ...(await this.tasks.task(id, actor)), createdSubtaskIds: created.map((task) => task.id) };
  }

  /** One endpoint per action, /tasks/:id/actions/acknowledge and so on. */
  @Post('tasks/:id/actions/:action')
  @HttpCode(200)
  @ApiParam({ name: 'action', enum: TASK_COMMAND_ACTIONS, enumName: 'TaskCommandAction' })
  @ApiOperation({
    summary: '对任务执行操作（签收、提交、审核、退回、延期、销号、催办等）',
    description: '409 SUBTASKS_OPEN carries details.openSubtasks (id, title, unitCode, state).',
  })
  @ApiOkResponse({ type: TaskDetailResponse, description: 'The task after the action' })
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
      'DEADLINE_AFTER_PARENT',
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

  /** 领导批示: an event in the task's chain and a notice to every unit holding the task or a subtask. */
  @Post('tasks/:id/instructions')
  @Roles('leadership', 'supervisor')
  @ApiOperation({ summary: '领导批示' })
  @ApiCreatedResponse({ type: InstructionResponse })
  @ApiErrors({
    400: ['VALIDATION_FAILED', 'INVALID_ID', 'TEXT_REQUIRED'],
    403: ['ROLE_REQUIRED'],
    404: ['TASK_NOT_FOUND'],
  })
  instructOnTask(
    @Param('id', uuidParam()) id: string,
    @Body() request: InstructionRequest,
    @CurrentActor() actor: Actor,
  ) {
    return this.instructions.instruct(id, request.text, actor);
  }

  /** Re-checks a workflow's hash chain and names the first event that does not fit. */
  @Get('workflows/:id/verify')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: '校验流程的审计哈希链' })
  @ApiOkResponse({ type: ChainVerificationResponse })
  @ApiErrors({ 400: ['INVALID_ID'], 403: ['ROLE_REQUIRED'], 404: ['WORKFLOW_NOT_FOUND'] })
  verifyWorkflow(@Param('id', uuidParam()) id: string) {
    return this.chains.verify(id);
  }
}
