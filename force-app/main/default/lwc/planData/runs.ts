/* eslint-disable no-restricted-globals -- the babel parser reports property signatures (name, status) as uses of globals */
/**
 * The rollup's run history (`Rollup_Run__c`, written by the rollup job): the GraphQL documents that read the
 * last successful run and the latest runs, their node shape and the mapper to `RollupRun`. The selection is
 * the `RunFields` fragment. Components use it to say how fresh the actuals are.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import { readConnection, val, type UiapiData, type Value } from './graphqlShapes';
import type { Loadable } from './types';

export type RollupRunStatus = 'Running' | 'Succeeded' | 'Partial' | 'Failed' | 'Skipped';

/** A rollup run, as components see it. */
export interface RollupRun {
  id: string;
  name: string;
  status: RollupRunStatus | null;
  /** ISO datetime: actuals include every change made before it. */
  startedAt: string | null;
  finishedAt: string | null;
  /** Failed metrics plus failed record writes. */
  failures: number | null;
}

/** A run as `RunFields` selects it. */
export interface RunNode {
  Id: string;
  Name: Value<string>;
  Status__c: Value<string>;
  Started_At__c: Value<string>;
  Finished_At__c: Value<string>;
  Failures__c: Value<number>;
}

export type RunsData = UiapiData<'Rollup_Run__c', RunNode>;

const RUN_FIELDS = /* GraphQL */ `
  fragment RunFields on Rollup_Run__c {
    Id
    Name {
      value
    }
    Status__c {
      value
    }
    Started_At__c {
      value
    }
    Finished_At__c {
      value
    }
    Failures__c {
      value
    }
  }
`;

/**
 * The last successful full or incremental run (a single-plan run does not refresh every plan): the time
 * actuals are as of. No variables.
 */
export const LAST_SUCCESSFUL_RUN_QUERY: DocumentNode<RunsData, Record<string, never>> = gql`
  query lastSuccessfulRollupRun {
    uiapi {
      query {
        Rollup_Run__c(
          where: { and: [{ Status__c: { eq: "Succeeded" } }, { Mode__c: { in: ["Full", "Incremental"] } }] }
          orderBy: { Started_At__c: { order: DESC } }
          first: 1
        ) {
          edges {
            node {
              ...RunFields
            }
          }
        }
      }
    }
  }
  ${RUN_FIELDS}
`;

/** The latest runs, newest first, without the Skipped ones (they did nothing): did the last one fail? */
export const RECENT_RUNS_QUERY: DocumentNode<RunsData, Record<string, never>> = gql`
  query recentRollupRuns {
    uiapi {
      query {
        Rollup_Run__c(where: { Status__c: { ne: "Skipped" } }, orderBy: { Started_At__c: { order: DESC } }, first: 5) {
          edges {
            node {
              ...RunFields
            }
          }
        }
      }
    }
  }
  ${RUN_FIELDS}
`;

function toRun(node: RunNode): RollupRun {
  return {
    id: node.Id,
    name: val(node.Name) ?? '',
    status: val(node.Status__c) as RollupRunStatus | null,
    startedAt: val(node.Started_At__c),
    finishedAt: val(node.Finished_At__c),
    failures: val(node.Failures__c),
  };
}

/** Runs from either run query. */
export function readRuns(result: GraphQLResult | undefined): Loadable<RollupRun[]> {
  return readConnection(result, 'Rollup_Run__c', toRun);
}
