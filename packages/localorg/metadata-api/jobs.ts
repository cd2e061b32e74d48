/**
 * The org's deploy and retrieve jobs. deploy() and retrieve() answer at once with the job's Id; the job runs
 * in the background, one deploy at a time in the order they came (as Salesforce queues deployments), and
 * checkDeployStatus / checkRetrieveStatus read its progress and result. Jobs live in memory: a restarted
 * org has none, and their Ids answer "invalid cross reference id".
 */
import type { ForceAppModel } from '@partner-planning/model';
import { makeId } from '../ids';
import type { OrgRuntime } from '../rest/context';
import { applyDeploy } from './apply';
import { prepareDeploy, type DeployRequestOptions } from './deploy';
import { retrieveZip, type PackageType, type Stamp } from './inventory';
import type { DeployResult, RetrieveResult } from './results';

interface DeployJob {
  result: DeployResult;
  zip: Buffer;
  options: DeployRequestOptions;
}

export interface OrgProjectAccess {
  /** The project root the org compiles its schema from. */
  root: string;
  /** Reads a project as the org does (with its org-level additions). */
  loadModel(root: string): ForceAppModel;
}

export class MetadataJobs {
  private readonly deploys = new Map<string, DeployJob>();
  private readonly retrieves = new Map<string, RetrieveResult>();
  private queue: Promise<void> = Promise.resolve();
  private counter = 0;

  constructor(
    private readonly org: OrgRuntime,
    readonly project: OrgProjectAccess,
  ) {}

  /** Queues a deploy; answers its Id. */
  deploy(zip: Buffer, options: DeployRequestOptions, stamp: Stamp): string {
    const id = makeId('0Af', ++this.counter);
    const result: DeployResult = {
      id,
      status: 'Pending',
      done: false,
      success: false,
      checkOnly: options.checkOnly,
      ignoreWarnings: options.ignoreWarnings,
      rollbackOnError: options.rollbackOnError,
      runTestsEnabled: options.runTests,
      createdBy: stamp.userId,
      createdByName: stamp.userName,
      createdDate: stamp.date,
      lastModifiedDate: stamp.date,
      numberComponentsTotal: 0,
      numberComponentsDeployed: 0,
      numberComponentErrors: 0,
      successes: [],
      failures: [],
    };
    const job = { result, zip, options };
    this.deploys.set(id, job);
    this.queue = this.queue.then(() => this.run(job));
    return id;
  }

  deployResult(id: string): DeployResult | undefined {
    return this.deploys.get(id)?.result;
  }

  /** Cancels a deploy that has not started; answers false when it already finished or is running. */
  cancel(id: string, stamp: Stamp): boolean {
    const job = this.deploys.get(id);
    if (!job || job.result.status !== 'Pending') return false;
    Object.assign(job.result, {
      status: 'Canceled',
      done: true,
      canceledBy: stamp.userId,
      canceledByName: stamp.userName,
      completedDate: stamp.date,
      lastModifiedDate: stamp.date,
    });
    return true;
  }

  /** Quick deploy: deploys again what a successful validation (checkOnly) validated. */
  deployValidated(validationId: string, stamp: Stamp): string | undefined {
    const job = this.deploys.get(validationId);
    if (!job || job.result.status !== 'Succeeded' || !job.options.checkOnly) return undefined;
    return this.deploy(job.zip, { ...job.options, checkOnly: false }, stamp);
  }

  private async run(job: DeployJob): Promise<void> {
    const { result } = job;
    if (result.status === 'Canceled') return;
    const now = (): string => this.org.now().toISOString();
    Object.assign(result, { status: 'InProgress', startDate: now(), lastModifiedDate: now() });
    try {
      const outcome = await prepareDeploy(job.zip, job.options, this.project.root, this.project.loadModel);
      const compiled = outcome.model && outcome.schema ? { model: outcome.model, schema: outcome.schema } : undefined;
      applyDeploy(this.org, this.project.root, outcome.changes, this.project.loadModel, compiled);
      const failed = outcome.failures.length > 0;
      const partial = failed && !job.options.rollbackOnError && !job.options.checkOnly && outcome.successes.length > 0;
      Object.assign(result, {
        successes: outcome.successes,
        failures: outcome.failures,
        numberComponentsTotal: outcome.successes.length + outcome.failures.length,
        numberComponentsDeployed: outcome.successes.length,
        numberComponentErrors: outcome.failures.length,
        status: failed ? (partial ? 'SucceededPartial' : 'Failed') : 'Succeeded',
        success: !failed || partial,
      });
    } catch (error) {
      // A failure of the local org itself: the deploy fails as a whole, and the developer sees why.
      console.error('localorg: deploy failed', error);
      Object.assign(result, {
        status: 'Failed',
        success: false,
        errorStatusCode: 'UNKNOWN_EXCEPTION',
        errorMessage: `An unexpected error occurred in the local org: ${(error as Error).message}`,
      });
    }
    Object.assign(result, { done: true, completedDate: now(), lastModifiedDate: now() });
  }

  /** Runs a retrieve; answers its Id (the zip is ready when checkRetrieveStatus asks). */
  retrieve(request: PackageType[], singlePackage: boolean, stamp: Stamp): string {
    const id = makeId('09S', ++this.counter);
    const pending: RetrieveResult = {
      id,
      done: false,
      status: 'InProgress',
      success: false,
      fileProperties: [],
      messages: [],
    };
    this.retrieves.set(id, pending);
    // Retrieves read the project: they wait for the deploys queued before them.
    this.queue = this.queue.then(async () => {
      try {
        this.retrieves.set(id, await retrieveZip(this.project.root, id, request, singlePackage, stamp));
      } catch (error) {
        console.error('localorg: retrieve failed', error);
        this.retrieves.set(id, {
          ...pending,
          done: true,
          status: 'Failed',
          errorStatusCode: 'UNKNOWN_EXCEPTION',
          errorMessage: `An unexpected error occurred in the local org: ${(error as Error).message}`,
        });
      }
    });
    return id;
  }

  retrieveResult(id: string): RetrieveResult | undefined {
    return this.retrieves.get(id);
  }

  /** checkStatus (the deprecated AsyncResult poll): any job's state. */
  state(id: string): { done: boolean; state: string } | undefined {
    const deploy = this.deploys.get(id)?.result;
    if (deploy) return { done: deploy.done, state: deploy.done ? 'Completed' : 'InProgress' };
    const retrieve = this.retrieves.get(id);
    if (retrieve) return { done: retrieve.done, state: retrieve.done ? 'Completed' : 'InProgress' };
    return undefined;
  }
}
