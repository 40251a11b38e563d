// The reference procedures in processes/: each BPMN file deploys on the
// embedded engine and keeps to the contract between the models, the job
// workers and the officers' decision forms (processes/README.md); each
// element template describes one worker job type of that contract.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileDeployment } from '../../../engine/bpmn/compile.js';
import { USER_TASK_HEADERS, USER_TASK_JOB_TYPE } from '../../../engine/bpmn/compile-job.js';
import type { CompiledProcess, FlowNode, JobDefinition } from '../../../engine/bpmn/model.js';
import type { Expression } from '../../../engine/feel/expression.js';
import {
  createFormRegistry,
  parseFormRef,
  type JsonSchema,
} from '../../../server/plugins/app/forms/form-registry.js';

const PROCESSES_DIR = new URL('../../../processes/', import.meta.url);
const TEMPLATES_DIR = new URL('element-templates/', PROCESSES_DIR);
const TEMPLATE_SCHEMA =
  'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

// --- the contract (processes/README.md) -------------------------------------------

/** Worker job types and the variables each returns. */
const WORKER_OUTPUTS: Record<string, string[]> = {
  'dossier.check-completeness': ['complete', 'missing'],
  'dossier.receive': ['appointmentAt', 'receiptNumber'],
  'dossier.request-supplement': ['supplementDeadline'],
  'dossier.supplement-expired': [],
  'dossier.refuse': [],
  'dossier.start-processing': [],
  'dossier.request-fee': [],
  'dossier.issue-result': ['resultNumber'],
  'dossier.return-result': [],
  'dossier.apologize': ['appointmentAt'],
  'interagency.handover': [],
  notify: [],
};
const JOB_TYPES = Object.keys(WORKER_OUTPUTS);
const ROLES = ['reception', 'specialist', 'head_of_unit', 'leader', 'cashier'];
/** Task headers a job type needs, with the values allowed (null: any text). */
const REQUIRED_HEADERS: Record<string, Record<string, string[] | null>> = {
  'interagency.handover': { mode: ['send', 'reply'], targetProcedure: null },
  notify: { template: null, audience: ['applicant', ...ROLES] },
};
/** Variables of every instance from its start message. */
const START_VARIABLES = [
  'dossierId',
  'dossierCode',
  'procedureCode',
  'procedureVersion',
  'channel',
];
/** Variables of the messages the inter-agency worker publishes. */
const INTERAGENCY_VARIABLES = ['originDossierId', 'interagencyOpinion'];
/** Messages a running instance waits for, all keyed by its dossier. */
const CORRELATED_MESSAGES = ['dossier-supplemented', 'fee-paid', 'interagency-answer'];

// --- what is in the repository ----------------------------------------------------

interface ProcessFile {
  file: string;
  xml: string;
}

const bpmnFiles: ProcessFile[] = readdirSync(PROCESSES_DIR)
  .filter((name) => name.endsWith('.bpmn'))
  .sort()
  .map((file) => ({ file, xml: readFileSync(new URL(file, PROCESSES_DIR), 'utf8') }));

const catalogue: { file: string; bpmnProcessId: string }[] = readdirSync(PROCESSES_DIR)
  .filter((name) => name.endsWith('.procedure.json'))
  .sort()
  .map((file) => {
    const entry = JSON.parse(readFileSync(new URL(file, PROCESSES_DIR), 'utf8')) as {
      bpmnProcessId: string;
    };
    return { file, bpmnProcessId: entry.bpmnProcessId };
  });

interface TemplateProperty {
  id?: string;
  type?: string;
  value?: string | number | boolean;
  choices?: { name: string; value: string }[];
  binding: { type: string; property?: string; name?: string; source?: string; key?: string };
}

interface ElementTemplate {
  $schema?: unknown;
  id?: unknown;
  name?: unknown;
  appliesTo?: unknown;
  elementType?: { value?: unknown };
  properties?: TemplateProperty[];
}

const templateFiles: { file: string; text: string }[] = readdirSync(TEMPLATES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((file) => ({ file, text: readFileSync(new URL(file, TEMPLATES_DIR), 'utf8') }));

const templates = templateFiles.map(({ file, text }) => ({
  file,
  template: JSON.parse(text) as ElementTemplate,
}));

/** The job type a template binds (zeebe:taskDefinition type, or the older zeebe:taskDefinition:type). */
function templateJobType(template: ElementTemplate): unknown {
  const binding = template.properties?.find(
    (p) =>
      (p.binding.type === 'zeebe:taskDefinition' && p.binding.property === 'type') ||
      p.binding.type === 'zeebe:taskDefinition:type',
  );
  return binding?.value;
}

// --- decision forms ------------------------------------------------------------------

const registry = createFormRegistry();

/** Every field of every decision form, with its schema, by name. */
const decisionFields = new Map<string, JsonSchema[]>();
for (const summary of registry.list().filter((form) => form.kind === 'decision')) {
  const properties = (registry.get(summary.id)?.schema.properties ?? {}) as Record<
    string,
    JsonSchema
  >;
  for (const [name, schema] of Object.entries(properties)) {
    decisionFields.set(name, [...(decisionFields.get(name) ?? []), schema]);
  }
}

const workerOutputs = new Set(Object.values(WORKER_OUTPUTS).flat());

// --- compiled processes ------------------------------------------------------------------

function jobOf(node: FlowNode): JobDefinition | null {
  if (node.kind === 'jobTask') return node.job;
  if (node.kind === 'endEvent' || node.kind === 'intermediateThrowEvent') return node.job;
  return null;
}

const isUserTask = (job: JobDefinition): boolean => job.type.source === USER_TASK_JOB_TYPE;

interface Compiled {
  file: string;
  process: CompiledProcess;
}

let compiled: Compiled[] = [];

/** Worker jobs of every process: [file, node, job]. */
function workerJobs(): [string, FlowNode, JobDefinition][] {
  return compiled.flatMap(({ file, process }) =>
    [...process.elements.values()].flatMap((node): [string, FlowNode, JobDefinition][] => {
      const job = jobOf(node);
      return job && !isUserTask(job) ? [[file, node, job]] : [];
    }),
  );
}

function userTasks(): [string, FlowNode, JobDefinition][] {
  return compiled.flatMap(({ file, process }) =>
    [...process.elements.values()].flatMap((node): [string, FlowNode, JobDefinition][] => {
      const job = jobOf(node);
      return job && isUserTask(job) ? [[file, node, job]] : [];
    }),
  );
}

/** Every expression a process evaluates, but gateway conditions, named by where it is. */
function expressionsOf(process: CompiledProcess): [string, Expression][] {
  const found: [string, Expression][] = [];
  for (const node of process.elements.values()) {
    const at = (what: string) => `${process.bpmnProcessId} ${node.id} ${what}`;
    node.inputs.forEach((m) => found.push([at(`input ${m.target}`), m.source]));
    node.outputs.forEach((m) => found.push([at(`output ${m.target}`), m.source]));
    if (node.multiInstance) {
      found.push([at('inputCollection'), node.multiInstance.inputCollection]);
      if (node.multiInstance.outputElement) {
        found.push([at('outputElement'), node.multiInstance.outputElement]);
      }
    }
    const job = jobOf(node);
    for (const [header, expression] of Object.entries(job?.dynamicHeaders ?? {})) {
      found.push([at(header), expression]);
    }
    if (node.kind === 'scriptTask') found.push([at('script'), node.expression]);
    if ('event' in node && node.event.kind === 'timer') {
      found.push([at('timer'), node.event.timer.value]);
    }
    if ('event' in node && node.event.kind === 'message' && node.event.message.correlationKey) {
      found.push([at('correlationKey'), node.event.message.correlationKey]);
    }
  }
  return found;
}

/** Variables a process creates itself: local mappings, loop variables, script results. */
function localVariables(process: CompiledProcess): string[] {
  return [...process.elements.values()].flatMap((node) => [
    ...node.inputs.map((m) => m.target.split('.')[0]!),
    ...(node.multiInstance?.inputElement ? [node.multiInstance.inputElement] : []),
    ...(node.multiInstance?.outputCollection ? [node.multiInstance.outputCollection] : []),
    ...(node.kind === 'scriptTask' ? [node.resultVariable] : []),
  ]);
}

beforeAll(async () => {
  compiled = [];
  for (const { file, xml } of bpmnFiles) {
    for (const process of await compileDeployment(xml)) compiled.push({ file, process });
  }
});

describe('the reference processes in processes/', () => {
  it('holds a BPMN file for each reference procedure', () => {
    expect(bpmnFiles.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        'environmental-permit.bpmn',
        'groundwater-exploration-licence.bpmn',
        'water-opinion.bpmn',
        'water-resource-interagency.bpmn',
      ]),
    );
  });

  it.each(bpmnFiles)(
    '$file deploys on the embedded engine as one process named as the file',
    async ({ file, xml }) => {
      const processes = await compileDeployment(xml);
      expect(processes.map((p) => p.bpmnProcessId)).toEqual([file.replace(/\.bpmn$/, '')]);
      expect(processes[0]!.name).toBeTruthy();
    },
  );

  it.each(catalogue)(
    '$file names a process that is modelled here ($bpmnProcessId)',
    ({ bpmnProcessId }) => {
      expect(compiled.map((c) => c.process.bpmnProcessId)).toContain(bpmnProcessId);
    },
  );

  it('models no procedure outside the catalogue but inter-agency targets, and hands over only to processes held here', () => {
    const handovers = workerJobs().filter(
      ([, , job]) => job.type.source === 'interagency.handover',
    );
    const targets = handovers.map(([, , job]) => job.headers.targetProcedure);
    const sendTargets = handovers
      .filter(([, , job]) => job.headers.mode === 'send')
      .map(([, , job]) => job.headers.targetProcedure);
    const held = compiled.map((c) => c.process.bpmnProcessId);
    expect(sendTargets.length).toBeGreaterThan(0);
    for (const target of targets) expect(held).toContain(target);
    const catalogued = catalogue.map((entry) => entry.bpmnProcessId);
    for (const id of held) {
      expect(catalogued.includes(id) || sendTargets.includes(id), `${id} is not catalogued`).toBe(
        true,
      );
    }
  });

  it('starts each process only by the message dossier-submitted.<bpmnProcessId>', () => {
    for (const { process } of compiled) {
      const starts = process.scope.eventStartIds.map((id) => process.elements.get(id));
      expect(process.scope.noneStartId, process.bpmnProcessId).toBeNull();
      expect(starts, process.bpmnProcessId).toHaveLength(1);
      const [start] = starts;
      expect(start?.kind === 'startEvent' && start.event.kind === 'message').toBe(true);
      if (start?.kind === 'startEvent' && start.event.kind === 'message') {
        expect(start.event.message.name.source).toBe(`dossier-submitted.${process.bpmnProcessId}`);
      }
    }
  });

  it('waits only for the contract messages, each keyed by =dossierId', () => {
    let waits = 0;
    for (const { process } of compiled) {
      for (const node of process.elements.values()) {
        if (node.kind === 'startEvent' || !('event' in node)) continue;
        if (node.event.kind !== 'message') continue;
        waits++;
        const at = `${process.bpmnProcessId} ${node.id}`;
        expect(CORRELATED_MESSAGES, at).toContain(node.event.message.name.source);
        expect(node.event.message.correlationKey?.source, at).toBe('=dossierId');
      }
    }
    expect(waits).toBeGreaterThanOrEqual(4);
  });

  it('waits for a supplement with an event-based gateway: the message dossier-supplemented or the deadline', () => {
    for (const id of [
      'groundwater-exploration-licence',
      'environmental-permit',
      'water-resource-interagency',
    ]) {
      const process = compiled.find((c) => c.process.bpmnProcessId === id)!.process;
      const gateways = [...process.elements.values()].filter((n) => n.kind === 'eventBasedGateway');
      expect(gateways, id).toHaveLength(1);
      const events = gateways[0]!.outgoing.map((flowId) =>
        process.elements.get(process.flows.get(flowId)!.targetId)!,
      );
      const waits = events.map((event) =>
        'event' in event && event.event.kind === 'message'
          ? event.event.message.name.source
          : 'event' in event && event.event.kind === 'timer'
            ? event.event.timer.value.source
            : null,
      );
      expect(waits.sort(), id).toEqual(['=supplementDeadline', 'dossier-supplemented']);
    }
  });

  it('runs only the contract job types, with 3 retries and the headers each job type needs', () => {
    const jobs = workerJobs();
    expect(jobs.length).toBeGreaterThan(20);
    for (const [file, node, job] of jobs) {
      const at = `${file} ${node.id}`;
      expect(job.type.isStatic, at).toBe(true);
      expect(JOB_TYPES, at).toContain(job.type.source);
      expect(job.retries.source, at).toBe('3');
      for (const [key, allowed] of Object.entries(REQUIRED_HEADERS[job.type.source] ?? {})) {
        const value = job.headers[key];
        expect(value, `${at} header ${key}`).toBeTruthy();
        if (allowed) expect(allowed, `${at} header ${key}`).toContain(value);
      }
    }
  });

  it('escalates and apologises with non-interrupting timers on the appraisal', () => {
    const boundaryJobs = (id: string) => {
      const process = compiled.find((c) => c.process.bpmnProcessId === id)!.process;
      const boundaries = [...process.elements.values()].filter(
        (n) => n.kind === 'boundaryEvent' && n.attachedToId === 'Task_Appraisal',
      );
      return boundaries.map((boundary) => {
        expect(boundary.kind === 'boundaryEvent' && !boundary.cancelActivity).toBe(true);
        const next = process.elements.get(process.flows.get(boundary.outgoing[0]!)!.targetId)!;
        return jobOf(next)?.type.source;
      });
    };
    expect(boundaryJobs('groundwater-exploration-licence')).toEqual(['dossier.apologize']);
    expect(boundaryJobs('environmental-permit')).toEqual(['notify']);
  });

  it('asks every unit for its opinion at once in the environmental permit', () => {
    const process = compiled.find(
      (c) => c.process.bpmnProcessId === 'environmental-permit',
    )!.process;
    const opinions = process.elements.get('Task_UnitOpinions')!;
    expect(opinions.multiInstance).toMatchObject({
      sequential: false,
      inputElement: 'unitCode',
      outputCollection: 'opinions',
    });
    expect(opinions.multiInstance?.inputCollection.source).toBe('=unitCodes');
    expect(opinions.multiInstance?.outputElement?.source).toBe('=unitPosition');
    // The unit's answer stays in its own instance until outputElement collects it.
    expect(opinions.inputs.map((m) => m.target)).toContain('unitPosition');
  });
});

describe('user tasks of the reference processes', () => {
  it('are job-based user tasks of a decision form, for a role', () => {
    const tasks = userTasks();
    expect(tasks.length).toBeGreaterThan(10);
    for (const [file, node, job] of tasks) {
      const at = `${file} ${node.id}`;
      const formKey = job.headers[USER_TASK_HEADERS.formKey];
      expect(formKey, `${at} formKey`).toBeTruthy();
      const ref = parseFormRef(formKey ?? '');
      expect(ref, `${at} formKey '${formKey}'`).not.toBeNull();
      const form = registry.get(ref!.id, ref!.version);
      expect(form, `${at}: no form '${formKey}' in forms/`).toBeDefined();
      expect(form?.kind, at).toBe('decision');
      const groups = JSON.parse(job.headers[USER_TASK_HEADERS.candidateGroups] ?? '[]') as string[];
      expect(groups.length, `${at} candidateGroups`).toBeGreaterThan(0);
      for (const group of groups) expect(ROLES, at).toContain(group);
    }
  });

  it('are due by a date computed from the appointment, once the dossier is received', () => {
    const catalogued = catalogue.map((entry) => entry.bpmnProcessId);
    let checked = 0;
    for (const [file, node, job] of userTasks()) {
      const at = `${file} ${node.id}`;
      const due = job.dynamicHeaders[USER_TASK_HEADERS.dueDate];
      // The reception check comes before the appointment exists.
      if (node.id === 'Task_Reception') {
        expect(due, at).toBeUndefined();
        continue;
      }
      expect(due, `${at} dueDate`).toBeDefined();
      if (catalogued.includes(file.replace(/\.bpmn$/, ''))) {
        expect(due?.variableNames, at).toEqual(['appointmentAt']);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});

describe('variables the reference processes read', () => {
  /** Literal values compared in a condition: `name = "value"` or `name = true`. */
  function comparisons(source: string): [string, string | boolean][] {
    return [...source.matchAll(/([A-Za-z_$][\w$]*)\s*=\s*(?:"([^"]*)"|(true|false)\b)/g)].map(
      (m) => [m[1]!, m[2] ?? m[3] === 'true'],
    );
  }

  it('gateway conditions test decision form fields or worker outputs, against values they can hold', () => {
    let conditions = 0;
    for (const { process } of compiled) {
      for (const flow of process.flows.values()) {
        if (!flow.condition) continue;
        conditions++;
        const at = `${process.bpmnProcessId} ${flow.id} '${flow.condition.source}'`;
        expect(flow.condition.variableNames.length, at).toBeGreaterThan(0);
        for (const name of flow.condition.variableNames) {
          expect(decisionFields.has(name) || workerOutputs.has(name), `${at}: ${name}`).toBe(true);
        }
        for (const [name, value] of comparisons(flow.condition.source)) {
          const schemas = decisionFields.get(name) ?? [];
          const allowed = schemas.some((schema) =>
            typeof value === 'boolean'
              ? schema.type === 'boolean'
              : Array.isArray(schema.enum) && schema.enum.includes(value),
          );
          expect(allowed, `${at}: ${name} can never be ${JSON.stringify(value)}`).toBe(true);
        }
      }
    }
    expect(conditions).toBeGreaterThanOrEqual(10);
  });

  it('every other expression reads variables that the contract or the process provides', () => {
    for (const { process } of compiled) {
      const known = new Set([
        ...START_VARIABLES,
        ...INTERAGENCY_VARIABLES,
        ...workerOutputs,
        ...decisionFields.keys(),
        ...localVariables(process),
      ]);
      for (const [at, expression] of expressionsOf(process)) {
        for (const name of expression.variableNames) {
          expect(known.has(name), `${at} reads '${name}' ('${expression.source}')`).toBe(true);
        }
      }
    }
  });
});

describe('element templates in processes/element-templates/', () => {
  it.each(templateFiles)(
    '$file is an element template of one worker job type',
    ({ file, text }) => {
      const template = JSON.parse(text) as ElementTemplate;
      expect(template.$schema).toBe(TEMPLATE_SCHEMA);
      expect(typeof template.id === 'string' && template.id.length > 0).toBe(true);
      expect(typeof template.name === 'string' && template.name.length > 0).toBe(true);
      expect(template.appliesTo).toEqual(['bpmn:Task']);
      expect(template.elementType?.value).toBe('bpmn:ServiceTask');
      const type = templateJobType(template);
      expect(JOB_TYPES).toContain(type);
      expect(file).toBe(`${String(type)}.json`);
    },
  );

  it('has one template per job type of the contract, with distinct ids', () => {
    const types = templates.map(({ template }) => templateJobType(template));
    expect([...types].sort()).toEqual([...JOB_TYPES].sort());
    const ids = templates.map(({ template }) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('offers exactly the outputs and the headers of its job type', () => {
    for (const { file, template } of templates) {
      const type = String(templateJobType(template));
      const properties = template.properties ?? [];
      const outputs = properties
        .filter((p) => p.binding.type === 'zeebe:output')
        .map((p) => p.binding.source);
      expect(outputs.sort(), file).toEqual(WORKER_OUTPUTS[type]!.map((v) => `=${v}`).sort());
      const headers = properties.filter((p) => p.binding.type === 'zeebe:taskHeader');
      const required = REQUIRED_HEADERS[type] ?? {};
      expect(headers.map((p) => p.binding.key).sort(), file).toEqual(Object.keys(required).sort());
      for (const header of headers) {
        const allowed = required[header.binding.key!];
        if (allowed && header.choices) {
          expect(header.choices.map((c) => c.value).sort(), file).toEqual([...allowed].sort());
        }
      }
    }
  });

  it('covers every job type the reference processes use', () => {
    const covered = new Set(templates.map(({ template }) => templateJobType(template)));
    for (const [file, node, job] of workerJobs()) {
      expect(covered.has(job.type.source), `${file} ${node.id}: ${job.type.source}`).toBe(true);
    }
  });
});
