/**
 * Report and Dashboard: the org's reports and dashboards as records (read-only), so that a client finds a
 * report's Id by its developer name (`SELECT Id FROM Report WHERE DeveloperName = '...'`) before running it
 * through the Analytics REST API. The platform writes them from the project's reports and dashboards.
 */
import type { ObjectModel } from '../types';
import { lookup, picklistField, standardObject, text } from './common';

const sys = { systemManaged: true };

export function analyticsObjects(): ObjectModel[] {
  return [
    standardObject(
      'Report',
      'Report',
      'Reports',
      '00O',
      'Read',
      false,
      {
        Name: text('Report Name', 40, { required: true, ...sys }),
        DeveloperName: text('Report Unique Name', 80, { required: true, ...sys }),
        FolderName: text('Folder Name', 255, sys),
        Description: text('Description', 255, sys),
        Format: picklistField('Format', ['Tabular', 'Summary', 'Matrix', 'MultiBlock'], { restricted: true, ...sys }),
        NamespacePrefix: text('Namespace Prefix', 15, sys),
        LastRunDate: { type: 'DateTime', label: 'Last Run', ...sys },
      },
      true,
    ),
    standardObject(
      'Dashboard',
      'Dashboard',
      'Dashboards',
      '01Z',
      'Read',
      false,
      {
        Title: text('Title', 80, { required: true, ...sys }),
        DeveloperName: text('Dashboard Unique Name', 80, { required: true, ...sys }),
        FolderName: text('Folder Name', 255, sys),
        Description: text('Description', 255, sys),
        Type: picklistField('Dashboard Running User', ['SpecifiedUser', 'LoggedInUser', 'MyTeamUser'], {
          restricted: true,
          ...sys,
        }),
        RunningUserId: lookup('Running User ID', 'User', 'RunningUser', sys),
        NamespacePrefix: text('Namespace Prefix', 15, sys),
      },
      true,
    ),
  ];
}
