import { cardClickOf, taskIdOfWecomCard, updateButtonReply, wecomCardTaskId, xmlField } from './wecom-callback-message';

describe('WeCom callback messages', () => {
  it('reads a field from CDATA or plain text, and null when absent', () => {
    const xml = '<xml><A><![CDATA[a <b> c]]></A><B> 42 </B></xml>';
    expect(xmlField(xml, 'A')).toBe('a <b> c');
    expect(xmlField(xml, 'B')).toBe('42');
    expect(xmlField(xml, 'C')).toBeNull();
  });

  it('takes only template_card_event clicks', () => {
    const click =
      '<xml><FromUserName><![CDATA[u1]]></FromUserName><MsgType><![CDATA[event]]></MsgType>' +
      '<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[签收]]></EventKey><TaskId><![CDATA[t@1]]></TaskId></xml>';
    expect(cardClickOf(click)).toEqual({ wecomUserId: 'u1', buttonKey: '签收', cardTaskId: 't@1', responseCode: null });
    expect(cardClickOf(click.replace('template_card_event', 'enter_agent'))).toBeNull();
  });

  it('carries the engine task id in a card task_id and finds it again', () => {
    const taskId = '0b9a6c1e-5a4e-4f7e-9d7c-1a2b3c4d5e6f';
    expect(taskIdOfWecomCard(wecomCardTaskId(taskId, 'r2'))).toBe(taskId);
    expect(taskIdOfWecomCard('not-a-task@r2')).toBeNull();
  });

  it('keeps a reply’s text inside its CDATA even when the text holds ]]>', () => {
    const reply = updateButtonReply('u1', 'corp', 1, 'a]]>b');
    expect(reply).toContain('<MsgType><![CDATA[update_button]]></MsgType>');
    expect(reply).toContain('<ReplaceName><![CDATA[a]]]]><![CDATA[>b]]></ReplaceName>');
  });
});
