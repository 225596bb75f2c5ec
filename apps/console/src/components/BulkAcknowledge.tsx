import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, List, Modal, Typography } from 'antd';
import { answer, api, EngineRequestError } from '../api/client';
import type { BulkResult, TaskSummary } from '../api/views';

function ResultText({ result }: { result: BulkResult | undefined }) {
  if (!result) return null;
  if (result.ok) return <Typography.Text type="success">已签收</Typography.Text>;
  return (
    <Typography.Text type="danger">
      未签收：{result.message ?? '请求被拒绝'}
      {result.code && `（${result.code}）`}
    </Typography.Text>
  );
}

/**
 * 批量签收: lists exactly the tasks it will touch, sends them in one request (the engine acknowledges each in
 * its own transaction), then shows each task's result beside it: one refused (409) leaves the others done.
 */
export function BulkAcknowledge({ tasks, onClose }: { tasks: TaskSummary[]; onClose: (done: boolean) => void }) {
  const queries = useQueryClient();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: () => answer(api.POST('/tasks/bulk/acknowledge', { body: { taskIds: tasks.map((task) => task.id) } })),
    onSettled: () => queries.invalidateQueries({ queryKey: ['inbox'] }),
    onError: (error) => message.error(error instanceof EngineRequestError ? error.message : '无法连接服务，请稍后再试'),
  });
  const results = new Map(send.data?.results.map((result) => [result.taskId, result]));
  const done = send.data !== undefined;
  const succeeded = send.data?.results.filter((result) => result.ok).length ?? 0;

  return (
    <Modal
      open
      title="批量签收"
      okText={done ? '完成' : `确认签收 ${tasks.length} 项`}
      cancelText="取消"
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
      confirmLoading={send.isPending}
      onOk={() => (done ? onClose(true) : send.mutate())}
      onCancel={() => onClose(done)}
      width={720}
    >
      <Typography.Paragraph>
        {done
          ? `已签收 ${succeeded} 项，未签收 ${tasks.length - succeeded} 项。`
          : `将签收以下 ${tasks.length} 项任务：`}
      </Typography.Paragraph>
      <List
        data-testid="bulk-tasks"
        size="small"
        bordered
        dataSource={tasks}
        renderItem={(task) => (
          <List.Item data-task-id={task.id}>
            <div>
              <div>
                {task.measure.path} {task.measureTitle}
              </div>
              <Typography.Text type="secondary">{task.unitName}</Typography.Text>
            </div>
            <ResultText result={results.get(task.id)} />
          </List.Item>
        )}
      />
    </Modal>
  );
}
