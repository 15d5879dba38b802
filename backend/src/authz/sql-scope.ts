import { rulesToAST } from '@casl/ability/extra';
import { type Action, type SubjectName } from '@werkpad/shared';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';

import { type AppAbility } from './policy.types';

/** The shape of the ucast condition tree that rulesToAST returns. */
interface AstNode {
  readonly operator: string;
  readonly value: unknown;
  readonly field?: string;
}

const COMPARISON: Readonly<Record<string, string>> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

export class UnsupportedConditionError extends Error {}

/**
 * Pushes the ability's rules for (action, subject) into the query's WHERE clause, so that a list
 * can never return a row the same ability would refuse (deny by default: no rule, no rows).
 * Only an allow-list of operators is translated; anything else throws instead of being misread
 * (the CASL `$not` pitfall). Column names come from the entity metadata, never from input.
 */
export function applyAbilityScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
): SelectQueryBuilder<T> {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  if (ast === null) return query.andWhere('1 = 0');
  const alias = query.alias;
  const metadata = query.expressionMap.mainAlias?.metadata;
  if (!metadata) throw new UnsupportedConditionError('The query has no entity to scope');
  let parameterIndex = 0;

  const column = (field: string | undefined, kind: 'scalar' | 'array' = 'scalar'): string => {
    const found = field ? metadata.findColumnWithPropertyPath(field) : undefined;
    if (!found) throw new UnsupportedConditionError(`No column for condition field "${String(field)}"`);
    if ((kind === 'array') !== found.isArray)
      throw new UnsupportedConditionError(
        `Condition field "${String(field)}" is ${found.isArray ? 'an array' : 'not an array'} column`,
      );
    return `"${alias}"."${found.databaseName}"`;
  };
  const parameter = (value: unknown): string => {
    const name = `casl_${parameterIndex++}`;
    query.setParameter(name, value);
    return name;
  };

  const toSql = (node: AstNode): string => {
    const children = Array.isArray(node.value) ? (node.value as AstNode[]) : [];
    switch (node.operator) {
      case 'and':
        return children.length === 0 ? '1 = 1' : `(${children.map(toSql).join(' AND ')})`;
      case 'or':
        return children.length === 0 ? '1 = 0' : `(${children.map(toSql).join(' OR ')})`;
      case 'not':
        return `NOT (${toSql(children[0] ?? (node.value as AstNode))})`;
      case 'in':
      case 'nin': {
        const values = node.value as unknown[];
        if (values.length === 0) return node.operator === 'in' ? '1 = 0' : '1 = 1';
        const sql = `${column(node.field)} = ANY(:${parameter(values)})`;
        return node.operator === 'in' ? sql : `NOT (${sql})`;
      }
      case 'all': {
        // `{ field: { $all: [a, b] } }` on an array column: the array contains every value (in
        // memory as in SQL). An empty list would match every row in CASL but none in MongoDB, so
        // it is refused rather than read one way or the other.
        const values = node.value as unknown[];
        if (!Array.isArray(values) || values.length === 0)
          throw new UnsupportedConditionError('Condition operator "all" needs at least one value');
        const target = column(node.field, 'array');
        return `(${values.map((value) => `:${parameter(value)} = ANY(${target})`).join(' AND ')})`;
      }
      default: {
        const operator = COMPARISON[node.operator];
        if (!operator)
          throw new UnsupportedConditionError(`Condition operator "${node.operator}" is not allowed`);
        if (node.value === null && (node.operator === 'eq' || node.operator === 'ne')) {
          return `${column(node.field)} IS ${node.operator === 'eq' ? '' : 'NOT '}NULL`;
        }
        return `${column(node.field)} ${operator} :${parameter(node.value)}`;
      }
    }
  };

  const sql = toSql(ast);
  return query.andWhere(new Brackets((where: WhereExpressionBuilder) => where.where(sql)));
}
