// The gRPC server of zeebe.proto's Gateway service. Each call is checked,
// handed to the commands, and answered with the status Zeebe would give.
import {
  Server,
  ServerCredentials,
  status,
  type ServerUnaryCall,
  type ServerWritableStream,
  type UntypedHandleCall,
  type sendUnaryData,
} from '@grpc/grpc-js';
import type { Commands } from '../processor/commands.js';
import type { ActivatedJob } from '../processor/job-activation.js';
import { EngineError } from '../processor/engine-error.js';
import { identityEncoding } from './identity-encoding.js';
import { JobDispatcher } from './job-dispatcher.js';
import { gatewayService } from './proto.js';
import { parseKey, parseVariables } from './variables-document.js';
import type { ResultWaiters } from './result-waiters.js';

type Req = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GATEWAY_VERSION = '8.8.0';
// A long poll with requestTimeout 0 waits this long, as Zeebe's gateway does.
const DEFAULT_LONG_POLL_MS = 10_000;
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface GatewayOptions {
  host: string;
  port: number;
  log: (level: 'warn' | 'error', message: string, error?: unknown) => void;
}

function toStatus(error: unknown, log: GatewayOptions['log']): { code: status; details: string } {
  if (error instanceof EngineError) return { code: status[error.code], details: error.message };
  log('error', 'gateway command failed', error);
  return { code: status.INTERNAL, details: 'Internal error in the embedded engine; see its log' };
}

function wireJob(job: ActivatedJob) {
  return {
    ...job,
    customHeaders: JSON.stringify(job.customHeaders ?? {}),
    variables: JSON.stringify(job.variables ?? {}),
    deadline: String(job.deadline),
    tenantId: '<default>',
  };
}

type WireJob = ReturnType<typeof wireJob>;

// Room in a response for what is not a job's strings (field tags, lengths, numbers).
const FIELD_OVERHEAD = 16;
const RESPONSE_OVERHEAD = 1024;

/**
 * Activated jobs in as many ActivateJobs responses as it takes for each to fit
 * the message limit (as Zeebe's gateway streams them); one response for all
 * could exceed it, fail, and leave every job activated for nobody.
 */
function responses(jobs: WireJob[]): WireJob[][] {
  const result: WireJob[][] = [];
  let current: WireJob[] = [];
  let size = RESPONSE_OVERHEAD;
  for (const job of jobs) {
    const jobSize = Object.values(job).reduce<number>(
      (n, value) => n + FIELD_OVERHEAD + (typeof value === 'string' ? Buffer.byteLength(value) : 0),
      FIELD_OVERHEAD,
    );
    if (current.length && size + jobSize > MAX_MESSAGE_BYTES) {
      result.push(current);
      current = [];
      size = RESPONSE_OVERHEAD;
    }
    current.push(job);
    size += jobSize;
  }
  if (current.length) result.push(current);
  return result;
}

export async function startGateway(
  commands: Commands,
  dispatcher: JobDispatcher,
  results: ResultWaiters,
  options: GatewayOptions,
): Promise<{ port: number; stop(): Promise<void> }> {
  const unary =
    <T>(handler: (request: Req) => Promise<T>) =>
    (call: ServerUnaryCall<Req, T>, callback: sendUnaryData<T>) => {
      handler(call.request).then(
        (response) => callback(null, response),
        (error: unknown) => callback(toStatus(error, options.log)),
      );
    };
  const deployed = async (request: Req, resources: { name: string; content: Buffer }[]) => {
    if (!resources.length)
      throw new EngineError(
        'INVALID_ARGUMENT',
        'Expected at least one resource to deploy, but none given',
      );
    for (const r of resources) {
      if (!/\.bpmn$|\.xml$/i.test(r.name)) {
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected to deploy BPMN resources ('*.bpmn'), but '${r.name}' is not one; decisions and forms are not supported by the embedded engine`,
        );
      }
    }
    void request;
    return commands.deploy(
      resources.map((r) => ({ name: r.name, content: Buffer.from(r.content).toString('utf8') })),
    );
  };
  const createRequest = (r: Req) => {
    if (r.startInstructions?.length) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        'Start instructions are not supported by the embedded engine',
      );
    }
    return {
      bpmnProcessId: String(r.bpmnProcessId ?? ''),
      processDefinitionKey: String(r.processDefinitionKey ?? '0'),
      version: Number(r.version ?? -1),
      variables: parseVariables(r.variables),
    };
  };

  // Known once bound (port 0 picks a free one).
  let boundPort = options.port;
  const handlers: Record<string, UntypedHandleCall> = {
    Topology: unary(async () => ({
      brokers: [
        {
          nodeId: 0,
          host: options.host,
          port: boundPort,
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
          version: GATEWAY_VERSION,
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: GATEWAY_VERSION,
    })),
    DeployResource: unary(async (r) => {
      const result = await deployed(r, r.resources ?? []);
      return {
        key: result.key,
        tenantId: '<default>',
        deployments: result.processes.map((p) => ({
          process: {
            bpmnProcessId: p.bpmnProcessId,
            version: p.version,
            processDefinitionKey: p.processDefinitionKey,
            resourceName: p.resourceName,
            tenantId: '<default>',
          },
        })),
      };
    }),
    DeployProcess: unary(async (r) => {
      const result = await deployed(
        r,
        (r.processes ?? []).map((p: Req) => ({ name: p.name, content: p.definition })),
      );
      return {
        key: result.key,
        processes: result.processes.map((p) => ({ ...p, tenantId: '<default>' })),
      };
    }),
    CreateProcessInstance: unary(async (r) => {
      const { definition, processInstanceKey } = await commands.createProcessInstance(
        createRequest(r),
      );
      return {
        processDefinitionKey: definition.key,
        bpmnProcessId: definition.bpmnProcessId,
        version: definition.version,
        processInstanceKey,
        tenantId: '<default>',
      };
    }),
    CreateProcessInstanceWithResult: unary(async (r) => {
      const timeoutMs = Number(r.requestTimeout ?? 0) || DEFAULT_LONG_POLL_MS;
      const { definition, processInstanceKey, result } =
        await commands.createProcessInstanceWithResult(
          createRequest(r.request ?? {}),
          (key) => results.expect(key),
          (key) => results.wait(key, timeoutMs),
        );
      const wanted: string[] = r.fetchVariables ?? [];
      const variables = wanted.length
        ? Object.fromEntries(Object.entries(result).filter(([name]) => wanted.includes(name)))
        : result;
      return {
        processDefinitionKey: definition.key,
        bpmnProcessId: definition.bpmnProcessId,
        version: definition.version,
        processInstanceKey,
        variables: JSON.stringify(variables),
        tenantId: '<default>',
      };
    }),
    CancelProcessInstance: unary(async (r) => {
      await commands.cancelProcessInstance(parseKey(r.processInstanceKey, 'processInstanceKey'));
      return {};
    }),
    ActivateJobs: (call: ServerWritableStream<Req, unknown>) => {
      const r = call.request;
      const request = jobRequest(r, Number(r.maxJobsToActivate ?? 0));
      if (!request.type) {
        failStream(
          call,
          status.INVALID_ARGUMENT,
          'Expected to activate jobs of a type, but no type given',
        );
        return;
      }
      if (request.max < 1) {
        failStream(
          call,
          status.INVALID_ARGUMENT,
          `Expected to activate at least 1 job, but maxJobsToActivate was '${request.max}'`,
        );
        return;
      }
      const requestTimeout = Number(r.requestTimeout ?? 0);
      let waiting: ((jobs: ActivatedJob[]) => void) | null = null;
      call.on('cancelled', () => {
        if (waiting) dispatcher.cancel(waiting);
      });
      const wait = requestTimeout < 0 ? 0 : requestTimeout || DEFAULT_LONG_POLL_MS;
      const activation = new Promise<ActivatedJob[]>((resolve, reject) => {
        waiting = resolve;
        dispatcher.activate(request, wait).then(resolve, reject);
      });
      activation.then(
        async (jobs) => {
          if (call.cancelled) {
            if (jobs.length) await commands.yieldJobs(jobs.map((j) => j.key));
            return;
          }
          for (const response of responses(jobs.map(wireJob))) call.write({ jobs: response });
          call.end();
        },
        (error: unknown) => {
          const { code, details } = toStatus(error, options.log);
          failStream(call, code, details);
        },
      );
    },
    StreamActivatedJobs: (call: ServerWritableStream<Req, unknown>) => {
      const request = jobRequest(call.request, 0);
      if (!request.type) {
        failStream(
          call,
          status.INVALID_ARGUMENT,
          'Expected to stream jobs of a type, but no type given',
        );
        return;
      }
      let open = true;
      const remove = dispatcher.addStream({
        ...request,
        closed: () => !open || call.cancelled,
        push: (job) => {
          if (!open || call.cancelled) return false;
          call.write(wireJob(job));
          return true;
        },
      });
      const close = () => {
        open = false;
        remove();
      };
      call.on('cancelled', close);
      call.on('close', close);
      call.on('error', close);
    },
    CompleteJob: unary(async (r) => {
      await commands.completeJob(parseKey(r.jobKey, 'jobKey'), parseVariables(r.variables));
      return {};
    }),
    FailJob: unary(async (r) => {
      await commands.failJob({
        jobKey: parseKey(r.jobKey, 'jobKey'),
        retries: Number(r.retries ?? 0),
        errorMessage: String(r.errorMessage ?? ''),
        retryBackOffMs: Number(r.retryBackOff ?? 0),
        variables: parseVariables(r.variables),
      });
      return {};
    }),
    ThrowError: unary(async (r) => {
      if (!r.errorCode)
        throw new EngineError('INVALID_ARGUMENT', 'Expected an errorCode, but none given');
      await commands.throwError({
        jobKey: parseKey(r.jobKey, 'jobKey'),
        errorCode: String(r.errorCode),
        errorMessage: String(r.errorMessage ?? ''),
        variables: parseVariables(r.variables),
      });
      return {};
    }),
    UpdateJobRetries: unary(async (r) => {
      await commands.updateJobRetries(parseKey(r.jobKey, 'jobKey'), Number(r.retries ?? 0));
      return {};
    }),
    UpdateJobTimeout: unary(async (r) => {
      await commands.updateJobTimeout(parseKey(r.jobKey, 'jobKey'), Number(r.timeout ?? 0));
      return {};
    }),
    PublishMessage: unary(async (r) => {
      if (!r.name)
        throw new EngineError('INVALID_ARGUMENT', 'Expected a message name, but none given');
      const key = await commands.publishMessage({
        name: String(r.name),
        correlationKey: String(r.correlationKey ?? ''),
        timeToLiveMs: Math.max(Number(r.timeToLive ?? 0), 0),
        messageId: String(r.messageId ?? ''),
        variables: parseVariables(r.variables),
      });
      return { key, tenantId: '<default>' };
    }),
    SetVariables: unary(async (r) => {
      const key = await commands.setVariables(
        parseKey(r.elementInstanceKey, 'elementInstanceKey'),
        parseVariables(r.variables),
        Boolean(r.local),
      );
      return { key };
    }),
    ResolveIncident: unary(async (r) => {
      await commands.resolveIncident(parseKey(r.incidentKey, 'incidentKey'));
      return {};
    }),
    BroadcastSignal: unary(async (r) => {
      if (!r.signalName)
        throw new EngineError('INVALID_ARGUMENT', 'Expected a signal name, but none given');
      const key = await commands.broadcastSignal(String(r.signalName), parseVariables(r.variables));
      return { key, tenantId: '<default>' };
    }),
  };

  const service = gatewayService();
  const implementation: Record<string, UntypedHandleCall> = {};
  for (const [name, method] of Object.entries(service)) {
    const handler = handlers[method.originalName ?? name] ?? handlers[name];
    implementation[name] =
      handler ??
      ((_call: unknown, callback: sendUnaryData<unknown>) =>
        callback({
          code: status.UNIMPLEMENTED,
          details: `${name} is not supported by motcua's embedded engine; use a Zeebe cluster for it`,
        }));
  }

  const server = new Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    // No channelz introspection: it tracks every call and nothing here reads it.
    'grpc.enable_channelz': 0,
    interceptors: [identityEncoding],
  });
  server.addService(service, implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      `${options.host}:${options.port}`,
      ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound)),
    ),
  );
  boundPort = port;
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        // Streams stay open until cancelled; give calls a moment, then force.
        const force = setTimeout(() => server.forceShutdown(), 2000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}

/**
 * Ends a server-streaming call with an error status. (`destroy(error)` would
 * skip the stream's end, and the client would never get a status.)
 */
function failStream(call: ServerWritableStream<Req, unknown>, code: status, details: string) {
  call.emit('error', Object.assign(new Error(details), { code, details }));
}

function jobRequest(r: Req, max: number) {
  return {
    type: String(r.type ?? ''),
    worker: String(r.worker ?? ''),
    timeoutMs: Math.max(Number(r.timeout ?? 0), 0),
    max,
    fetchVariable: (r.fetchVariable ?? []) as string[],
  };
}
