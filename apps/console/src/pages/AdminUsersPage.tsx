import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, type FormInstance, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { EmptyText } from '../components/EmptyText';
import { answer, api, EngineRequestError } from '../api/client';
import type { Role, User } from '../api/views';
import { chineseDate } from '../format';

const ROLE_LABELS: Record<Role, string> = {
  officer: '经办人',
  leader: '单位领导',
  supervisor: '督查室',
  leadership: '省领导',
  admin: '管理员',
};
const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

interface NewUser {
  username: string;
  displayName?: string;
  unitCode: string;
  roles: Role[];
  password: string;
}

/** The engine's refusal next to the field it names, or as a message when it names none on this form. */
function showRefusal<V>(error: Error, form: FormInstance<V>, fallback: (text: string) => void) {
  if (!(error instanceof EngineRequestError)) return fallback('无法连接服务，请稍后再试');
  const name = error.body.field?.split(/[.[]/)[0];
  if (name && form.getFieldInstance(name as never) !== undefined)
    form.setFields([{ name: name as never, errors: [error.message] }]);
  else fallback(error.message);
}

function CreateUserModal({ units, onClose }: { units: { value: string; label: string }[]; onClose: () => void }) {
  const [form] = Form.useForm<NewUser>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const create = useMutation({
    mutationFn: (user: NewUser) => answer(api.POST('/admin/users', { body: user })),
    onSuccess: async () => {
      message.success('已创建用户');
      await queries.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => showRefusal(error, form, (text) => message.error(text)),
  });
  return (
    <Modal
      open
      title="新建用户"
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<NewUser> form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName">
          <Input />
        </Form.Item>
        <Form.Item label="单位" name="unitCode" rules={[{ required: true, message: '请选择单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={units} />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, message: '请选择角色' }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          rules={[
            { required: true, message: '请设置初始密码' },
            { pattern: /^(?=.*[A-Za-z])(?=.*\d).{12,}$/, message: '密码至少 12 位，须含字母和数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const reset = useMutation({
    mutationFn: ({ password }: { password: string }) =>
      answer(api.POST('/admin/users/{id}/password', { params: { path: { id: user.id } }, body: { password } })),
    onSuccess: () => {
      message.success(`已重置 ${user.username} 的密码`);
      onClose();
    },
    onError: (error) => showRefusal(error, form, (text) => message.error(text)),
  });
  return (
    <Modal
      open
      title={`重置密码：${user.username}`}
      okText="重置"
      cancelText="取消"
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={(values) => reset.mutate(values)}>
        <Form.Item
          label="新密码"
          name="password"
          rules={[
            { required: true, message: '请填写新密码' },
            { pattern: /^(?=.*[A-Za-z])(?=.*\d).{12,}$/, message: '密码至少 12 位，须含字母和数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The queue dashboard takes a short-lived cookie the engine sets for an admin (no token in its URL). */
async function openQueueBoard(): Promise<void> {
  await answer(api.POST('/auth/dashboard-session'));
  window.location.assign('/admin/queues');
}

/** 用户管理 (admin): the users with their unit and roles; create, disable or enable, reset a password. */
export function AdminUsersPage() {
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const {
    data: users,
    isFetching,
    error,
  } = useQuery({
    queryKey: ['users'],
    queryFn: () => answer(api.GET('/admin/users')),
  });
  const { data: directory } = useQuery({
    queryKey: ['units'],
    queryFn: () => answer(api.GET('/units')),
    staleTime: Infinity,
  });
  const unitName = (code: string) => directory?.units.find((unit) => unit.code === code)?.fullName ?? code;
  const toggle = useMutation({
    mutationFn: (user: User) =>
      answer(api.PATCH('/admin/users/{id}', { params: { path: { id: user.id } }, body: { disabled: !user.disabled } })),
    onSettled: () => queries.invalidateQueries({ queryKey: ['users'] }),
    onError: (failure) => message.error(failure instanceof EngineRequestError ? failure.message : '无法连接服务'),
  });
  const columns: ColumnsType<User> = [
    { title: '用户名', key: 'username', width: 150, render: (_, user) => user.username },
    { title: '姓名', key: 'displayName', width: 120, render: (_, user) => user.displayName },
    { title: '单位', key: 'unit', width: 180, render: (_, user) => unitName(user.unitCode) },
    {
      title: '角色',
      key: 'roles',
      width: 160,
      render: (_, user) => user.roles.map((role) => <Tag key={role}>{ROLE_LABELS[role]}</Tag>),
    },
    { title: '状态', key: 'disabled', width: 70, render: (_, user) => (user.disabled ? '已停用' : '正常') },
    { title: '创建于', key: 'createdAt', width: 130, render: (_, user) => chineseDate(user.createdAt) },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, user) => (
        <Space wrap>
          <Button
            size="small"
            onClick={() => toggle.mutate(user)}
            aria-label={`${user.disabled ? '启用' : '停用'} ${user.username}`}
          >
            {user.disabled ? '启用' : '停用'}
          </Button>
          <Button size="small" onClick={() => setResetting(user)} aria-label={`重置密码 ${user.username}`}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          用户管理
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => openQueueBoard().catch(() => message.error('无法打开队列监控'))}>队列监控</Button>
          <Button type="primary" onClick={() => setCreating(true)}>
            新建用户
          </Button>
        </Space>
      </Space>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users}
        loading={isFetching}
        scroll={{ x: 980 }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>暂无用户</EmptyText> }}
      />
      {creating && (
        <CreateUserModal
          units={directory?.units.map((unit) => ({ value: unit.code, label: unit.fullName })) ?? []}
          onClose={() => setCreating(false)}
        />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
