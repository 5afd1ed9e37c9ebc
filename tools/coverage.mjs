// Prints the coverage of the contract by a running mock (GET /__admin/coverage) as a table: for every catalog
// operation the answers of each status it documents, then the documented pairs never answered and the answers of
// statuses the catalog does not document. Needs nothing but Node (no package).
//
// usage: node tools/coverage.mjs [BASE_URL] [--session NAME] [--out FILE]
//   BASE_URL   the mock, default http://127.0.0.1:5080 (make coverage passes BASE_URL)
//   --session  one session's coverage (sends X-Mock-Session); without it, all traffic
//   --out      also write the table to FILE (the folders are made)
// CONTRACTHARNESS_ADMIN_TOKEN, when set, is sent as the admin token (a mock started with --admin-token).
// Exit code 0 when printed, 2 on bad usage or when the mock cannot be read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function usage(message) {
  console.error(`coverage: ${message}\nusage: node tools/coverage.mjs [BASE_URL] [--session NAME] [--out FILE]`);
  process.exit(2);
}

let base = 'http://127.0.0.1:5080';
let session;
let out;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--session' || arg === '--out') {
    if (i + 1 >= args.length) usage(`${arg} needs a value`);
    if (arg === '--session') session = args[++i];
    else out = args[++i];
  } else if (arg.startsWith('--')) {
    usage(`unknown option ${arg}`);
  } else {
    base = arg;
  }
}

let url;
try {
  url = new URL('/__admin/coverage', base);
} catch {
  usage(`'${base}' is not a URL`);
}

const headers = { Accept: 'application/json' };
if (session !== undefined) headers['X-Mock-Session'] = session;
if (process.env.CONTRACTHARNESS_ADMIN_TOKEN) headers.Authorization = `Bearer ${process.env.CONTRACTHARNESS_ADMIN_TOKEN}`;

let coverage;
try {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (!response.ok) {
    let detail = text;
    try { detail = JSON.parse(text).ErrorMessage ?? text; } catch { /* not JSON: the text as it is */ }
    console.error(`coverage: ${url} answered ${response.status}: ${detail}`);
    process.exit(2);
  }
  coverage = JSON.parse(text);
} catch (error) {
  console.error(`coverage: cannot read ${url}: ${error.cause?.message ?? error.message} (is the mock running? make mock, or BASE_URL=...)`);
  process.exit(2);
}

// One column per status any operation documents; '-' where the operation does not document it.
const statuses = [...new Set(coverage.operations.flatMap((o) => Object.keys(o.statuses)))].sort();
const rows = coverage.operations.map((o) => [o.operation, ...statuses.map((s) => (s in o.statuses ? String(o.statuses[s]) : '-'))]);
const header = ['operation', ...statuses];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells) => `| ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
const lines = [
  `Coverage of the contract by ${url.origin} (${coverage.session === null ? 'all traffic' : `session ${coverage.session}`}):`,
  `${coverage.covered} of ${coverage.documented} documented (operation, status) pairs answered.`,
  '',
  line(header),
  `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  ...rows.map(line),
  '',
  `Never answered (${coverage.uncovered.length}):${coverage.uncovered.length === 0 ? ' none' : ''}`,
  ...coverage.uncovered.map((pair) => `  ${pair}`),
  '',
  `Answered, not documented (${coverage.undocumented.length}):${coverage.undocumented.length === 0 ? ' none' : ''}`,
  ...coverage.undocumented.map((u) => `  ${u.operation} ${u.status}: ${u.count}`),
];
const table = lines.join('\n') + '\n';
process.stdout.write(table);
if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, table);
}
