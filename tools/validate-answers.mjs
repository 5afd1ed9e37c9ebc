// Validates HTTP answers against the response schemas of an OpenAPI 3.0 document with Ajv 8 (formats on): a check
// written by nobody here, beside the project's own validator. One process reads every answer, so starting Node and
// compiling the document is paid once.
//
// usage: node tools/validate-answers.mjs contracts/openapi.json < answers.jsonl
// Each input line is one answer: {"method": "GET", "route": "/api/v1/Contact/{id}", "status": 200, "body": {...}}
// ("body" absent or null when the answer has none, as a 304). Prints one JSON report on stdout:
// {"checked": N, "failures": [{"line": 3, "method", "route", "status", "errors": [{"instancePath", "keyword", "message", "params"}]}]}
// and exits 1 when an answer fails, 2 on bad usage or input.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/validate-answers.mjs <openapi.json> < answers.jsonl');
  process.exit(2);
}

const document = JSON.parse(readFileSync(file, 'utf8'));
const prefix = '#/components/schemas/';

// strict mode stays on: only OpenAPI's annotation keywords are added (Ajv knows 'nullable' itself).
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
ajv.addVocabulary(['example', 'xml', 'externalDocs']);

// Components become schemas of their own, referenced by name: '#/components/schemas/X' -> 'X'.
const renamed = (node) => JSON.parse(JSON.stringify(node), (key, value) =>
  key === '$ref' && typeof value === 'string' && value.startsWith(prefix) ? value.slice(prefix.length) : value);
for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
  ajv.addSchema(renamed(schema), name);
}

const validators = new Map();
function validatorFor(method, route, status) {
  const key = `${method} ${route} ${status}`;
  if (!validators.has(key)) {
    const operation = document.paths?.[route]?.[method.toLowerCase()];
    const response = operation?.responses?.[String(status)];
    const schema = response?.content?.['application/json']?.schema;
    validators.set(key, !operation ? { problem: `no operation ${method} ${route} in the document` }
      : !response ? { problem: `status ${status} is not documented for ${method} ${route}` }
      : { validate: schema ? ajv.compile(renamed(schema)) : null });
  }

  return validators.get(key);
}

const report = { checked: 0, failures: [] };
let line = 0;
for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  line++;
  if (text.trim() === '') continue;
  let answer;
  try {
    answer = JSON.parse(text);
  } catch (error) {
    console.error(`line ${line}: not JSON: ${error.message}`);
    process.exit(2);
  }

  report.checked++;
  const { method, route, status, body } = answer;
  const found = validatorFor(method, route, status);
  const hasBody = body !== undefined && body !== null;
  const errors = found.problem ? [{ keyword: 'document', message: found.problem }]
    : !found.validate && hasBody ? [{ keyword: 'document', message: `the document gives status ${status} of ${method} ${route} no body, but the answer has one` }]
    : found.validate && !hasBody ? [{ keyword: 'document', message: `the answer has no body, but the document gives status ${status} of ${method} ${route} one` }]
    : found.validate && !found.validate(body) ? found.validate.errors.map(({ instancePath, keyword, message, params }) => ({ instancePath, keyword, message, params }))
    : [];
  if (errors.length > 0) {
    report.failures.push({ line, method, route, status, errors });
  }
}

// exitCode, not exit(): a report larger than the pipe's buffer must be written out before Node ends.
process.stdout.write(JSON.stringify(report) + '\n');
process.exitCode = report.failures.length > 0 ? 1 : 0;
