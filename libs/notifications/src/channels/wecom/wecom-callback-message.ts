/** The XML WeCom posts to the callback and the passive replies it accepts, as its 接收消息 pages show them. */

/** The text of `<name>`: its CDATA or its plain content; null when absent. Names are ours, never the caller's. */
export function xmlField(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${name}>`).exec(xml);
  if (!match) return null;
  return match[1] ?? match[2].trim();
}

function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** A click on a template card's button (`template_card_event`). */
export interface WecomCardClick {
  /** The member's WeCom userid (FromUserName). */
  wecomUserId: string;
  /** The button's key (EventKey). */
  buttonKey: string;
  /** The card's task_id as it was sent. */
  cardTaskId: string;
  responseCode: string | null;
}

/** The decrypted event, when it is a card button click; null for any other message or event. */
export function cardClickOf(xml: string): WecomCardClick | null {
  if (xmlField(xml, 'MsgType') !== 'event' || xmlField(xml, 'Event') !== 'template_card_event') return null;
  const wecomUserId = xmlField(xml, 'FromUserName');
  const buttonKey = xmlField(xml, 'EventKey');
  const cardTaskId = xmlField(xml, 'TaskId');
  if (!wecomUserId || buttonKey === null || !cardTaskId) return null;
  return { wecomUserId, buttonKey, cardTaskId, responseCode: xmlField(xml, 'ResponseCode') };
}

/** The key of the 签收 button on an assignment card. */
export const WECOM_ACK_BUTTON_KEY = '签收';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A card's task_id: WeCom wants it unique per app (letters, digits, _-@, at most 128), so the engine's
 * task id is followed by `@` and what makes this sending unique (e.g. the round).
 */
export function wecomCardTaskId(taskId: string, sending: string): string {
  return `${taskId}@${sending}`;
}

/** The engine's task id inside a card's task_id, or null when it holds none. */
export function taskIdOfWecomCard(cardTaskId: string): string | null {
  const taskId = cardTaskId.split('@')[0];
  return UUID.test(taskId) ? taskId.toLowerCase() : null;
}

/** The passive reply that replaces the clicked button with one line of text (`update_button`). */
export function updateButtonReply(toUser: string, corpId: string, createTime: number, replaceName: string): string {
  return (
    `<xml><ToUserName>${cdata(toUser)}</ToUserName><FromUserName>${cdata(corpId)}</FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType>${cdata('update_button')}</MsgType>` +
    `<Button><ReplaceName>${cdata(replaceName)}</ReplaceName></Button></xml>`
  );
}

/** The envelope of an encrypted reply. */
export function encryptedReply(encrypted: string, msgSignature: string, timestamp: string, nonce: string): string {
  return (
    `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(msgSignature)}</MsgSignature>` +
    `<TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`
  );
}
