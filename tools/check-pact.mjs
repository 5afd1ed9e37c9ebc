// make check-pact: the bi-directional check. Validates a pact against an OpenAPI document with swagger-mock-validator's
// programmatic API, prints one line per finding and a summary (no stack trace), and with --junit FILE writes JUnit XML:
// one test case per finding (errors fail, warnings pass with the warning in system-out) and one per interaction
// without findings.
// usage: node tools/check-pact.mjs <openapi.json> <pact.json> [--junit FILE]
// exit: 0 compatible (warnings allowed), 1 an error finding, 2 the check could not run (file missing, not a pact...).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SwaggerMockValidatorFactory } from '@pactflow/swagger-mock-validator';

const usage = 'usage: node tools/check-pact.mjs <openapi.json> <pact.json> [--junit FILE]';

function parseArguments(argv) {
  const positional = [];
  let junit;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--junit') {
      junit = argv[++i];
      if (!junit) throw new UsageError('--junit needs a file name');
    } else if (argv[i].startsWith('--')) {
      throw new UsageError(`unknown option ${argv[i]}`);
    } else {
      positional.push(argv[i]);
    }
  }
  if (positional.length !== 2) throw new UsageError('expected an OpenAPI document and a pact');
  return { spec: positional[0], pact: positional[1], junit };
}

class UsageError extends Error {}

/** The pact's names and interaction descriptions, read before the check so that a broken file is one clear line. */
function readPact(path) {
  let pact;
  try {
    pact = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error.code === 'ENOENT' ? 'no such file' : `not JSON (${error.message})`}`);
  }
  if (!Array.isArray(pact?.interactions)) throw new Error(`${path}: not a pact (no "interactions" array)`);
  return {
    consumer: pact.consumer?.name ?? 'consumer',
    provider: pact.provider?.name ?? 'provider',
    interactions: pact.interactions.map((interaction, index) => interaction?.description ?? `interaction ${index}`),
  };
}

/** The index of the interaction a finding's mock location names ("[root].interactions[3].response.status"). */
function interactionIndex(finding) {
  const match = /interactions\[(\d+)\]/.exec(finding.mockDetails?.location ?? '');
  return match ? Number(match[1]) : -1;
}

function describe(finding) {
  const where = [finding.mockDetails?.location, finding.specDetails?.location].filter(Boolean).map(l => l.replace('[root].', ''));
  const interaction = finding.mockDetails?.interactionDescription;
  return `${interaction ? `${interaction}: ` : ''}${finding.message}${where.length ? ` (pact ${where[0]}${where[1] ? `; spec ${where[1]}` : ''})` : ''}`;
}

function report(spec, pactPath, pact, result) {
  const errors = result.errors ?? [];
  const warnings = result.warnings ?? [];
  for (const finding of [...errors, ...warnings]) {
    console.log(`${finding.type === 'error' ? 'error  ' : 'warning'} ${finding.code}: ${describe(finding)}`);
  }
  const verdict = errors.length === 0 ? `the pact agrees with ${spec}` : `the pact relies on what ${spec} does not promise`;
  console.log(`check-pact: ${pact.interactions.length} interactions of ${pactPath}, ${errors.length} error(s), ${warnings.length} warning(s): ${verdict}.`);
}

const xmlText = text => String(text)
  // characters XML 1.0 cannot hold (an ANSI escape, a lone surrogate) become U+FFFD
  .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The pact's value for a failure's body: JSON, cut after 2,000 characters (a whole response body says little more). */
function shortJson(value) {
  const text = JSON.stringify(value ?? null, null, 2);
  return text.length <= 2000 ? text : `${text.slice(0, 2000)}\n... (${text.length - 2000} more characters)`;
}

function junitCases(pact, result) {
  const findings = [...(result.errors ?? []), ...(result.warnings ?? [])];
  const className = `${pact.consumer} -> ${pact.provider}`;
  const cases = findings.map(finding => {
    const index = interactionIndex(finding);
    const interaction = finding.mockDetails?.interactionDescription ?? pact.interactions[index];
    const name = `${interaction ? `${interaction}: ` : ''}${finding.code}`;
    const text = describe(finding);
    return finding.type === 'error'
      ? { className, name, failure: { message: text, type: finding.code, details: `${text}\npact value: ${shortJson(finding.mockDetails?.value)}` } }
      : { className, name, output: `warning ${finding.code}: ${text}` };
  });
  const withFindings = new Set(findings.map(interactionIndex));
  pact.interactions.forEach((description, index) => {
    if (!withFindings.has(index)) cases.push({ className, name: description });
  });
  return cases;
}

function junitXml(spec, pactPath, cases) {
  const failures = cases.filter(c => c.failure).length;
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0.000"`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="make check-pact" ${counts}>`,
    `  <testsuite name="${xmlText(`${pactPath} against ${spec}`)}" ${counts}>`,
  ];
  for (const c of cases) {
    const open = `    <testcase classname="${xmlText(c.className)}" name="${xmlText(c.name)}" time="0.000"`;
    if (!c.failure && !c.output) {
      lines.push(`${open} />`);
      continue;
    }
    lines.push(`${open}>`);
    if (c.failure) {
      lines.push(`      <failure message="${xmlText(c.failure.message)}" type="${xmlText(c.failure.type)}">${xmlText(c.failure.details)}</failure>`);
    }
    if (c.output) lines.push(`      <system-out>${xmlText(c.output)}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

function writeJUnit(path, content) {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  } catch (error) {
    throw new Error(`${path}: cannot write the JUnit report (${error.message})`);
  }
}

try {
  const options = parseArguments(process.argv.slice(2));
  readFileSync(options.spec);
  const pact = readPact(options.pact);
  const validator = SwaggerMockValidatorFactory.create();
  const result = await validator.validate({ specPathOrUrl: options.spec, mockPathOrUrl: options.pact });
  report(options.spec, options.pact, pact, result);
  if (options.junit) {
    writeJUnit(options.junit, junitXml(options.spec, options.pact, junitCases(pact, result)));
    console.log(`JUnit report: ${options.junit}`);
  }
  process.exitCode = (result.errors ?? []).length === 0 ? 0 : 1;
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}\n${usage}`);
  } else {
    const message = error.code === 'ENOENT' ? `${error.path}: no such file` : error.message;
    console.error(`error: ${message.split('\n')[0]}`);
  }
  process.exitCode = 2;
}
