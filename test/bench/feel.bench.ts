// Compares the two FEEL libraries on the expressions a BPMN process uses.
// Run: npx tsx test/bench/feel.bench.ts
import * as bpmnIo from '@bpmn-io/feelin';
import * as feelin from 'feelin';

interface FeelLibrary {
  name: string;
  parse(expression: string): unknown;
  evaluate(expression: string, variables: Record<string, unknown>): unknown;
}

const libraries: FeelLibrary[] = [
  {
    name: 'feelin',
    parse: (e) => feelin.parseExpression(e, {}, 'camunda'),
    evaluate: (e, v) => feelin.evaluate(e, v, 'camunda'),
  },
  {
    name: '@bpmn-io/feelin',
    parse: (e) => bpmnIo.parseExpression(e, {}, 'camunda'),
    evaluate: (e, v) => bpmnIo.evaluate(e, v, 'camunda'),
  },
];

const variables = {
  amount: 1250.5,
  fee: 30000,
  applicant: { name: 'Nguyễn Văn A', address: { province: 'Hà Nội' }, age: 34 },
  documents: [
    { type: 'cccd', valid: true, pages: 2 },
    { type: 'so-do', valid: false, pages: 5 },
    { type: 'giay-uy-quyen', valid: true, pages: 1 },
  ],
  status: 'submitted',
  submittedAt: '2024-03-01T08:30:00Z',
  dueDays: 15,
};

const expressions = [
  'amount * 1.1 + fee / 100',
  'applicant.age >= 18 and status = "submitted"',
  'upper case(applicant.name) + " - " + substring(status, 1, 3)',
  'applicant.address.province',
  'documents[valid = true].type',
  'count(documents[pages > 1])',
  'if amount > 1000 then "review" else "auto"',
  'date and time(submittedAt) + duration("P" + string(dueDays) + "D")',
  'date("2024-03-01") + duration("P1M") > date("2024-03-15")',
  'for d in documents return d.pages * 2',
];

/** Runs `fn` repeatedly for about `ms` milliseconds and returns operations per second. */
function opsPerSecond(fn: () => void, ms = 1000): number {
  for (let i = 0; i < 200; i++) fn(); // warm-up for the JIT
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 50; i++) fn();
    runs += 50;
    elapsed = performance.now() - start;
  }
  return (runs * 1000) / elapsed;
}

const format = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);

const results = libraries.map((library) => {
  // One operation = the whole representative set, reported per expression.
  const parse =
    opsPerSecond(() => expressions.forEach((e) => library.parse(e))) * expressions.length;
  const evaluate =
    opsPerSecond(() => expressions.forEach((e) => library.evaluate(e, variables))) *
    expressions.length;
  return { name: library.name, parse, evaluate };
});

console.log(
  `${expressions.length} expressions; ops/s per expression (evaluate includes the library's own parse)\n`,
);
console.log(
  `${'library'.padEnd(16)} ${'parse'.padStart(10)} ${'evaluate'.padStart(10)}  parse/evaluate`,
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(16)} ${format(r.parse)} ${format(r.evaluate)}  ${(r.parse / r.evaluate).toFixed(2)}`,
  );
}
const [a, b] = results as [(typeof results)[number], (typeof results)[number]];
console.log(
  `\n${a.name} / ${b.name}: parse ${(a.parse / b.parse).toFixed(2)}x, evaluate ${(a.evaluate / b.evaluate).toFixed(2)}x`,
);
