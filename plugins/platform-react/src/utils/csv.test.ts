import { CsvColumn, downloadCsv, toCsv } from './csv';

interface Row {
  id: string;
  count: number;
  note?: string | null;
  ok: boolean;
}

const columns: CsvColumn<Row>[] = [
  { header: 'id', value: row => row.id },
  { header: 'count', value: row => row.count },
  { header: 'note', value: row => row.note },
  { header: 'ok', value: row => row.ok },
];

describe('toCsv', () => {
  it('writes a header line and CRLF-terminated records', () => {
    expect(toCsv([{ id: 'a', count: 1, note: 'x', ok: true }], columns)).toBe(
      'id,count,note,ok\r\na,1,x,true\r\n',
    );
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([], columns)).toBe('id,count,note,ok\r\n');
  });

  it('quotes commas, quotes and line breaks and doubles inner quotes', () => {
    const rows: Row[] = [
      { id: 'a,b', count: 0, note: 'say "hi"', ok: false },
      { id: 'line\nbreak', count: 2, note: 'cr\r\nlf', ok: true },
    ];
    expect(toCsv(rows, columns)).toBe(
      'id,count,note,ok\r\n' +
        '"a,b",0,"say ""hi""",false\r\n' +
        '"line\nbreak",2,"cr\r\nlf",true\r\n',
    );
  });

  it('leaves null and undefined cells empty and keeps spaces unquoted', () => {
    const rows: Row[] = [
      { id: ' padded ', count: 3, note: null, ok: true },
      { id: 'b', count: 4, ok: false },
    ];
    expect(toCsv(rows, columns)).toBe(
      'id,count,note,ok\r\n padded ,3,,true\r\nb,4,,false\r\n',
    );
  });

  it('quotes headers too and writes dates as ISO-8601', () => {
    const dateColumns: CsvColumn<{ at: Date }>[] = [
      { header: 'finished, UTC', value: row => row.at },
    ];
    expect(toCsv([{ at: new Date('2026-11-02T10:00:00Z') }], dateColumns)).toBe(
      '"finished, UTC"\r\n2026-11-02T10:00:00.000Z\r\n',
    );
  });
});

describe('toCsv against formula injection (OWASP)', () => {
  const one: CsvColumn<{ v: string | number }>[] = [
    { header: 'v', value: row => row.v },
  ];
  const cell = (v: string | number) => toCsv([{ v }], one).split('\r\n')[1];

  it.each([
    [
      '=HYPERLINK("http://evil.example","click")',
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    ],
    ['=1+2', "'=1+2"],
    ['+1+2', "'+1+2"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', `"'\r=1+2"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])('prefixes %j with a single quote', (value, expected) => {
    expect(cell(value)).toBe(expected);
  });

  it('leaves other text, and numbers, as they are', () => {
    expect(cell('a=1')).toBe('a=1');
    expect(cell(' =1')).toBe(' =1');
    expect(cell("'quoted")).toBe("'quoted");
    expect(cell(-3)).toBe('-3');
    expect(cell(0)).toBe('0');
  });

  it('neutralises headers too', () => {
    expect(toCsv([], [{ header: '=x', value: () => 1 }])).toBe("'=x\r\n");
  });
});

describe('downloadCsv', () => {
  it('clicks a download link holding the CSV and cleans up', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function fakeClick(this: HTMLAnchorElement) {
        expect(this.download).toBe('deployments.csv');
        expect(this.href).toBe('blob:csv');
      });

    downloadCsv('deployments', [{ id: 'a', count: 1, ok: true }], columns);

    expect(click).toHaveBeenCalledTimes(1);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:csv');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0].text()).toBe('id,count,note,ok\r\na,1,,true\r\n');
    click.mockRestore();
  });
});
