import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Modal, Space, Spin, Timeline, Typography, Button } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { answer, api, EngineRequestError } from '../api/client';
import type { TaskAction, TaskDetail, TaskSummary } from '../api/views';
import { TASK_ACTION_LABELS, TASK_STATE_LABELS } from '../labels';
import { actionLabel, CommandButtons, SplitForm } from '../components/ActionForms';
import { InstructionForm } from '../components/InstructionForm';
import { ProgressForm } from '../components/ProgressForm';
import { Escalation, Light, ROLE_LABELS } from '../components/TaskSignals';
import { chineseDate, chineseDateTime } from '../format';
import { useActor } from './Frame';
import { NotFound } from './NotFound';

function TaskLine({ task, current }: { task: TaskSummary; current?: boolean }) {
  return (
    <Space wrap>
      <Light colour={task.colour} />
      {current ? <strong>{task.unitName}</strong> : <Link to={`/tasks/${task.id}`}>{task.unitName}</Link>}
      <span>
        {ROLE_LABELS[task.kind]} · {TASK_STATE_LABELS[task.state]} · {chineseDate(task.deadline)}
      </span>
    </Space>
  );
}

/** Events the engine writes besides the users' actions. */
const EVENT_LABELS: Record<string, string> = { launch: '分解下达', escalate: '督办升级', instruction: '领导批示' };

/** Splitting and progress reports have routes of their own: the engine lists them apart from the action route's. */
function offers(task: TaskDetail, action: TaskAction): boolean {
  return task.otherActions.some((other) => other.action === action);
}

function actionName(action: string): string {
  return TASK_ACTION_LABELS[action as TaskAction] ?? EVENT_LABELS[action] ?? action;
}

/** The chain's events, oldest first; a 领导批示 stands out (colour, words and its text) from the routine steps. */
function historyItems(task: TaskDetail) {
  return task.history.map((event) => {
    const instruction = event.action === 'instruction';
    const text = typeof event.payload.text === 'string' ? event.payload.text : null;
    return {
      key: event.seq,
      color: instruction ? '#cf1322' : undefined,
      children: (
        <div
          data-event={event.action}
          style={instruction ? { background: '#fff1f0', border: '1px solid #ffa39e', padding: 8 } : undefined}
        >
          <strong style={instruction ? { color: '#a8071a' } : undefined}>{actionName(event.action)}</strong> ·{' '}
          {event.actorUsername} · {chineseDateTime(event.occurredAt)}
          {instruction && text && <div>批示：{text}</div>}
          {event.reason && <div>理由：{event.reason}</div>}
        </div>
      ),
    };
  });
}

export function TaskPage() {
  const { id = '' } = useParams();
  const { data: actor } = useActor();
  const [form, setForm] = useState<'split' | 'progress' | null>(null);
  const { data: task, error } = useQuery({
    queryKey: ['task', id],
    queryFn: () => answer(api.GET('/tasks/{id}', { params: { path: { id } } })),
  });
  const { data: units } = useQuery({
    queryKey: ['units'],
    queryFn: () => answer(api.GET('/units')),
    staleTime: Infinity,
    enabled: form === 'split',
  });
  if (error instanceof EngineRequestError && [400, 404].includes(error.body.statusCode)) {
    return <NotFound title="任务不存在，或不在本单位的办理范围内" />;
  }
  if (error) return <Typography.Text type="danger">{error.message}</Typography.Text>;
  if (!task) return <Spin />;
  const label = actionLabel(task, actor?.roles.includes('supervisor') ?? false);
  const instructs = actor?.roles.some((role) => role === 'leadership' || role === 'supervisor') ?? false;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        {task.title}
      </Typography.Title>
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label="措施">
          {task.measure.path} {task.measure.title}
        </Descriptions.Item>
        {task.description && <Descriptions.Item label="内容">{task.description}</Descriptions.Item>}
        <Descriptions.Item label="承办单位">
          {task.unitName}（{ROLE_LABELS[task.kind]}）
        </Descriptions.Item>
        <Descriptions.Item label="期限">{chineseDate(task.deadline)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <span data-testid="task-state">{TASK_STATE_LABELS[task.state]}</span> <Light colour={task.colour} />{' '}
          <Escalation level={task.escalationLevel} />
        </Descriptions.Item>
      </Descriptions>
      {task.instructions.length > 0 && (
        <Alert
          type="error"
          showIcon={false}
          data-testid="instructions"
          title={`领导批示（${task.instructions.length}）`}
          description={task.instructions.map((instruction) => (
            <div key={instruction.seq}>
              {instruction.text}（{instruction.actorUsername}，{chineseDateTime(instruction.occurredAt)}）
            </div>
          ))}
        />
      )}
      <Card title="办理" size="small">
        <Space wrap>
          <CommandButtons task={task} label={label} />
          {offers(task, 'split') && <Button onClick={() => setForm('split')}>{label('split')}</Button>}
          {offers(task, 'report_progress') && (
            <Button onClick={() => setForm('progress')}>{label('report_progress')}</Button>
          )}
          {task.allowedActions.length === 0 && task.otherActions.length === 0 && (
            <Typography.Text type="secondary">当前无可办理的操作</Typography.Text>
          )}
        </Space>
      </Card>
      <Card title="任务结构" size="small">
        <Space direction="vertical">
          {task.parent && <TaskLine task={task.parent} />}
          <div style={{ paddingLeft: task.parent ? 24 : 0 }}>
            <TaskLine task={task} current />
          </div>
          {task.subtasks.map((subtask) => (
            <div key={subtask.id} style={{ paddingLeft: task.parent ? 48 : 24 }}>
              <TaskLine task={subtask} />
            </div>
          ))}
        </Space>
      </Card>
      {instructs && (
        <Card title="领导批示" size="small">
          <InstructionForm task={task} />
        </Card>
      )}
      <Card title="办理记录" size="small">
        <Timeline items={historyItems(task)} />
      </Card>
      <Modal
        open={form === 'split'}
        title="分解任务"
        footer={null}
        width={760}
        onCancel={() => setForm(null)}
        destroyOnHidden
      >
        <SplitForm task={task} units={units?.units ?? []} onDone={() => setForm(null)} />
      </Modal>
      <Modal open={form === 'progress'} title="报送进展" footer={null} onCancel={() => setForm(null)} destroyOnHidden>
        <ProgressForm task={task} onDone={() => setForm(null)} />
      </Modal>
    </Space>
  );
}
