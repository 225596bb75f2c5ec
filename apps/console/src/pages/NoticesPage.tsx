import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { EmptyText } from '../components/EmptyText';
import { answer, api, EngineRequestError } from '../api/client';
import type { Notice } from '../api/views';
import { chineseDateTime } from '../format';
import { NOTICE_KIND_LABELS } from '../labels';

const PAGE_SIZE = 20;

/** Dark blue on pale blue: antd's "processing" tag falls short of WCAG AA contrast. */
const UNREAD_STYLE = { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' };

/** Marking read changes the list and the header's count: both are reloaded from the engine. */
function useNoticeChange<V>(send: (value: V) => Promise<unknown>) {
  const queries = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: send,
    onSettled: () => queries.invalidateQueries({ queryKey: ['notices'] }),
    onError: (error) => message.error(error instanceof EngineRequestError ? error.message : '无法连接服务，请稍后再试'),
  });
}

function NoticeItem({ notice, markRead }: { notice: Notice; markRead: (id: string) => void }) {
  const unread = notice.readAt === null;
  return (
    <List.Item
      data-notice-id={notice.id}
      actions={
        unread
          ? [
              <Button key="read" size="small" onClick={() => markRead(notice.id)}>
                标为已读
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            {unread && <Tag style={UNREAD_STYLE}>未读</Tag>}
            <Tag>{NOTICE_KIND_LABELS[notice.kind]}</Tag>
            {notice.taskId ? (
              <Link to={`/tasks/${notice.taskId}`} onClick={() => unread && markRead(notice.id)}>
                {notice.title}
              </Link>
            ) : (
              notice.title
            )}
          </Space>
        }
        description={
          <>
            <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0, 0, 0, 0.88)' }}>{notice.body}</div>
            <span>
              {chineseDateTime(notice.createdAt)}
              {notice.sentBy && ` · ${notice.sentBy}`}
            </span>
          </>
        }
      />
    </List.Item>
  );
}

/** 通知中心: the unit's notices, newest first, each linking to its task; mark one or all read. */
export function NoticesPage() {
  const [search, setSearch] = useSearchParams();
  const unreadOnly = search.get('view') !== 'all';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const { data, isFetching, error } = useQuery({
    queryKey: ['notices', 'list', unreadOnly, page],
    queryFn: () =>
      answer(
        api.GET('/notices', {
          params: { query: { unread: unreadOnly ? 'true' : 'false', page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const markRead = useNoticeChange((id: string) =>
    answer(api.POST('/notices/{id}/read', { params: { path: { id } } })),
  );
  const markAll = useNoticeChange(() => answer(api.POST('/notices/read-all')));

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          通知
        </Typography.Title>
        <Button onClick={() => markAll.mutate(undefined)} loading={markAll.isPending} disabled={!data?.unread}>
          全部标为已读
        </Button>
      </Space>
      <Tabs
        activeKey={unreadOnly ? 'unread' : 'all'}
        items={[
          { key: 'unread', label: `未读（${data?.unread ?? 0}）` },
          { key: 'all', label: '全部通知' },
        ]}
        onChange={(key) => setSearch(key === 'all' ? { view: 'all' } : {})}
      />
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <List<Notice>
        bordered
        loading={isFetching}
        dataSource={data?.items}
        locale={{ emptyText: <EmptyText>{unreadOnly ? '暂无未读通知' : '暂无通知'}</EmptyText> }}
        renderItem={(notice) => <NoticeItem notice={notice} markRead={(id) => markRead.mutate(id)} />}
        pagination={
          (data?.total ?? 0) > PAGE_SIZE && {
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: (next) => setSearch(unreadOnly ? { page: String(next) } : { view: 'all', page: String(next) }),
          }
        }
      />
    </>
  );
}
