/**
 * The formula engine on its own: every supported function and operator, Salesforce's null semantics,
 * and the compile-time errors, evaluated against fields of the localorg-formulas fixture's Deal__c.
 */
import { join } from 'node:path';
import { loadForceApp } from '../../packages/model';
import { compileFormula, FormulaCompileError, type Value } from '../../packages/localorg/formula/compile';
import { compileSchema, type ObjectSchema, type OrgSchema } from '../../packages/localorg/schema';
import type { SqlValue } from '../../packages/localorg/sql';
import { FIXTURES } from '../support/project';

let schema: OrgSchema;
let deal: ObjectSchema;
beforeAll(() => {
  schema = compileSchema(loadForceApp({ root: join(FIXTURES, 'localorg-formulas') }));
  deal = schema.objects.get('Deal__c')!;
});

const NOW = new Date('2026-06-15T10:30:00.000Z');

/** Evaluates `formula` on Deal__c with stored field values (and, for rules, prior values). */
function evaluate(
  formula: string,
  values: Record<string, SqlValue> = {},
  options: { prior?: Record<string, SqlValue>; blankAsZero?: boolean; isNew?: boolean } = {},
): Value {
  const compiled = compileFormula(schema, deal, formula, {
    context: 'validation',
    blankAsZero: options.blankAsZero ?? false,
    requireFormula: () => undefined,
  });
  const read = (record: Record<string, SqlValue>) =>
    compiled.inputs.map((input) => record[input.path.join('.')] ?? null);
  return compiled.evaluate({
    values: read(values),
    prior: options.prior ? read(options.prior) : undefined,
    isNew: options.isNew ?? false,
    now: NOW,
    userId: '005000000000001AAA',
  });
}

describe('operators', () => {
  it.each<[string, Value]>([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['2 ^ 3 ^ 2', 512],
    ['-Amount__c + 1', -99],
    ['+5 - 10 / 4', 2.5],
    ['7 / 0', null],
    ['"a" & "b" & Name', 'abDeal'],
    ['"x" + "y"', 'xy'],
    ['Amount__c = 100 && Name == "Deal"', true],
    ['Amount__c <> 100 || !Priority__c', true],
    ['Amount__c != 100', false],
    ['Name < "E" && Name >= "Deal"', true],
    ['Amount__c >= 100 && Amount__c <= 100 && Amount__c > 99 && Amount__c < 101', true],
    ['Close_Date__c + 1', '2026-03-01'],
    ['Close_Date__c - 28', '2026-01-31'],
    ['3 + Close_Date__c', '2026-03-03'],
    ['Close_Date__c - DATE(2026, 1, 1)', 58],
    ['Signed_At__c + 0.5', '2026-03-01T22:00:00.000Z'],
    ['Signed_At__c - 1', '2026-02-28T10:00:00.000Z'],
    ['NOW() - Signed_At__c', 106.02083333333333],
  ])('%s', (formula, expected) => {
    const values = {
      Name: 'Deal',
      Amount__c: 100,
      Priority__c: 0,
      Close_Date__c: '2026-02-28',
      Signed_At__c: '2026-03-01T10:00:00.000Z',
    };
    expect(evaluate(formula, values)).toEqual(expected);
  });
});

describe('functions', () => {
  const values = {
    Name: '  Big Deal  ',
    Amount__c: -1234.565,
    Cost__c: 7,
    Stage__c: 'Won',
    Close_Date__c: '2026-01-31',
    Signed_At__c: '2026-03-01T17:05:09.000Z',
  };
  it.each<[string, Value]>([
    ['ABS(Amount__c)', 1234.565],
    ['CEILING(2.1) + FLOOR(2.9)', 5],
    ['ROUND(Amount__c, 2)', -1234.57],
    ['ROUND(2.5, 0)', 3],
    ['MOD(Cost__c, 3)', 1],
    ['MAX(1, Cost__c, 3)', 7],
    ['MIN(1, Cost__c, -3)', -3],
    ['LEN(Name)', 12],
    ['LEN(Cost_Text__missing)', 'error'],
    ['UPPER(TRIM(Name))', 'BIG DEAL'],
    ['LOWER(Name)', '  big deal  '],
    ['LEFT(TRIM(Name), 3) & RIGHT(TRIM(Name), 2) & MID(TRIM(Name), 5, 2)', 'BigalDe'],
    ['CONTAINS(Name, "Deal") && BEGINS(TRIM(Name), "Big")', true],
    ['SUBSTITUTE(TRIM(Name), "Big", "Small")', 'Small Deal'],
    ['VALUE("12.5") + VALUE(" 2 ")', 14.5],
    ['VALUE("abc")', null],
    ['TEXT(Amount__c) & "|" & TEXT(Cost__c) & "|" & TEXT(Stage__c)', '-1234.565|7|Won'],
    ['TEXT(Close_Date__c) & " " & TEXT(Signed_At__c)', '2026-01-31 2026-03-01 17:05:09Z'],
    ['YEAR(Close_Date__c) * 10000 + MONTH(Close_Date__c) * 100 + DAY(Close_Date__c)', 20260131],
    ['DATE(2026, 2, 30)', null],
    ['ADDMONTHS(Close_Date__c, 1)', '2026-02-28'],
    ['ADDMONTHS(Close_Date__c, -13)', '2024-12-31'],
    ['DATEVALUE(Signed_At__c)', '2026-03-01'],
    ['TODAY()', '2026-06-15'],
    ['NOW()', '2026-06-15T10:30:00.000Z'],
    ['ISPICKVAL(Stage__c, "Won") && NOT(ISPICKVAL(Stage__c, "won"))', true],
    ['CASE(Stage__c, "Open", 1, "Won", 2, 0)', 2],
    ['CASE(Cost__c, 1, "one", 7, "seven", "other")', 'seven'],
    ['CASE(Cost__c, 1, "one", "other")', 'other'],
    ['IF(Cost__c > 5, "big", "small")', 'big'],
    ['IF(Cost__c > 5, NULL, 1)', null],
    ['AND(TRUE, Cost__c = 7, OR(FALSE, Amount__c < 0))', true],
    ['INCLUDES(Tags_missing__c, "x")', 'error'],
  ])('%s', (formula, expected) => {
    if (expected === 'error') expect(() => evaluate(formula, values)).toThrow(FormulaCompileError);
    else expect(evaluate(formula, values)).toEqual(expected);
  });
});

describe('blanks', () => {
  it('propagate through arithmetic and functions, or read as zero when the formula says so', () => {
    expect(evaluate('Amount__c - Cost__c', { Amount__c: 10 })).toBeNull();
    expect(evaluate('Amount__c - Cost__c', { Amount__c: 10 }, { blankAsZero: true })).toBe(10);
    expect(evaluate('ROUND(Cost__c, 0)', {})).toBeNull();
    expect(evaluate('YEAR(Close_Date__c)', {})).toBeNull();
    expect(evaluate('Close_Date__c + 1', {})).toBeNull();
  });

  it('make comparisons false (either way) but read as "" in text comparisons and concatenation', () => {
    expect(evaluate('Cost__c < 0', {})).toBe(false);
    expect(evaluate('Cost__c >= 0', {})).toBe(false);
    expect(evaluate('Cost__c = 0', {})).toBe(false);
    expect(evaluate('Cost__c != 0', {})).toBe(false);
    expect(evaluate('NOT(Cost__c < 0)', {})).toBe(true);
    expect(evaluate('Close_Date__c < TODAY()', {})).toBe(false);
    expect(evaluate('Name = ""', { Name: null })).toBe(true);
    expect(evaluate('"[" & Name & "]"', {})).toBe('[]');
    expect(evaluate('LEN(Name)', {})).toBe(0);
  });

  it('are tested by ISBLANK, ISNULL, BLANKVALUE, NULLVALUE and = NULL', () => {
    expect(evaluate('ISBLANK(Cost__c) && ISNULL(Name) && ISBLANK(Stage__c)', { Name: '' })).toBe(true);
    expect(evaluate('ISBLANK(Cost__c)', {}, { blankAsZero: true })).toBe(false);
    expect(evaluate('BLANKVALUE(Cost__c, 5) + NULLVALUE(Amount__c, 1)', { Amount__c: 2 })).toBe(7);
    expect(evaluate('BLANKVALUE(Name, "none")', { Name: '' })).toBe('none');
    expect(evaluate('Cost__c = NULL && NOT(Amount__c = NULL) && Amount__c <> NULL', { Amount__c: 1 })).toBe(true);
    expect(evaluate('Priority__c', {})).toBe(false);
  });
});

describe('record context', () => {
  it('ISNEW, ISCHANGED and PRIORVALUE compare with the stored record', () => {
    const prior = { Amount__c: 10, Name: 'a', Stage__c: 'Open' };
    expect(evaluate('ISNEW()', {}, { isNew: true })).toBe(true);
    expect(evaluate('ISCHANGED(Amount__c)', { Amount__c: 10 }, { prior })).toBe(false);
    expect(evaluate('ISCHANGED(Amount__c)', { Amount__c: 11 }, { prior })).toBe(true);
    expect(evaluate('ISCHANGED(Name)', { Name: 'A' }, { prior })).toBe(true);
    expect(evaluate('ISCHANGED(Cost__c)', { Cost__c: null }, { prior })).toBe(false);
    expect(evaluate('ISCHANGED(Stage__c)', { Stage__c: 'Won' }, { prior })).toBe(true);
    expect(evaluate('ISPICKVAL(PRIORVALUE(Stage__c), "Open")', { Stage__c: 'Won' }, { prior })).toBe(true);
    expect(evaluate('PRIORVALUE(Amount__c)', { Amount__c: 12 }, { prior })).toBe(10);
    // On create there is no prior record: nothing has changed, and PRIORVALUE is the current value.
    expect(evaluate('ISCHANGED(Amount__c)', { Amount__c: 12 }, { isNew: true })).toBe(false);
    expect(evaluate('PRIORVALUE(Amount__c)', { Amount__c: 12 }, { isNew: true })).toBe(12);
    expect(evaluate('$User.Id')).toBe('005000000000001AAA');
  });
});

describe('compile errors', () => {
  it.each([
    ['FOO(1)', 'Unknown function FOO. Check spelling.'],
    ['Nope__c + 1', 'Field Nope__c does not exist. Check spelling.'],
    ['Nope__r.Name', 'Field Nope__r does not exist. Check spelling.'],
    ['Amount__c + "x"', "Incorrect parameter type for operator '+'. Expected Number, received Text"],
    ['ROUND(1)', "Incorrect number of parameters for function 'ROUND()'. Expected 2, received 1"],
    ['AND()', "Incorrect number of parameters for function 'AND()'. Expected 1 or more, received 0"],
    ['IF(Cost__c, 1, 2)', "Incorrect parameter type for function 'IF()'. Expected Boolean, received Number"],
    ['IF(TRUE, 1, "a")', "Incorrect parameter type for function 'IF()'. Expected Number, received Text"],
    ['Stage__c & "x"', 'Field Stage__c is a picklist field. Picklist fields are only supported in certain functions.'],
    ['ISPICKVAL(Name, "x")', "Incorrect parameter type for function 'ISPICKVAL()'. Expected Picklist, received Text"],
    ['ISCHANGED(Account__r.Name)', 'Function ISCHANGED takes a field of the record itself'],
    ['CASE(Cost__c, 1, "a")', "Incorrect number of parameters for function 'CASE()'"],
    ['$Profile.Name', '$Profile.Name is not supported by the local org: only $User fields are'],
    ['1 +', 'Syntax error: expected a value, found end of formula at character 4'],
    ['"open', 'Syntax error: unterminated string at character 1'],
    ['1 2', 'Syntax error: expected an operator or the end of the formula'],
  ])('%s', (formula, message) => {
    expect(() => evaluate(formula)).toThrow(message);
  });
});
