/**
 * FIELDS(ALL), FIELDS(STANDARD) and FIELDS(CUSTOM) in a SELECT list: replaced by the object's fields of
 * that kind that the running user can read (FLS), in describe order. As in Salesforce, FIELDS(ALL) and
 * FIELDS(CUSTOM) need a LIMIT of at most 200 on their query level, FIELDS(STANDARD) does not, and a field
 * selected twice (`SELECT Id, FIELDS(ALL)`) is a duplicate field error.
 */
import type { SelectItem } from './parse';
import type { Scope } from './scope';

/** "The SOQL FIELDS function must have a LIMIT of at most 200" (the API's MALFORMED_QUERY message). */
export const MAX_FIELDS_LIMIT = 200;

const KINDS = new Set(['ALL', 'STANDARD', 'CUSTOM']);

/** The select list with every FIELDS() call replaced by the fields it stands for. */
export function expandFields(scope: Scope, items: SelectItem[], limit: number | undefined): SelectItem[] {
  const { env } = scope;
  const { text } = env;
  return items.flatMap((item): SelectItem[] => {
    if (item.kind !== 'expr' || item.expr.kind !== 'call' || item.expr.name !== 'FIELDS') return [item];
    const arg = item.expr.args[0];
    const kind = arg?.kind === 'field' && arg.path.length === 1 ? arg.path[0].toUpperCase() : '';
    if (item.expr.args.length !== 1 || !KINDS.has(kind)) {
      throw text.malformed('FIELDS() takes ALL, STANDARD or CUSTOM', item.text);
    }
    if (item.alias) throw text.malformed('FIELDS() cannot have an alias', item.alias);
    if (kind !== 'STANDARD' && (limit === undefined || limit > MAX_FIELDS_LIMIT)) {
      throw text.malformed(`The SOQL FIELDS function must have a LIMIT of at most ${MAX_FIELDS_LIMIT}`, item.text);
    }
    return [...scope.obj.fields.values()]
      .filter((f) => (kind === 'ALL' || f.model.custom === (kind === 'CUSTOM')) && env.readableField(f))
      .map((f) => ({ kind: 'expr', expr: { kind: 'field', path: [f.name], text: f.name }, text: f.name }));
  });
}
