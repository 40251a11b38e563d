// Every standard job worker, one file per job type.
import apologize from './apologize.worker.js';
import checkCompleteness from './check-completeness.worker.js';
import interagencyHandover from './interagency-handover.worker.js';
import issueResult from './issue-result.worker.js';
import notify from './notify.worker.js';
import receive from './receive.worker.js';
import refuse from './refuse.worker.js';
import requestFee from './request-fee.worker.js';
import requestSupplement from './request-supplement.worker.js';
import returnResult from './return-result.worker.js';
import startProcessing from './start-processing.worker.js';
import supplementExpired from './supplement-expired.worker.js';
import type { WorkerDefinition } from './worker-kit.js';

export const STANDARD_WORKERS = [
  checkCompleteness,
  receive,
  requestSupplement,
  supplementExpired,
  refuse,
  startProcessing,
  requestFee,
  issueResult,
  returnResult,
  apologize,
  interagencyHandover,
  notify,
] as WorkerDefinition<unknown>[];
