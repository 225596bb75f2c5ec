import { useQuery } from '@tanstack/react-query';
import { Descriptions, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { TASK_STATE_LABELS } from '@engine/task-states';
import { api, EngineRequestError, engineView } from '../api/client';
import type { TaskDetail } from '../api/views';
import { Escalation, Light, ROLE_LABELS } from '../components/TaskSignals';
import { chineseDate } from '../format';
import { NotFound } from './NotFound';

export function TaskPage() {
  const { id = '' } = useParams();
  const { data: task, error } = useQuery({
    queryKey: ['task', id],
    queryFn: () => engineView<TaskDetail>(api.GET('/tasks/{id}', { params: { path: { id } } })),
  });
  if (error instanceof EngineRequestError && [400, 404].includes(error.body.statusCode)) {
    return <NotFound title="任务不存在，或不在本单位的办理范围内" />;
  }
  if (error) return <Typography.Text type="danger">{error.message}</Typography.Text>;
  if (!task) return <Spin />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {task.title}
      </Typography.Title>
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label="措施">
          {task.measure.path} {task.measure.title}
        </Descriptions.Item>
        <Descriptions.Item label="承办单位">
          {task.unitName}（{ROLE_LABELS[task.kind]}）
        </Descriptions.Item>
        <Descriptions.Item label="期限">{chineseDate(task.deadline)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {TASK_STATE_LABELS[task.state]} <Light colour={task.colour} /> <Escalation level={task.escalationLevel} />
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
