import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { Clock, DomainError } from '@app/common';
import { Metrics } from '@app/metrics';
import { NoticeEntity } from './notice.entity';

export interface NoticePage {
  items: NoticeEntity[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** A unit's notices, newest first, with read and unread. */
@Injectable()
export class NoticeQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async inbox(
    unitCode: string,
    options: { unreadOnly?: boolean; page?: number; pageSize?: number },
  ): Promise<NoticePage> {
    const page = options.page ?? 1;
    const pageSize = options.pageSize ?? 20;
    const where = { unitCode, ...(options.unreadOnly ? { readAt: IsNull() } : {}) };
    const [items, total] = await this.dataSource.manager.findAndCount(NoticeEntity, {
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const unread = await this.dataSource.manager.count(NoticeEntity, { where: { unitCode, readAt: IsNull() } });
    return { items, total, unread, page, pageSize };
  }

  /** Marks a notice of the unit read; another unit's notice is not found. */
  async markRead(unitCode: string, noticeId: string): Promise<NoticeEntity> {
    const notice = await this.dataSource.manager.findOneBy(NoticeEntity, { id: noticeId, unitCode });
    if (!notice) throw new DomainError('not_found', 'NOTICE_NOT_FOUND', `通知 ${noticeId} 不存在`, { field: 'id' });
    if (notice.readAt) return notice;
    const marked = await this.dataSource.manager.update(
      NoticeEntity,
      { id: notice.id, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
    if (marked.affected) this.metrics.channelDelivery('inbox', 'read');
    return this.dataSource.manager.findOneByOrFail(NoticeEntity, { id: notice.id });
  }
}
