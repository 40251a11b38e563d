// Prints the gzipped JavaScript each part of the web apps loads, from the
// Vite manifests, and fails the build when the citizen routes exceed their
// budget. Citizen routes = the portal's entry plus every lazily loaded page of
// the public and citizen areas, with what they import; the BPMN diagram viewer
// loads only on a dossier's progress view and is counted on its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CITIZEN_BUDGET_KB = 150;

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

function readManifest(app: string): Manifest {
  return JSON.parse(readFileSync(join(app, 'dist/.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The chunk keys loaded with `key`, following static imports only. */
function staticClosure(manifest: Manifest, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (into.has(key)) continue;
    into.add(key);
    staticClosure(manifest, manifest[key]?.imports ?? [], into);
  }
  return into;
}

function gzipKb(app: string, manifest: Manifest, keys: Iterable<string>): number {
  let bytes = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk?.file.endsWith('.js')) {
      bytes += gzipSync(readFileSync(join(app, 'dist', chunk.file))).length;
    }
  }
  return bytes / 1024;
}

function dynamicKeys(manifest: Manifest, keys: Iterable<string>): string[] {
  return [...keys].flatMap((key) => manifest[key]?.dynamicImports ?? []);
}

/** Every chunk `keys` can load, lazily or not, not entering chunks for which `stop` holds. */
function fullClosure(manifest: Manifest, keys: string[], stop: (key: string) => boolean) {
  const seen = staticClosure(manifest, keys);
  let lazy = dynamicKeys(manifest, seen).filter((key) => !seen.has(key) && !stop(key));
  while (lazy.length > 0) {
    staticClosure(manifest, lazy, seen);
    lazy = dynamicKeys(manifest, seen).filter((key) => !seen.has(key) && !stop(key));
  }
  return seen;
}

const portal = readManifest('portal-ui');
const entry = Object.keys(portal).filter((key) => portal[key]?.isEntry);
const initial = staticClosure(portal, entry);
const allPages = dynamicKeys(portal, initial);
const isCitizenPage = (key: string) => /^src\/(public|citizen|forms)\//.test(key);
const isViewer = (key: string) => key.includes('bpmn-js');

const citizen = fullClosure(
  portal,
  [...initial, ...allPages.filter(isCitizenPage)],
  (key) => isViewer(key) || (allPages.includes(key) && !isCitizenPage(key)),
);
const viewer = fullClosure(portal, dynamicKeys(portal, citizen).filter(isViewer), () => false);
for (const key of citizen) viewer.delete(key);

const officer = fullClosure(
  portal,
  allPages.filter((key) => !isCitizenPage(key)),
  isViewer,
);
for (const key of citizen) officer.delete(key);

const modeler = readManifest('modeler-ui');
const modelerAll = fullClosure(
  modeler,
  Object.keys(modeler).filter((key) => modeler[key]?.isEntry),
  () => false,
);

const rows: [string, number][] = [
  ['portal: first page (entry)', gzipKb('portal-ui', portal, initial)],
  ['portal: citizen routes (entry + public/citizen pages)', gzipKb('portal-ui', portal, citizen)],
  ['portal: diagram viewer (progress view only)', gzipKb('portal-ui', portal, viewer)],
  ['portal: officer and admin pages (beyond citizen)', gzipKb('portal-ui', portal, officer)],
  ['modeler: all', gzipKb('modeler-ui', modeler, modelerAll)],
];
console.log('\nJavaScript, gzipped:');
for (const [name, kb] of rows) console.log(`  ${name.padEnd(56)} ${kb.toFixed(1).padStart(7)} KB`);

const citizenKb = rows[1]![1];
if (citizenKb > CITIZEN_BUDGET_KB) {
  console.error(
    `\nCitizen routes load ${citizenKb.toFixed(1)} KB gzipped, over the ${CITIZEN_BUDGET_KB} KB budget.`,
  );
  process.exit(1);
}
console.log(`\nCitizen routes: ${citizenKb.toFixed(1)} KB of ${CITIZEN_BUDGET_KB} KB budget.`);
