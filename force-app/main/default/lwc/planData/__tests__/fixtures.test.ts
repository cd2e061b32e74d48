/**
 * The component-test fixtures (test/lwc-support/fixtures.ts) against c/planData's GraphQL documents.
 * At compile time: `emitGraphQL` takes only data of its document's result type, so a drifted fixture is a
 * type error (the `@ts-expect-error` lines fail `tsc` the day they stop being errors). At run time: each
 * builder produces exactly the fields its document selects, fragments expanded, so the TypeScript node
 * types and the GraphQL text cannot drift apart unnoticed either.
 */
import { Kind, parse, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import {
  ACCOUNT_PLANS_QUERY,
  ACCOUNT_TARGETS_QUERY,
  ACTIONS_SINCE_QUERY,
  COACHING_NOTES_QUERY,
  METRIC_CATALOG_QUERY,
  OPPORTUNITY_ACTIONS_QUERY,
  PAIR_TARGETS_QUERY,
  PARTNER_ACTIVE_PLANS_QUERY,
  PARTNER_ACTIVE_TARGETS_QUERY,
  PLAN_SECTIONS_QUERY,
  PLAN_TARGETS_QUERY,
  STALE_DEALS_QUERY,
} from 'c/planData';
import type { DocumentNode } from 'lightning/graphql';
import { documentSource, emitGraphQL, emitGraphQLErrors, graphQLVariables } from '@lwc-test/platform';
import {
  CATALOG,
  CUSTOMER,
  PLAN_ID,
  USERS,
  actionId,
  actionNode,
  metricNode,
  opportunityNode,
  planNode,
  sectionId,
  sectionNode,
  targetId,
  targetNode,
  targetWithPlanNode,
  uiapi,
  type TargetSpec,
} from '@lwc-test/fixtures';

/** A field tree: each selected (or present) field and what is selected under it. */
interface Tree {
  [field: string]: Tree;
}

/** The fields a document selects on its connection's nodes (`edges { node { ... } }`), fragments expanded. */
function nodeSelection(query: DocumentNode<unknown, unknown>): { objectName: string; fields: Tree } {
  const document = parse(documentSource(query));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const tree = (set: SelectionSetNode | undefined): Tree => {
    const out: Tree = {};
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) out[s.alias?.value ?? s.name.value] = tree(s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD) Object.assign(out, tree(fragments.get(s.name.value)?.selectionSet));
      else Object.assign(out, tree(s.selectionSet));
    }
    return out;
  };
  const full = tree(document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)?.selectionSet);
  const [objectName, connection] = Object.entries(full.uiapi.query)[0];
  return { objectName, fields: connection.edges.node };
}

/** The field tree of a fixture node (a primitive or null is a leaf). */
function keysOf(value: unknown): Tree {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, keysOf(inner)]));
}

// Every lookup filled, so that each parent record's fields are there to compare.
const FULL_TARGET: TargetSpec = {
  id: targetId(1),
  sectionId: sectionId(1),
  metric: 'Joint_Calls',
  aeId: USERS.ae.id,
  aeName: USERS.ae.name,
  pmId: USERS.pm.id,
  pmName: USERS.pm.name,
  targetAccountId: CUSTOMER.id,
  targetAccountName: CUSTOMER.name,
  planId: PLAN_ID,
};
const ACTION = actionNode({ id: actionId(1), actionType: 'Demo', actionDate: '2026-05-01' });

describe('component fixtures', () => {
  it.each([
    ['PLAN_SECTIONS_QUERY', PLAN_SECTIONS_QUERY, sectionNode({ id: sectionId(1), name: 'Sales' })],
    ['PLAN_TARGETS_QUERY', PLAN_TARGETS_QUERY, targetNode(FULL_TARGET)],
    ['PAIR_TARGETS_QUERY', PAIR_TARGETS_QUERY, targetWithPlanNode(FULL_TARGET)],
    ['ACCOUNT_TARGETS_QUERY', ACCOUNT_TARGETS_QUERY, targetWithPlanNode(FULL_TARGET)],
    ['PARTNER_ACTIVE_TARGETS_QUERY', PARTNER_ACTIVE_TARGETS_QUERY, targetWithPlanNode(FULL_TARGET)],
    ['ACCOUNT_PLANS_QUERY', ACCOUNT_PLANS_QUERY, planNode({ id: PLAN_ID })],
    ['PARTNER_ACTIVE_PLANS_QUERY', PARTNER_ACTIVE_PLANS_QUERY, planNode({ id: PLAN_ID })],
    ['METRIC_CATALOG_QUERY', METRIC_CATALOG_QUERY, metricNode(CATALOG[0])],
    ['ACTIONS_SINCE_QUERY', ACTIONS_SINCE_QUERY, ACTION],
    ['COACHING_NOTES_QUERY', COACHING_NOTES_QUERY, ACTION],
    ['OPPORTUNITY_ACTIONS_QUERY', OPPORTUNITY_ACTIONS_QUERY, ACTION],
    ['STALE_DEALS_QUERY', STALE_DEALS_QUERY, opportunityNode({ id: 'D', name: 'Deal', lastAprActionDate: null })],
  ])('build exactly the fields %s selects', (_name, query, node) => {
    expect(keysOf(node)).toEqual(nodeSelection(query).fields);
  });

  it('build the connection of the object each document queries', () => {
    expect(nodeSelection(PAIR_TARGETS_QUERY).objectName).toBe('Plan_Target__c');
    expect(Object.keys(uiapi('Plan_Target__c', [targetNode(FULL_TARGET)]).uiapi.query)).toEqual(['Plan_Target__c']);
  });

  it('do not compile when they drift from their document', () => {
    const target = targetNode(FULL_TARGET);
    // Type-level checks: each call below must stay a compile error. At run time no wire is connected.
    // @ts-expect-error the pair query selects each target's plan: a plan-less node has drifted
    emitGraphQL(PAIR_TARGETS_QUERY, uiapi('Plan_Target__c', [target]));
    // @ts-expect-error a node without a field its fragment selects
    emitGraphQL(PLAN_TARGETS_QUERY, uiapi('Plan_Target__c', [{ ...target, Weight__c: undefined }]));
    // @ts-expect-error a field of another type (Target_Value__c is a number)
    emitGraphQL(PLAN_TARGETS_QUERY, uiapi('Plan_Target__c', [{ ...target, Target_Value__c: { value: '100' } }]));
    // @ts-expect-error the connection of another object
    emitGraphQL(PLAN_SECTIONS_QUERY, uiapi('Plan_Target__c', [target]));
    // @ts-expect-error data that is not a UI API answer at all
    emitGraphQL(METRIC_CATALOG_QUERY, { records: [] });
    // @ts-expect-error a variable the document does not declare
    expect(graphQLVariables(PLAN_TARGETS_QUERY)?.accountId).toBeUndefined();
    // @ts-expect-error only documents are queries
    emitGraphQLErrors('planTargets', ['Nope']);

    // The same calls with fixtures that match compile.
    emitGraphQL(PLAN_TARGETS_QUERY, uiapi('Plan_Target__c', [target]));
    emitGraphQL(PAIR_TARGETS_QUERY, uiapi('Plan_Target__c', [targetWithPlanNode(FULL_TARGET)]));
    expect(graphQLVariables(PLAN_TARGETS_QUERY)?.planId).toBeUndefined();
  });
});
