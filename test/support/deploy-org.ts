/**
 * A local org that serves a temporary copy of this project without some force-app folders, so a test can deploy
 * them with the real sf CLI (`sf`, run from the repository) and watch a broken fixture fail (`brokenSf`, run from
 * test/fixtures/<fixture>). The repository is never written; `close` stops the org and removes the copy.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../packages/model';
import { startTestOrg, type TestOrg } from './localorg';
import { FIXTURES } from './project';
import { SfCli } from './sf-cli';

export interface DeployOrg {
  /** The org's copy of the project (its force-app is what the org serves). */
  project: string;
  org: TestOrg;
  sf: SfCli;
  brokenSf: SfCli;
  close(): Promise<void>;
}

export async function orgWithoutFolders(folders: string[], brokenFixture: string): Promise<DeployOrg> {
  const project = mkdtempSync(join(tmpdir(), 'localorg-deploy-org-'));
  cpSync(join(REPO_ROOT, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
  cpSync(join(REPO_ROOT, 'force-app'), join(project, 'force-app'), { recursive: true });
  for (const folder of folders) {
    rmSync(join(project, 'force-app', 'main', 'default', folder), { recursive: true, force: true });
  }
  const org = await startTestOrg({ forceAppRoot: project });
  const sf = new SfCli();
  const brokenSf = new SfCli({ cwd: join(FIXTURES, brokenFixture) });
  for (const cli of [sf, brokenSf]) await cli.login(org.org);
  return {
    project,
    org,
    sf,
    brokenSf,
    async close() {
      await org.close();
      for (const cli of [sf, brokenSf]) cli.close();
      rmSync(project, { recursive: true, force: true });
    },
  };
}
