import { describe, expect, it } from 'vitest';
import { roundDecimalsForDisplay, roundForDisplay } from './number';

describe('roundForDisplay', () => {
  it('shows a float32 score with four significant digits, not 17', () => {
    expect(roundForDisplay(0.3974151015281677)).toBe('0.3974');
    expect(roundForDisplay(42.12300109863281)).toBe('42.12');
    expect(roundForDisplay(-0.00012345678)).toBe('-0.0001235');
  });
  it('never drops digits of the integer part', () => {
    expect(roundForDisplay(123456.789)).toBe('123457');
    expect(roundForDisplay(0)).toBe('0');
    expect(roundForDisplay(Number.NaN)).toBe('NaN');
  });
  it('rounds long decimals inside a CSV preview line, leaving ids and short numbers', () => {
    expect(roundDecimalsForDisplay('17,test,1,0.14703470468521118,2019-01-11')).toBe('17,test,1,0.147,2019-01-11');
    expect(roundDecimalsForDisplay('row_index,score,3.5')).toBe('row_index,score,3.5');
  });
});
