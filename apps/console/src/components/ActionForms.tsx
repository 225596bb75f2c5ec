import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, answer, EngineRequestError } from '../api/client';
import type { paths } from '../api/schema';
import type { TaskAction, TaskCommandAction as CommandAction, TaskDetail } from '../api/views';
import { TASK_ACTION_LABELS } from '../labels';

type ActionBody = NonNullable<
  paths['/tasks/{id}/actions/{action}']['post']['requestBody']
>['content']['application/json'];

/** What each command asks for before it is sent; the rest need only a confirmation. */
const NEEDS_REASON: CommandAction[] = ['return', 'object', 'cancel', 'refuse_extension'];

interface ActionFormValues {
  reason?: string;
  message?: string;
  until?: Dayjs;
}

/** The command buttons of a task: exactly what `allowedActions` allows, each with the form it needs. */
export function CommandButtons({ task, label }: { task: TaskDetail; label: (action: TaskAction) => string }) {
  const [open, setOpen] = useState<CommandAction | null>(null);
  // Only what the action route accepts: split and progress are in `otherActions`, with their own forms.
  const commands = task.allowedActions;
  return (
    <>
      <Space wrap>
        {commands.map((action) => (
          <Button
            key={action}
            type={action === 'acknowledge' || action === 'approve' ? 'primary' : 'default'}
            onClick={() => setOpen(action)}
          >
            {label(action)}
          </Button>
        ))}
      </Space>
      {open && <CommandModal task={task} action={open} title={label(open)} onClose={() => setOpen(null)} />}
    </>
  );
}

function CommandModal({
  task,
  action,
  title,
  onClose,
}: {
  task: TaskDetail;
  action: CommandAction;
  title: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ActionFormValues>();
  const send = useTaskMutation(
    task,
    async (values: ActionFormValues) => {
      const body: ActionBody = {
        version: task.version,
        reason: values.reason,
        message: values.message,
        until: values.until?.format('YYYY-MM-DD'),
      };
      await answer(api.POST('/tasks/{id}/actions/{action}', { params: { path: { id: task.id, action } }, body }));
    },
    form,
  );
  return (
    <Modal
      open
      title={title}
      okText={`确认${title}`}
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<ActionFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => send.mutate(values, { onSuccess: onClose })}
      >
        {NEEDS_REASON.includes(action) && (
          <Form.Item label="理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <>
            <Form.Item label="延期至" name="until" rules={[{ required: true, message: '请选择延期后的期限' }]}>
              <DatePicker disabledDate={(day) => !day.isAfter(dayjs(task.deadline), 'day')} format="YYYY年M月D日" />
            </Form.Item>
            <Form.Item
              label="理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'remind' && (
          <Form.Item
            label="催办内容"
            name="message"
            rules={[{ required: true, whitespace: true, message: '请填写催办内容' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {!NEEDS_REASON.includes(action) && action !== 'request_extension' && action !== 'remind' && (
          <p>
            确定对「{task.title}」{title}？
          </p>
        )}
      </Form>
    </Modal>
  );
}

/**
 * Sends a change to the task, then reloads it. The engine's refusal shows next to the field it names; a 409
 * (someone acted first) says what changed and reloads the task so the user sees its state now.
 */
export function useTaskMutation<V>(
  task: TaskDetail,
  send: (values: V) => Promise<void>,
  form?: ReturnType<typeof Form.useForm<V>>[0],
) {
  const queries = useQueryClient();
  const { message, modal } = App.useApp();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      message.success('已完成');
      await queries.invalidateQueries({ queryKey: ['task', task.id] });
      await queries.invalidateQueries({ queryKey: ['inbox'] });
    },
    onError: async (error) => {
      if (!(error instanceof EngineRequestError)) return void message.error('无法连接服务，请稍后再试');
      const { statusCode, field, message: text } = error.body;
      if (statusCode === 409) {
        await queries.invalidateQueries({ queryKey: ['task', task.id] });
        modal.warning({ title: '任务已被他人处理', content: `${text}。已重新载入任务的最新状态。` });
        return;
      }
      const name = field?.split(/[.[]/)[0];
      if (form && name && form.getFieldInstance(name as never) !== undefined) {
        form.setFields([{ name: name as never, errors: [text] }]);
        return;
      }
      message.error(text);
    },
  });
}

export function actionLabel(task: TaskDetail, isSupervisor: boolean) {
  return (action: TaskAction): string =>
    action === 'approve' && task.kind === 'lead' && isSupervisor ? '销号' : TASK_ACTION_LABELS[action];
}

interface SplitRow {
  unitCode: string;
  title: string;
  deadline: Dayjs;
}

/** 分解: subtasks for units or the lead unit's own divisions, none due after the parent. */
export function SplitForm({
  task,
  units,
  onDone,
}: {
  task: TaskDetail;
  units: { code: string; fullName: string }[];
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ subtasks: SplitRow[] }>();
  const send = useTaskMutation(task, async ({ subtasks }: { subtasks: SplitRow[] }) => {
    const body = {
      subtasks: subtasks.map((row) => ({
        unitCode: row.unitCode,
        title: row.title,
        deadline: row.deadline.format('YYYY-MM-DD'),
      })),
    };
    await answer(api.POST('/tasks/{id}/subtasks', { params: { path: { id: task.id } }, body }));
  });
  const latest = dayjs(task.deadline);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ subtasks: [{}] }}
      onFinish={(values) => send.mutate(values, { onSuccess: onDone })}
    >
      <Form.List name="subtasks">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} wrap align="start" aria-label={`子任务 ${index + 1}`} role="group">
                <Form.Item
                  label="承办单位"
                  name={[field.name, 'unitCode']}
                  rules={[{ required: true, message: '请选择单位' }]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 220 }}
                    options={units.map((unit) => ({ value: unit.code, label: unit.fullName }))}
                  />
                </Form.Item>
                <Form.Item
                  label="任务名称"
                  name={[field.name, 'title']}
                  rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}
                >
                  <Input style={{ width: 220 }} maxLength={500} />
                </Form.Item>
                <Form.Item
                  label="期限"
                  name={[field.name, 'deadline']}
                  rules={[
                    { required: true, message: '请选择期限' },
                    {
                      validator: async (_, value?: Dayjs) => {
                        if (value && value.isAfter(latest, 'day')) throw new Error(`不得晚于上级任务期限`);
                      },
                    },
                  ]}
                >
                  <DatePicker disabledDate={(day) => day.isAfter(latest, 'day')} format="YYYY年M月D日" />
                </Form.Item>
                {fields.length > 1 && (
                  <Button onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                    删除
                  </Button>
                )}
              </Space>
            ))}
            <Space>
              <Button onClick={() => add({})}>增加子任务</Button>
              <Button type="primary" htmlType="submit" loading={send.isPending}>
                确认分解
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
