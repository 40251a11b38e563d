// What the modeler starts from: the standard procedure template of
// processes/templates/ under a new process id and name, and the element
// templates of the job workers (processes/element-templates/).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROCESSES_DIR } from '../seed/demo-seed.js';

/** The process id and name the template file is written with, replaced on the way out. */
const TEMPLATE_PROCESS_ID = 'standard-procedure';
const TEMPLATE_PROCESS_NAME = 'Quy trình thủ tục hành chính mẫu';

/**
 * An XML NCName, restricted to ASCII: a letter or `_`, then letters, digits,
 * `_`, `-` or `.`. Safe as an XML id, in a message name and in a file name.
 */
export const PROCESS_ID_PATTERN = '^[A-Za-z_][A-Za-z0-9_.-]{0,99}$';

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"'\r\n\t]/g,
    (c) =>
      ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&apos;',
        '\r': '&#13;',
        '\n': '&#10;',
        '\t': '&#9;',
      })[c]!,
  );

export async function standardProcedureTemplate(
  processId: string,
  name: string,
  dir = PROCESSES_DIR,
): Promise<string> {
  if (!new RegExp(PROCESS_ID_PATTERN).test(processId)) {
    throw new TypeError(`not a process id: ${processId}`);
  }
  const xml = await readFile(join(dir, 'templates', `${TEMPLATE_PROCESS_ID}.bpmn`), 'utf8');
  return xml
    .replaceAll(TEMPLATE_PROCESS_ID, processId)
    .replace(`name="${TEMPLATE_PROCESS_NAME}"`, () => `name="${escapeXml(name)}"`);
}

/** Every element template, in file-name order. */
export async function elementTemplates(dir = PROCESSES_DIR): Promise<unknown[]> {
  const folder = join(dir, 'element-templates');
  const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(folder, f), 'utf8')) as unknown),
  );
}
