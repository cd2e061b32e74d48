/**
 * The metric catalog (custom metadata `Plan_Metric__mdt`): its GraphQL document, node shape and the
 * mapper to `Metric`. The selection is the `MetricFields` fragment.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import { readConnection, val, type UiapiData, type Value } from './graphqlShapes';
import type { Loadable, Metric } from './types';

/** A catalog entry as `MetricFields` selects it. */
export interface MetricNode {
  Id: string;
  DeveloperName: Value<string>;
  MasterLabel: Value<string>;
  Category__c: Value<string>;
  Unit__c: Value<string>;
  Sort_Order__c: Value<number>;
  Active__c: Value<boolean>;
  Source_Object__c: Value<string>;
  Filter__c: Value<string>;
  Description__c: Value<string>;
  Help_Text__c: Value<string>;
  Direction__c: Value<string>;
  Shape__c: Value<string>;
  Ahead_Threshold__c: Value<number>;
  Behind_Threshold__c: Value<number>;
}

export type MetricsData = UiapiData<'Plan_Metric__mdt', MetricNode>;

const METRIC_FIELDS = /* GraphQL */ `
  fragment MetricFields on Plan_Metric__mdt {
    Id
    DeveloperName {
      value
    }
    MasterLabel {
      value
    }
    Category__c {
      value
    }
    Unit__c {
      value
    }
    Sort_Order__c {
      value
    }
    Active__c {
      value
    }
    Source_Object__c {
      value
    }
    Filter__c {
      value
    }
    Description__c {
      value
    }
    Help_Text__c {
      value
    }
    Direction__c {
      value
    }
    Shape__c {
      value
    }
    Ahead_Threshold__c {
      value
    }
    Behind_Threshold__c {
      value
    }
  }
`;

/** The metric catalog (custom metadata), in catalog order. No variables. */
export const METRIC_CATALOG_QUERY: DocumentNode<MetricsData, Record<string, never>> = gql`
  query metricCatalog {
    uiapi {
      query {
        Plan_Metric__mdt(first: 200, orderBy: { Sort_Order__c: { order: ASC } }) {
          edges {
            node {
              ...MetricFields
            }
          }
        }
      }
    }
  }
  ${METRIC_FIELDS}
`;

function toMetric(node: MetricNode): Metric {
  const name = val(node.DeveloperName) ?? '';
  return {
    name,
    label: val(node.MasterLabel) ?? name,
    category: val(node.Category__c),
    unit: val(node.Unit__c),
    sortOrder: val(node.Sort_Order__c),
    active: val(node.Active__c) !== false,
    sourceObject: val(node.Source_Object__c),
    filter: val(node.Filter__c),
    description: val(node.Description__c),
    helpText: val(node.Help_Text__c),
    direction: val(node.Direction__c),
    shape: val(node.Shape__c),
    aheadThreshold: val(node.Ahead_Threshold__c),
    behindThreshold: val(node.Behind_Threshold__c),
  };
}

export function readMetrics(result: GraphQLResult | undefined): Loadable<Metric[]> {
  return readConnection(result, 'Plan_Metric__mdt', toMetric);
}
