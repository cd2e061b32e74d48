/**
 * Bulk API 2.0 resources, as jsforce's `conn.bulk2` and the sf CLI use them:
 * `jobs/ingest` (create, list), `jobs/ingest/{id}` (info, close or abort, delete), `.../batches` (CSV upload),
 * `.../successfulResults`, `.../failedResults`, `.../unprocessedrecords`, and the same for `jobs/query`
 * with `.../results` paged by `Sforce-Locator`. Every resource names only the caller's own jobs, unless the
 * caller has Modify All Data or Manage Data Integrations (see JobStore).
 */
import type { IncomingMessage } from 'node:http';
import { BulkData } from '../bulk/data';
import { IngestJobs, type ResultKind } from '../bulk/ingest';
import { INTERRUPTED_MESSAGES, JobRunner, jobListPage } from '../bulk/jobs';
import { QueryJobs } from '../bulk/query';
import { bodyObject, noContent, ok, parseJsonBody, type ApiRequest, type OrgRuntime, type Reply } from './context';

type Handler = (org: OrgRuntime, req: ApiRequest) => Reply;

export interface BulkRoute {
  path: string;
  methods: Partial<Record<string, Handler>>;
}

const csv = (text: string, headers: Record<string, string> = {}): Reply => ({
  status: 200,
  body: text,
  headers: { 'Content-Type': 'text/csv', ...headers },
});

/** The `state` a PATCH body asks for. */
function requestedState(req: ApiRequest): unknown {
  return bodyObject(parseJsonBody(req.bodyText))?.state;
}

/** The jobs of one org and the runner that processes them in the background. */
export class BulkApi {
  private readonly runner = new JobRunner();
  readonly ingest: IngestJobs;
  readonly query: QueryJobs;
  /** Jobs that run a Bulk API 1.0 batch (set by the server): not listed as jobs of their own. */
  runsBulk1Batch: (jobId: string) => boolean = () => false;

  constructor(org: OrgRuntime) {
    const data = new BulkData(org.storage);
    data.recoverInterrupted(org.now(), INTERRUPTED_MESSAGES);
    this.ingest = new IngestJobs(org, this.runner, data);
    this.query = new QueryJobs(org, this.runner, data);
  }

  /**
   * Whether a request is an ingest upload, which the server leaves unread for `receiveUpload` to parse as it
   * arrives (a path spelt with escapes is read whole first, and uploaded through the route's PUT).
   */
  static isUpload(method: string | undefined, pathname: string): boolean {
    return method === 'PUT' && /^\/+services\/data\/[^/]+\/jobs\/ingest\/[^/]+\/batches\/?$/i.test(pathname);
  }

  /** `PUT jobs/ingest/{id}/batches`, read as it arrives. */
  async receiveUpload(req: ApiRequest, body: IncomingMessage): Promise<Reply> {
    await this.ingest.receive(this.ingest.store.get(req.ctx, req.params[0]), body);
    return { status: 201 };
  }

  /** Stops background processing (the org is closing). */
  close(): void {
    this.runner.close();
  }

  routes(): BulkRoute[] {
    const { ingest, query } = this;
    const results =
      (kind: ResultKind): Handler =>
      (_org, req) => ({
        status: 200,
        stream: ingest.results(ingest.store.get(req.ctx, req.params[0]), kind),
        headers: { 'Content-Type': 'text/csv' },
      });
    return [
      {
        path: 'jobs/ingest',
        methods: {
          POST: (_org, req) => ok(ingest.createdInfo(ingest.create(req.ctx, req.bodyText))),
          GET: (_org, req) => {
            const jobType = req.query.get('jobType');
            const jobs =
              jobType && jobType !== 'V2Ingest'
                ? []
                : ingest.store.list(req.ctx).filter((job) => !this.runsBulk1Batch(job.id));
            return ok(
              jobListPage(
                jobs.map((job) => ingest.listInfo(job)),
                req.query.get('queryLocator'),
                (locator) => `/services/data/v${req.ctx.apiVersion}/jobs/ingest?queryLocator=${locator}`,
              ),
            );
          },
        },
      },
      {
        path: 'jobs/ingest/:id',
        methods: {
          GET: (_org, req) => ok(ingest.info(ingest.store.get(req.ctx, req.params[0]))),
          PATCH: (_org, req) => {
            const job = ingest.store.get(req.ctx, req.params[0]);
            ingest.changeState(job, requestedState(req));
            return ok(ingest.shortInfo(job));
          },
          DELETE: (_org, req) => {
            ingest.remove(ingest.store.get(req.ctx, req.params[0]));
            return noContent();
          },
        },
      },
      {
        path: 'jobs/ingest/:id/batches',
        methods: {
          PUT: (_org, req) => {
            ingest.upload(ingest.store.get(req.ctx, req.params[0]), req.bodyText);
            return { status: 201 };
          },
        },
      },
      { path: 'jobs/ingest/:id/successfulResults', methods: { GET: results('successfulResults') } },
      { path: 'jobs/ingest/:id/failedResults', methods: { GET: results('failedResults') } },
      { path: 'jobs/ingest/:id/unprocessedrecords', methods: { GET: results('unprocessedrecords') } },
      {
        path: 'jobs/query',
        methods: {
          POST: (_org, req) => ok(query.createdInfo(query.create(req.ctx, req.bodyText))),
          GET: (_org, req) => {
            const jobType = req.query.get('jobType');
            const jobs =
              jobType && jobType !== 'V2Query'
                ? []
                : query.store.list(req.ctx).filter((job) => !this.runsBulk1Batch(job.id));
            return ok(
              jobListPage(
                jobs.map((job) => query.listInfo(job)),
                req.query.get('queryLocator'),
                (locator) => `/services/data/v${req.ctx.apiVersion}/jobs/query?queryLocator=${locator}`,
              ),
            );
          },
        },
      },
      {
        path: 'jobs/query/:id',
        methods: {
          GET: (_org, req) => ok(query.info(query.store.get(req.ctx, req.params[0]))),
          PATCH: (_org, req) => {
            const job = query.store.get(req.ctx, req.params[0]);
            query.changeState(job, requestedState(req));
            return ok(query.shortInfo(job));
          },
          DELETE: (_org, req) => {
            query.remove(query.store.get(req.ctx, req.params[0]));
            return noContent();
          },
        },
      },
      {
        path: 'jobs/query/:id/results',
        methods: {
          GET: (_org, req) => {
            const page = query.results(
              query.store.get(req.ctx, req.params[0]),
              req.query.get('locator'),
              req.query.get('maxRecords'),
            );
            return csv(page.csv, { 'Sforce-Locator': page.next, 'Sforce-NumberOfRecords': String(page.count) });
          },
        },
      },
    ];
  }
}
