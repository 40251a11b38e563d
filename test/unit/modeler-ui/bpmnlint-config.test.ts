// The modeler's browser lint config (static imports instead of bpmnlint's
// Node resolver) resolves every rule it enables and judges the reference
// processes as `npm run lint:bpmn` does.
import { readdirSync, readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { bpmnlintConfig } from '../../../modeler-ui/src/bpmn/bpmnlint-config.js';

const PROCESSES_DIR = new URL('../../../processes/', import.meta.url);

async function lint(xml: string) {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml);
  // A linter keeps rule state between runs, as bpmn-js-bpmnlint knows: one per lint.
  return new Linter(bpmnlintConfig).lint(rootElement);
}

const serviceTaskWithoutJobType = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="broken" isExecutable="true">
    <bpmn:startEvent id="Start" name="Bắt đầu"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_NoType" name="Không có loại công việc"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End" name="Kết thúc"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_NoType" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_NoType" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

describe('modeler bpmnlint config', () => {
  const files = readdirSync(PROCESSES_DIR).filter((file) => file.endsWith('.bpmn'));

  it.each(files)('finds nothing in processes/%s', async (file) => {
    expect(await lint(readFileSync(new URL(file, PROCESSES_DIR), 'utf8'))).toEqual({});
  });

  it('reports a service task without a job type, by the Camunda 8.6 rules', async () => {
    const findings = await lint(serviceTaskWithoutJobType);
    expect(findings['camunda-compat/implementation']?.map((finding) => finding.id)).toEqual([
      'Task_NoType',
    ]);
  });
});
