/**
 * A datetime feature's calendar parts in ONNX ops, as columnValues.datetimePart computes them in
 * UTC: the input is epoch milliseconds as a double (float32 would be minutes off today), and every
 * step is Floor/Div/Mul/Sub on doubles, exact for whole milliseconds (a quotient that is not a whole
 * number is at least 1 / divisor away from one, far beyond a double's rounding). The civil date is
 * Howard Hinnant's days-to-civil algorithm.
 */
import type { DatetimePart } from '../../prep/types';
import type { GraphBuilder } from './graph';
import { DataType } from './proto';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const TO_DOUBLE = { name: 'to', int: DataType.DOUBLE };

/** Double constants and the few ops the calendar needs. */
function ops(g: GraphBuilder) {
  const c = (v: number) => g.double('c', v);
  const add = (a: string, b: string | number) => g.op('Add', [a, typeof b === 'number' ? c(b) : b], 'add');
  const sub = (a: string, b: string | number) => g.op('Sub', [a, typeof b === 'number' ? c(b) : b], 'sub');
  const mul = (a: string, b: number) => g.op('Mul', [a, c(b)], 'mul');
  const floorDiv = (a: string, b: number) => g.op('Floor', [g.op('Div', [a, c(b)], 'div')], 'floor');
  const flag = (op: 'GreaterOrEqual' | 'LessOrEqual', a: string, b: number) => g.op('Cast', [g.op(op, [a, c(b)], 'cmp')], 'flag', [TO_DOUBLE]);
  return { c, add, sub, mul, floorDiv, flag };
}

/** The parts of `ms` (double [N, 1], no missing values) in order, each a double [N, 1]. */
export function datetimeParts(g: GraphBuilder, ms: string, parts: DatetimePart[]): string[] {
  const { c, add, sub, mul, floorDiv, flag } = ops(g);
  const day = floorDiv(ms, DAY_MS);
  let civil: { year: string; month: string } | null = null;
  const calendar = () => {
    if (civil) return civil;
    const z = add(day, 719_468);
    const era = floorDiv(z, 146_097);
    const doe = sub(z, mul(era, 146_097));
    const yoe = floorDiv(add(sub(doe, floorDiv(doe, 1_460)), sub(floorDiv(doe, 36_524), floorDiv(doe, 146_096))), 365);
    const doy = sub(doe, sub(add(mul(yoe, 365), floorDiv(yoe, 4)), floorDiv(yoe, 100)));
    const mp = floorDiv(add(mul(doy, 5), 2), 153);
    const month = sub(add(mp, 3), mul(flag('GreaterOrEqual', mp, 10), 12));
    const year = add(add(yoe, mul(era, 400)), flag('LessOrEqual', month, 2));
    return (civil = { year, month });
  };
  return parts.map((part) => {
    switch (part) {
      case 'days':
        return g.op('Div', [ms, c(DAY_MS)], 'days');
      case 'hour':
        return floorDiv(sub(ms, mul(day, DAY_MS)), HOUR_MS);
      case 'dayOfWeek': {
        // 1970-01-01 was a Thursday (4; Sunday = 0, as getUTCDay): (day + 4) mod 7, floored.
        const shifted = add(day, 4);
        return sub(shifted, mul(floorDiv(shifted, 7), 7));
      }
      case 'year':
        return calendar().year;
      case 'month':
        return calendar().month;
    }
  });
}
