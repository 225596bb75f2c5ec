import { DomainError } from '@app/common';
import { addressCsvRowsOrThrow, parseAddressCsv } from './address-csv';

describe('parseAddressCsv', () => {
  it('reads rows after an optional header, with a BOM, CRLF, quotes and blank lines', () => {
    const csv = '\uFEFFusername,dingtalkUserId,wecomUserId,mobile\r\na,dd1,"Wx.1",+86 138 1234 5678\r\n\r\n"b",,,\r\n';
    expect(parseAddressCsv(csv)).toEqual({
      rows: [
        { line: 2, username: 'a', addresses: { dingtalkUserId: 'dd1', wecomUserId: 'Wx.1', mobile: '13812345678' } },
        { line: 4, username: 'b', addresses: { dingtalkUserId: null, wecomUserId: null, mobile: null } },
      ],
      problems: [],
    });
  });

  it('reports every bad row by its line', () => {
    const csv = [
      'a,dd1,w1,13812345678',
      'b,dd2,w 2,13812345678',
      'c,dd3,w3',
      ',dd4,w4,',
      'd,"dd5,w5,',
      'a,,,',
      'e,,,1234',
    ].join('\n');
    expect(parseAddressCsv(csv).problems.map((problem) => [problem.line, problem.field, problem.code])).toEqual([
      [2, 'wecomUserId', 'WECOM_USERID_INVALID'],
      [3, 'row', 'CSV_COLUMNS'],
      [4, 'username', 'USERNAME_REQUIRED'],
      [5, 'row', 'CSV_QUOTE'],
      [6, 'username', 'USERNAME_REPEATED'],
      [7, 'mobile', 'MOBILE_INVALID'],
    ]);
  });

  it('throws one error listing the rows, or for an empty file', () => {
    const error = (() => {
      try {
        addressCsvRowsOrThrow(parseAddressCsv('a,,,1\nb,,,2'));
      } catch (caught) {
        return caught as DomainError;
      }
    })();
    expect([error?.code, error?.details.line, (error?.details.rows as unknown[]).length]).toEqual([
      'CSV_ROWS_INVALID',
      1,
      2,
    ]);
    expect(() => addressCsvRowsOrThrow(parseAddressCsv('username,dingtalkUserId,wecomUserId,mobile\n'))).toThrow(
      expect.objectContaining({ code: 'CSV_EMPTY' }),
    );
  });
});
