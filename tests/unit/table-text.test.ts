import { describe, expect, it } from 'vitest';
import { emptyTableHeaders } from '../../src/model/table-text';

describe('emptyTableHeaders', () => {
  it('names a header row with a blank first cell, the one axe reports as empty-table-header', () => {
    const md = ['Text', '', '| | http | https |', '|---|---|---|', '| v5 | a | b |'].join('\n');
    expect(emptyTableHeaders(md)).toEqual(['line 3: a table column has no header: | | http | https |']);
  });

  it('accepts a table whose every column is named, with or without outer pipes and alignment colons', () => {
    expect(emptyTableHeaders('| Library | http |\n|:---|---:|\n| a | b |')).toEqual([]);
    expect(emptyTableHeaders('Library | http\n--- | ---\na | b')).toEqual([]);
  });

  it('catches a blank cell in the middle or at the end as well', () => {
    expect(emptyTableHeaders('| a |  | c |\n|---|---|---|')).toHaveLength(1);
    expect(emptyTableHeaders('a | b |  |\n---|---|---')).toHaveLength(1);
  });

  it('ignores tables inside fenced code, where nothing renders as a table', () => {
    expect(emptyTableHeaders('```text\n| | x |\n|---|---|\n```')).toEqual([]);
  });
});
