import { Injectable } from '@nestjs/common';
import { UserService } from '@app/access';
import { DomainError } from '@app/common';
import {
  cardClickOf,
  taskIdOfWecomCard,
  WECOM_ACK_BUTTON_KEY,
  WecomCallbackGate,
  type WecomCallbackQuery,
  type WecomCardClick,
} from '@app/notifications';
import { TaskActionService } from '@app/workflow';

/** The card's button after a click: the task is acknowledged, or the user is told it was not. */
const ACKNOWLEDGED = '已签收';
const NOT_ACKNOWLEDGED = '签收未成功';

/**
 * 签收 from a WeCom card: the signed click names a WeCom member and a task; the member's engine user
 * acknowledges it through TaskActionService, with the API's authorization and state machine, and the
 * event records the channel. A click the engine refuses changes nothing and is recorded.
 */
@Injectable()
export class WecomAcknowledger {
  constructor(
    private readonly gate: WecomCallbackGate,
    private readonly users: UserService,
    private readonly actions: TaskActionService,
  ) {}

  /** The reply for WeCom: empty for anything but a 签收 click, otherwise the card's new button text, encrypted. */
  async handle(query: WecomCallbackQuery, body: string): Promise<string> {
    const click = cardClickOf(await this.gate.open(query, body));
    if (!click || click.buttonKey !== WECOM_ACK_BUTTON_KEY) return '';
    const refusal = await this.acknowledge(click);
    if (refusal) await this.gate.record(refusal, query, { wecomUserId: click.wecomUserId, taskId: click.cardTaskId });
    return this.gate.updateButton(click.wecomUserId, refusal ? NOT_ACKNOWLEDGED : ACKNOWLEDGED);
  }

  /** Null when acknowledged; otherwise the code of the refusal. */
  private async acknowledge(click: WecomCardClick): Promise<string | null> {
    const taskId = taskIdOfWecomCard(click.cardTaskId);
    if (!taskId) return 'WECOM_CARD_TASK_UNKNOWN';
    const userId = await this.gate.userIdOf(click.wecomUserId);
    const actor = userId ? await this.users.active(userId) : null;
    if (!actor) return 'WECOM_USER_UNKNOWN';
    try {
      await this.actions.execute({ taskId, action: 'acknowledge', actor, channel: 'wecom' });
      return null;
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
      return error.code;
    }
  }
}
