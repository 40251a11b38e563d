import { evaluate as evaluateFeel } from 'feelin';
import { describe, expect, it } from 'vitest';
import { toJsonValue } from '../../../engine/feel/feel-value.js';
import { camundaBuiltins } from '../../../engine/feel/camunda-builtins.js';
import {
  ExpressionError,
  compileExpression,
  compileFeel,
} from '../../../engine/feel/expression.js';

const evaluate = (source: string, variables: Record<string, unknown> = {}, now?: Date) =>
  compileExpression(source).evaluate(variables, { now });

describe('static values', () => {
  it('returns a value without `=` unchanged', () => {
    const expression = compileExpression('  hello = world ');
    expect(expression).toMatchObject({
      isStatic: true,
      variableNames: [],
      source: '  hello = world ',
    });
    expect(expression.evaluate({ hello: 1 })).toBe('  hello = world ');
  });

  it('treats `=` after leading whitespace as FEEL', () => {
    const expression = compileExpression('  = 1 + 1');
    expect(expression.isStatic).toBe(false);
    expect(expression.evaluate({})).toBe(2);
  });
});

describe('compileFeel', () => {
  it('accepts a body with or without `=`', () => {
    expect(compileFeel('amount > 100').evaluate({ amount: 150 })).toBe(true);
    expect(compileFeel('=amount > 100').evaluate({ amount: 50 })).toBe(false);
    expect(compileFeel('amount > 100').source).toBe('amount > 100');
  });
});

describe('syntax errors', () => {
  it.each(['=1 +', '=', '=a +* b', '=get or else(x'])('rejects %s at compile time', (source) => {
    expect(() => compileExpression(source)).toThrow(ExpressionError);
    expect(() => compileExpression(source)).toThrow(`'${source}'`);
  });

  it('reports the position of the error', () => {
    expect(() => compileFeel('a +* b')).toThrow("unexpected '* b' at position 4");
    expect(() => compileExpression('=a +* b')).toThrow('at position 5');
  });
});

describe('evaluation', () => {
  it('computes arithmetic', () => {
    expect(evaluate('=fee * 2 + 10 / 4', { fee: 100 })).toBe(202.5);
  });

  it('gives null for comparisons with null and for missing variables', () => {
    expect(evaluate('=x > 1', {})).toBeNull();
    expect(evaluate('=x', {})).toBeNull();
    expect(evaluate('=x = null', { x: null })).toBe(true);
    expect(evaluate('=x + 1', { x: null })).toBeNull();
    expect(evaluate('=1 < null')).toBeNull();
  });

  it('reads nested paths, null for a missing entry', () => {
    const variables = { applicant: { address: { province: 'Hà Nội' } } };
    expect(evaluate('=applicant.address.province', variables)).toBe('Hà Nội');
    expect(evaluate('=applicant.address.ward', variables)).toBeNull();
    expect(evaluate('=applicant.phone.mobile', variables)).toBeNull();
  });

  it('filters and maps lists', () => {
    const documents = [
      { type: 'cccd', valid: true, pages: 2 },
      { type: 'so-do', valid: false, pages: 5 },
    ];
    expect(evaluate('=documents[valid = true].type', { documents })).toEqual(['cccd']);
    expect(evaluate('=count(documents[pages > limit])', { documents, limit: 1 })).toBe(2);
    expect(evaluate('=for d in documents return d.pages * 2', { documents })).toEqual([4, 10]);
    expect(evaluate('=every d in documents satisfies d.pages > 0', { documents })).toBe(true);
  });

  it('builds contexts as plain objects', () => {
    expect(evaluate('={total: a + b, items: [a, b], nested: {ok: true}}', { a: 1, b: 2 })).toEqual({
      total: 3,
      items: [1, 2],
      nested: { ok: true },
    });
  });

  it('evaluates if-then-else and string functions', () => {
    expect(evaluate('=if amount > 1000 then "review" else "auto"', { amount: 5000 })).toBe(
      'review',
    );
    expect(evaluate('=upper case(substring(code, 1, 3))', { code: 'hcm-01' })).toBe('HCM');
  });

  it('fails with ExpressionError when the library throws', () => {
    const failing = compileExpression('=assert(x, x > 1)');
    expect(() => failing.evaluate({ x: 0 })).toThrow(ExpressionError);
  });
});

describe('variableNames', () => {
  it.each([
    ['=a.b + c', ['a', 'c']],
    ['=for x in items return x * 2', ['items']],
    ['=for i in 1..n, j in i..m return j', ['n', 'm']],
    ['=some x in xs satisfies x > limit', ['xs', 'limit']],
    ['=items[item > limit]', ['items', 'limit']],
    ['={a: 1, b: a + c}', ['c']],
    ['=(function(p) p + q)(1)', ['q']],
    ['=count(items) + sum(values)', ['items', 'values']],
    ['=x instance of number', ['x']],
    ['=`my var` + first name', ['my var', 'first name']],
    ['=get or else(a, b) + a', ['a', 'b']],
    ['=date("2024-01-01") + duration("P1D")', []],
  ])('%s reads %j', (source, names) => {
    expect(compileExpression(source).variableNames).toEqual(names);
  });

  it('passes only the named variables', () => {
    // A name the expression does not read cannot shadow a built-in.
    expect(evaluate('=count(items)', { items: [1, 2], count: 'not a function' })).toBe(2);
  });
});

describe('a bare name (answered without the FEEL library)', () => {
  const values: Record<string, unknown> = {
    text: '2024-01-01T00:00:00Z',
    number: 12.5,
    flag: false,
    nothing: null,
    nested: { items: [1, { a: 'b' }], when: '2024-01-01' },
  };
  it.each(['text', 'number', 'flag', 'nothing', 'nested', 'missing', 'count', 'now', ' text '])(
    '=%s answers as feelin does',
    (name) => {
      const context = { ...camundaBuiltins(new Date(0)), ...values };
      const expected = toJsonValue(evaluateFeel(name, context, 'camunda').value);
      expect(evaluate(`=${name}`, values, new Date(0))).toEqual(expected);
    },
  );

  it('gives the variable, not a built-in of the same name', () => {
    expect(evaluate('=now', { now: 'a variable' })).toBe('a variable');
  });

  it('answers a copy, so the result never shares the variable', () => {
    const variables = { nested: { list: [1] } };
    const result = evaluate('=nested', variables) as { list: number[] };
    result.list.push(2);
    expect(variables.nested.list).toEqual([1]);
  });
});

describe('remembered results', () => {
  it('answer each set of values on its own', () => {
    const condition = '=reviewDecision = "agree"';
    expect(evaluate(condition, { reviewDecision: 'agree' })).toBe(true);
    expect(evaluate(condition, { reviewDecision: 'send-back' })).toBe(false);
    expect(evaluate(condition, { reviewDecision: 'agree' })).toBe(true);
    expect(evaluate(condition, {})).toBe(false);
    const due = '=date and time(appointmentAt) - duration("P1D")';
    expect(evaluate(due, { appointmentAt: '2026-03-10T09:00:00Z' })).toBe('2026-03-09T09:00:00Z');
    expect(evaluate(due, { appointmentAt: '2026-03-11T09:00:00Z' })).toBe('2026-03-10T09:00:00Z');
  });

  it('tell a variable not given from one given as an empty text or null', () => {
    const text = '=string(x) + "|"';
    expect(evaluate(text, { x: '' })).toBe('|');
    expect(evaluate(text, {})).toBe(evaluate(text, { x: null }));
    expect(evaluate('=is defined(x)', { x: 'a' })).toBe(true);
    expect(evaluate('=is defined(x)', {})).toBe(false);
  });

  it('are never kept for what reads the clock', () => {
    const day = '=string(today())';
    expect(evaluate(day, {}, new Date('2026-03-10T09:00:00Z'))).toBe('2026-03-10');
    expect(evaluate(day, {}, new Date('2026-03-11T09:00:00Z'))).toBe('2026-03-11');
  });
});

describe('temporal values', () => {
  it('writes dates as yyyy-MM-dd', () => {
    expect(evaluate('=date("2024-01-31") + duration("P1M")')).toBe('2024-02-29');
  });

  it('writes date-times with their offset, a named zone as its offset', () => {
    expect(evaluate('=date and time("2024-03-01T08:30:00Z") + duration("P15D")')).toBe(
      '2024-03-16T08:30:00Z',
    );
    expect(evaluate('=date and time("2024-07-01T10:00:00@Europe/Berlin")')).toBe(
      '2024-07-01T10:00:00+02:00',
    );
    expect(evaluate('=date and time("2024-01-01T10:00:00@Asia/Ho_Chi_Minh")')).toBe(
      '2024-01-01T10:00:00+07:00',
    );
    expect(evaluate('=date and time("2024-01-01T10:00:00.5-03:30")')).toBe(
      '2024-01-01T10:00:00.5-03:30',
    );
    expect(evaluate('=date and time("2024-01-01T10:00:00")')).toBe('2024-01-01T10:00:00');
  });

  it('writes durations as Zeebe does', () => {
    expect(evaluate('=duration("PT36H")')).toBe('P1DT12H');
    expect(evaluate('=duration("P14M")')).toBe('P1Y2M');
    expect(evaluate('=duration("-PT90M")')).toBe('-PT1H30M');
    expect(evaluate('=duration("PT0S")')).toBe('P0D');
    expect(evaluate('=duration("P0M")')).toBe('P0Y');
    expect(evaluate('=date("2024-03-10") - date("2024-03-01")')).toBe('P9D');
  });

  it('compares a date variable given as a string after conversion', () => {
    expect(evaluate('=date(deadline) < date("2024-06-01")', { deadline: '2024-05-31' })).toBe(true);
  });
});

describe('Camunda built-ins', () => {
  it('is defined: false for a missing variable, a missing entry or null', () => {
    expect(evaluate('=is defined(x)', {})).toBe(false);
    expect(evaluate('=is defined(x.y)', { x: {} })).toBe(false);
    expect(evaluate('=is defined(x)', { x: null })).toBe(false);
    expect(evaluate('=is defined(x)', { x: 0 })).toBe(true);
  });

  it('get or else', () => {
    expect(evaluate('=get or else(x, "default")', {})).toBe('default');
    expect(evaluate('=get or else(x, "default")', { x: 'value' })).toBe('value');
    expect(evaluate('=get or else(null, null)')).toBeNull();
    expect(evaluate('=get or else(value: null, default: 1)')).toBe(1);
  });

  it('string join with 1, 2 and 4 arguments', () => {
    expect(evaluate('=string join(["a", "b"])')).toBe('ab');
    expect(evaluate('=string join(["a", null, "b"], ", ")')).toBe('a, b');
    expect(evaluate('=string join(["a", "b"], ", ", "[", "]")')).toBe('[a, b]');
    expect(evaluate('=string join(["a", "b"], null, "(", ")")')).toBe('(ab)');
    expect(evaluate('=string join(["a", 1], ", ")')).toBeNull();
  });

  it('now() and today() read the injected clock, in UTC', () => {
    const now = new Date('2024-05-06T23:08:09.010Z');
    expect(evaluate('=now()', {}, now)).toBe('2024-05-06T23:08:09.01Z');
    expect(evaluate('=today()', {}, now)).toBe('2024-05-06');
    expect(
      evaluate(
        '=now() + duration("PT1H") > date and time(due)',
        { due: '2024-05-07T00:00:00Z' },
        now,
      ),
    ).toBe(true);
  });

  it('now() falls back to the real time', () => {
    const before = Date.now();
    const now = Date.parse(evaluate('=now()') as string);
    expect(now).toBeGreaterThanOrEqual(before - 1);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('is empty', () => {
    expect(evaluate('=is empty([])')).toBe(true);
    expect(evaluate('=is empty([1])')).toBe(false);
    expect(evaluate('=is empty(x)', { x: 'text' })).toBeNull();
  });

  it('assert returns the value or fails with the cause', () => {
    expect(evaluate('=assert(x, x > 1)', { x: 2 })).toBe(2);
    expect(() => evaluate('=assert(x, x != null)', {})).toThrow('The condition is not fulfilled');
    expect(() => evaluate('=assert(x, x > 1, "x must exceed 1")', { x: 0 })).toThrow(
      'Failed to evaluate expression \'=assert(x, x > 1, "x must exceed 1")\': x must exceed 1',
    );
  });

  it('duplicate values', () => {
    expect(evaluate('=duplicate values([1, 2, 1, "1", 2, 3])')).toEqual([1, 2]);
    expect(
      evaluate('=duplicate values([{a: 1}, {a: 1}, date("2024-01-01"), "2024-01-01"])'),
    ).toEqual([{ a: 1 }]);
  });

  it('context put and context merge', () => {
    expect(evaluate('=context put(c, "b", 2)', { c: { a: 1 } })).toEqual({ a: 1, b: 2 });
    expect(evaluate('=context put(c, ["x", "y"], 2)', { c: { x: { y: 1 } } })).toEqual({
      x: { y: 2 },
    });
    expect(evaluate('=context merge([{a: 1}, {b: 2}, {a: 3}])')).toEqual({ a: 3, b: 2 });
  });

  it('day of week and last day of month', () => {
    expect(evaluate('=day of week(date("2024-09-02"))')).toBe('Monday');
    expect(evaluate('=last day of month(date("2024-02-10"))')).toBe('2024-02-29');
    expect(evaluate('=last day of month(date and time("2023-12-05T10:00:00Z"))')).toBe(
      '2023-12-31',
    );
  });

  it('from json and to json', () => {
    expect(evaluate('=from json(text)', { text: '{"a": [1, "x", null]}' })).toEqual({
      a: [1, 'x', null],
    });
    expect(evaluate('=from json("not json")')).toBeNull();
    expect(evaluate('=to json({d: date("2024-01-01"), p: duration("PT36H"), n: null})')).toBe(
      '{"d":"2024-01-01","p":"P1DT12H","n":null}',
    );
  });
});
