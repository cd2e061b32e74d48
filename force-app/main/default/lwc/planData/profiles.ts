/**
 * Seasonal profiles (custom metadata `Seasonal_Profile__mdt`): how a year target splits over its fiscal
 * quarters (Q1..Q4 shares, percent of the year; months split their quarter's share evenly). Its GraphQL
 * document, node shape and the mapper to `SeasonalProfileRecord`, which has the shape of c/planYear's
 * `SeasonalProfile` (name, label, quarterShares) plus what the split dialog shows.
 */
import { gql, type DocumentNode, type GraphQLResult } from 'lightning/graphql';
import { readConnection, val, type UiapiData, type Value } from './graphqlShapes';
import type { Loadable } from './types';

/** A profile as `SEASONAL_PROFILES_QUERY` selects it. */
export interface SeasonalProfileNode {
  Id: string;
  DeveloperName: Value<string>;
  MasterLabel: Value<string>;
  Q1_Share__c: Value<number>;
  Q2_Share__c: Value<number>;
  Q3_Share__c: Value<number>;
  Q4_Share__c: Value<number>;
  Description__c: Value<string>;
  Sort_Order__c: Value<number>;
}

export type SeasonalProfilesData = UiapiData<'Seasonal_Profile__mdt', SeasonalProfileNode>;

/** A seasonal profile: c/planYear's SeasonalProfile with its description and sort order. */
export interface SeasonalProfileRecord {
  /** DeveloperName: what Split_Profile__c records. */
  // eslint-disable-next-line no-restricted-globals -- a property signature, not the global
  name: string;
  label: string;
  /** Percent of the year in each fiscal quarter (they sum to 100). */
  quarterShares: [number, number, number, number];
  description: string | null;
  sortOrder: number | null;
}

/** Every seasonal profile, in sort order. No variables. */
export const SEASONAL_PROFILES_QUERY: DocumentNode<SeasonalProfilesData, Record<string, never>> = gql`
  query seasonalProfiles {
    uiapi {
      query {
        Seasonal_Profile__mdt(first: 200, orderBy: { Sort_Order__c: { order: ASC } }) {
          edges {
            node {
              Id
              DeveloperName {
                value
              }
              MasterLabel {
                value
              }
              Q1_Share__c {
                value
              }
              Q2_Share__c {
                value
              }
              Q3_Share__c {
                value
              }
              Q4_Share__c {
                value
              }
              Description__c {
                value
              }
              Sort_Order__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

function toProfile(node: SeasonalProfileNode): SeasonalProfileRecord {
  const name = val(node.DeveloperName) ?? '';
  return {
    name,
    label: val(node.MasterLabel) ?? name,
    quarterShares: [
      val(node.Q1_Share__c) ?? 0,
      val(node.Q2_Share__c) ?? 0,
      val(node.Q3_Share__c) ?? 0,
      val(node.Q4_Share__c) ?? 0,
    ],
    description: val(node.Description__c),
    sortOrder: val(node.Sort_Order__c),
  };
}

export function readSeasonalProfiles(result: GraphQLResult | undefined): Loadable<SeasonalProfileRecord[]> {
  return readConnection(result, 'Seasonal_Profile__mdt', toProfile);
}
