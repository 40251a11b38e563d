// Job definitions: `zeebe:taskDefinition` tasks and events, and Camunda 8
// job-based user tasks (job type io.camunda.zeebe:userTask, user task
// properties passed to the worker as io.camunda.zeebe:* headers).
import { compileExpression, type Expression } from '../feel/expression.js';
import { attributeExpression, requiredExpression } from './attribute-expression.js';
import { DeploymentError } from './deployment-error.js';
import type { JobDefinition } from './model.js';
import { extension, many, ref, text, type ModdleElement } from './moddle-element.js';
import { isDateTime } from './timer-syntax.js';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
export const USER_TASK_HEADERS = {
  assignee: 'io.camunda.zeebe:assignee',
  candidateGroups: 'io.camunda.zeebe:candidateGroups',
  candidateUsers: 'io.camunda.zeebe:candidateUsers',
  dueDate: 'io.camunda.zeebe:dueDate',
  followUpDate: 'io.camunda.zeebe:followUpDate',
  formKey: 'io.camunda.zeebe:formKey',
} as const;

const DEFAULT_RETRIES = '3';
// Zeebe creates job-based user task jobs with one retry.
const USER_TASK_RETRIES = '1';
const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

/** The job of an element with `zeebe:taskDefinition`; rejects the element without one. */
export function taskJob(element: ModdleElement, id: string): JobDefinition {
  const definition = extension(element, 'zeebe:TaskDefinition', id);
  if (!definition) {
    throw new DeploymentError(
      id,
      "Must have a 'zeebe:taskDefinition' extension element with a job type",
    );
  }
  return {
    type: requiredExpression(id, 'zeebe:taskDefinition type', text(definition, 'type')),
    retries: retriesExpression(id, text(definition, 'retries') ?? DEFAULT_RETRIES),
    headers: taskHeaders(element, id),
    dynamicHeaders: {},
  };
}

function retriesExpression(id: string, value: string): Expression {
  if (!value.startsWith('=') && !/^\d+$/.test(value)) {
    throw new DeploymentError(id, `zeebe:taskDefinition retries '${value}' is not a whole number`);
  }
  return attributeExpression(id, 'zeebe:taskDefinition retries', value);
}

/** `zeebe:taskHeaders`; like Zeebe, headers with an empty key or value are left out. */
function taskHeaders(element: ModdleElement, id: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const container = extension(element, 'zeebe:TaskHeaders', id);
  for (const header of container ? many(container, 'values') : []) {
    const key = text(header, 'key');
    const value = header.value;
    if (key !== null && typeof value === 'string' && value !== '') headers[key] = value;
  }
  return headers;
}

/** A job-based user task (the Modeler's "Job worker" implementation). */
export function userTaskJob(element: ModdleElement, id: string): JobDefinition {
  const job: JobDefinition = {
    type: compileExpression(USER_TASK_JOB_TYPE),
    retries: compileExpression(USER_TASK_RETRIES),
    headers: taskHeaders(element, id),
    dynamicHeaders: {},
  };
  const header = (
    name: string,
    attribute: string,
    value: string | null,
    check?: StaticCheck,
  ): void => {
    if (value === null) return;
    if (value.startsWith('=')) {
      job.dynamicHeaders[name] = attributeExpression(id, attribute, value);
      return;
    }
    job.headers[name] = check ? check(id, attribute, value) : value;
  };

  const assignment = extension(element, 'zeebe:AssignmentDefinition', id);
  if (assignment) {
    header(USER_TASK_HEADERS.assignee, 'assignee', text(assignment, 'assignee'));
    header(
      USER_TASK_HEADERS.candidateGroups,
      'candidateGroups',
      text(assignment, 'candidateGroups'),
      csvList,
    );
    header(
      USER_TASK_HEADERS.candidateUsers,
      'candidateUsers',
      text(assignment, 'candidateUsers'),
      csvList,
    );
  }
  const schedule = extension(element, 'zeebe:TaskSchedule', id);
  if (schedule) {
    header(USER_TASK_HEADERS.dueDate, 'dueDate', text(schedule, 'dueDate'), dateTime);
    header(
      USER_TASK_HEADERS.followUpDate,
      'followUpDate',
      text(schedule, 'followUpDate'),
      dateTime,
    );
  }
  const form = extension(element, 'zeebe:FormDefinition', id);
  if (form) {
    const formKey = text(form, 'formKey');
    const formId = text(form, 'formId');
    if (formKey !== null && formId !== null) {
      throw new DeploymentError(
        id,
        'zeebe:formDefinition must have either formKey or formId, not both',
      );
    }
    if (formKey !== null) {
      job.headers[USER_TASK_HEADERS.formKey] = embeddedFormKey(element, id, formKey);
    }
    // A linked form: the worker resolves the form id (static, or FEEL evaluated at job creation).
    header(USER_TASK_HEADERS.formKey, 'formId', formId);
  }
  return job;
}

type StaticCheck = (id: string, attribute: string, value: string) => string;

/** Static candidate groups/users: `a, b` → the header value Zeebe writes, `["a","b"]`. */
const csvList: StaticCheck = (id, attribute, value) => {
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new DeploymentError(
      id,
      `${attribute} '${value}' must be a list of comma-separated values, e.g. 'a,b,c'`,
    );
  }
  return JSON.stringify(items);
};

const dateTime: StaticCheck = (id, attribute, value) => {
  if (!isDateTime(value)) {
    throw new DeploymentError(
      id,
      `${attribute} '${value}' must be a valid date-time, e.g. '2025-03-02T15:35+07:00'`,
    );
  }
  return value;
};

/** `camunda-forms:bpmn:<id>` must name a `zeebe:userTaskForm` of the process. */
function embeddedFormKey(element: ModdleElement, id: string, formKey: string): string {
  if (!formKey.startsWith(EMBEDDED_FORM_PREFIX)) return formKey;
  const formId = formKey.slice(EMBEDDED_FORM_PREFIX.length);
  let process = element.$parent;
  while (process && process.$type !== 'bpmn:Process') process = process.$parent;
  const container = process ? ref(process, 'extensionElements') : null;
  const forms = container
    ? many(container, 'values').filter((v) => v.$type === 'zeebe:UserTaskForm')
    : [];
  if (!forms.some((form) => form.id === formId)) {
    throw new DeploymentError(
      id,
      `formKey '${formKey}' names no zeebe:userTaskForm with id '${formId}' in the process`,
    );
  }
  return formKey;
}
