/**
 * Salesforce formula syntax to an expression tree: literals ("text", 'text', 12.5, TRUE, FALSE, NULL),
 * field paths (`Field__c`, `Parent__r.Field__c`, `$User.Id`), function calls, the operators
 * `+ - * / ^ &`, comparisons (`= == != <> < <= > >=`), `&& || !`, parentheses and block comments.
 */

export type Node =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'field'; path: string[]; text: string }
  | { kind: 'call'; name: string; args: Node[]; text: string }
  | { kind: 'unary'; op: '-' | '+' | '!'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

/** A formula that does not parse; the message says where. */
export class FormulaSyntaxError extends Error {}

interface Token {
  kind: 'number' | 'text' | 'ident' | 'op' | 'end';
  value: string;
  at: number;
}

const OPERATORS = [
  '==',
  '!=',
  '<>',
  '<=',
  '>=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<',
  '>',
  '!',
  '(',
  ')',
  ',',
];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new FormulaSyntaxError(`unterminated comment at character ${i + 1}`);
      i = end + 2;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let value = '';
      let j = i + 1;
      while (j < source.length && source[j] !== ch) {
        if (source[j] === '\\' && j + 1 < source.length) {
          value += ESCAPES[source[j + 1]] ?? source[j + 1];
          j += 2;
        } else value += source[j++];
      }
      if (j >= source.length) throw new FormulaSyntaxError(`unterminated string at character ${i + 1}`);
      tokens.push({ kind: 'text', value, at: i });
      i = j + 1;
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: number[0], at: i });
      i += number[0].length;
      continue;
    }
    // Field paths are one token: `$User.Id`, `Partner_Account__r.Partner_Type__c`.
    const ident = /^\$?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(source.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', value: ident[0], at: i });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) throw new FormulaSyntaxError(`unexpected character '${ch}' at character ${i + 1}`);
    tokens.push({ kind: 'op', value: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', value: '', at: source.length });
  return tokens;
}

/** Binary operators by precedence level, loosest first. */
const LEVELS: string[][] = [
  ['||'],
  ['&&'],
  ['=', '==', '!=', '<>'],
  ['<', '<=', '>', '>='],
  ['+', '-', '&'],
  ['*', '/'],
];

class Parser {
  private position = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.position];
  }

  private next(): Token {
    return this.tokens[this.position++];
  }

  private isOp(value: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }

  private expect(value: string): void {
    const t = this.next();
    if (t.kind !== 'op' || t.value !== value) throw this.unexpected(t, `expected '${value}'`);
  }

  private unexpected(t: Token, expected: string): FormulaSyntaxError {
    const found = t.kind === 'end' ? 'end of formula' : `'${t.value}'`;
    return new FormulaSyntaxError(`${expected}, found ${found} at character ${t.at + 1}`);
  }

  parse(): Node {
    const node = this.binary(0);
    const t = this.peek();
    if (t.kind !== 'end') throw this.unexpected(t, 'expected an operator or the end of the formula');
    return node;
  }

  private binary(level: number): Node {
    if (level === LEVELS.length) return this.power();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !LEVELS[level].includes(t.value)) return left;
      this.next();
      left = { kind: 'binary', op: t.value, left, right: this.binary(level + 1) };
    }
  }

  private power(): Node {
    const base = this.unary();
    if (!this.isOp('^')) return base;
    this.next();
    return { kind: 'binary', op: '^', left: base, right: this.power() };
  }

  private unary(): Node {
    const t = this.peek();
    if (t.kind === 'op' && (t.value === '-' || t.value === '+' || t.value === '!')) {
      this.next();
      return { kind: 'unary', op: t.value, operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.next();
    if (t.kind === 'number') return { kind: 'number', value: Number(t.value) };
    if (t.kind === 'text') return { kind: 'text', value: t.value };
    if (t.kind === 'op' && t.value === '(') {
      const inner = this.binary(0);
      this.expect(')');
      return inner;
    }
    if (t.kind !== 'ident') throw this.unexpected(t, 'expected a value');
    const upper = t.value.toUpperCase();
    if (this.isOp('(')) {
      this.next();
      const args: Node[] = [];
      if (!this.isOp(')')) {
        args.push(this.binary(0));
        while (this.isOp(',')) {
          this.next();
          args.push(this.binary(0));
        }
      }
      this.expect(')');
      const text = this.source.slice(t.at, this.tokens[this.position - 1].at + 1);
      return { kind: 'call', name: upper, args, text };
    }
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
    if (upper === 'NULL') return { kind: 'null' };
    return { kind: 'field', path: t.value.split('.'), text: t.value };
  }
}

export function parseFormula(source: string): Node {
  return new Parser(source, tokenize(source)).parse();
}
