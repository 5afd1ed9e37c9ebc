// The admin page: live journal, entity viewer, fault rules and reset, all through the /__admin API of the mock
// that served it. Data is put into the page as text only (paths and bodies come from any client).
'use strict';

const tokenKey = 'contractharness.adminToken';
const $ = (id) => document.getElementById(id);
let faultsAvailable = true;
// The newest request to the API (not to /__admin) the journal showed: the fault rules are read again only when it
// changes (a rule is applied only then), so the page does not fill the journal with its own reads of /__admin/faults.
// (undefined: not read yet, so the first journal read also reads the rules).
let newestApiRequest;

// Every call sends the admin token when one was given (a browser cannot send it when it opens the page).
async function call(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  const token = sessionStorage.getItem(tokenKey);
  if (token && !headers.Authorization) headers.Authorization = 'Bearer ' + token;
  const response = await fetch(path, Object.assign({}, options, { headers, cache: 'no-store' }));
  if (response.status === 401 && path.startsWith('/__admin')) {
    $('token-section').hidden = false;
    throw new Error('The admin API needs the token the mock was started with (--admin-token).');
  }
  return response;
}

async function errorText(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return response.status + ' ' + (body.ErrorType || '') + ': ' + (body.ErrorMessage || text);
  } catch {
    return response.status + ' ' + text;
  }
}

function say(text, isError) {
  $('message').textContent = text;
  $('message').className = isError ? 'error' : '';
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text === undefined || text === null ? '' : String(text);
  if (className) td.className = className;
  return td;
}

// Shows the journal; true when a request to the API arrived since the last time.
async function pollJournal() {
  const response = await call('/__admin/requests');
  if (!response.ok) throw new Error(await errorText(response));
  const journal = await response.json();
  const newest = journal.requests.find((entry) => !entry.path.toLowerCase().startsWith('/__admin'));
  const key = newest ? newest.time + ' ' + newest.method + ' ' + newest.path : null;
  const arrived = key !== newestApiRequest;
  newestApiRequest = key;
  $('journal-total').textContent = '(' + journal.total + ' recorded, the last ' + journal.capacity + ' kept)';
  const body = $('journal').tBodies[0];
  body.replaceChildren();
  for (const entry of journal.requests.slice(0, 100)) {
    const row = body.insertRow();
    cell(row, new Date(entry.time).toLocaleTimeString(), 'time');
    cell(row, entry.method, 'method');
    cell(row, entry.path, 'path');
    cell(row, entry.status, 'status status-' + String(entry.status)[0]);
    cell(row, entry.milliseconds, 'ms');
    cell(row, entry.operation, 'operation');
    cell(row, entry.session, 'session');
    cell(row, entry.fault, 'fault');
  }
  return arrived;
}

function describeMatch(rule) {
  const parts = [rule.method, rule.path, rule.pathPattern && '/' + rule.pathPattern + '/', rule.entity, rule.entityId !== undefined && rule.entityId !== null ? '#' + rule.entityId : null];
  const text = parts.filter((p) => p !== undefined && p !== null && p !== '').join(' ');
  return text || 'every catalog request';
}

function describeEffect(rule) {
  const parts = [];
  if (rule.status) parts.push('status ' + rule.status);
  if (rule.delayMs !== undefined && rule.delayMs !== null) {
    parts.push('delay ' + (typeof rule.delayMs === 'object' ? rule.delayMs.min + '-' + rule.delayMs.max : rule.delayMs) + ' ms');
  }
  if (rule.abort) parts.push('abort');
  if (rule.probability) parts.push('p=' + rule.probability);
  return parts.join(', ');
}

async function pollFaults() {
  if (!faultsAvailable) return;
  const response = await call('/__admin/faults');
  if (response.status === 404) {
    faultsAvailable = false;
    $('faults-message').textContent = 'This mock has no fault rules: /__admin/faults answered 404 (a mock built before them).';
    $('faults-message').className = 'error';
    $('fault-form').hidden = true;
    return;
  }
  if (!response.ok) throw new Error(await errorText(response));
  const body = $('faults').tBodies[0];
  body.replaceChildren();
  for (const rule of (await response.json()).faults) {
    const row = body.insertRow();
    row.dataset.id = rule.id;
    cell(row, rule.id, 'id');
    cell(row, describeMatch(rule), 'match');
    cell(row, describeEffect(rule), 'effect');
    cell(row, rule.applied, 'applied');
    cell(row, rule.remaining === null ? 'unlimited' : rule.remaining, 'remaining');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Delete';
    button.className = 'fault-delete';
    button.addEventListener('click', () => run(() => deleteFaults('/' + encodeURIComponent(rule.id))));
    row.insertCell().append(button);
  }
}

async function deleteFaults(suffix) {
  const response = await call('/__admin/faults' + suffix, { method: 'DELETE' });
  if (!response.ok) throw new Error(await errorText(response));
  await pollFaults();
}

async function addFault() {
  const rule = {};
  const text = (id) => $(id).value.trim();
  if (text('fault-method')) rule.method = text('fault-method');
  if (text('fault-entity')) rule.entity = text('fault-entity');
  if (text('fault-id')) rule.id = text('fault-id');
  if (text('fault-status')) rule.status = Number(text('fault-status'));
  if (text('fault-delay')) rule.delayMs = Number(text('fault-delay'));
  if (text('fault-times')) rule.times = Number(text('fault-times'));
  if ($('fault-abort').checked) rule.abort = true;
  const response = await call('/__admin/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rule) });
  if (!response.ok) throw new Error(await errorText(response));
  const stored = await response.json();
  say('Added fault rule ' + stored.id + '.');
  await pollFaults();
}

async function getEntity() {
  const route = $('entity-route').value;
  const id = $('entity-id').value.trim();
  const headers = {};
  if ($('entity-auth').value.trim()) headers.Authorization = $('entity-auth').value.trim();
  const response = await call(route.replace('{id}', encodeURIComponent(id)), { headers });
  const text = await response.text();
  $('entity-status').textContent = response.status + ' ' + response.statusText;
  $('entity-status').className = response.ok ? '' : 'error';
  try {
    $('entity-json').textContent = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    $('entity-json').textContent = text;
  }
}

async function loadRoutes() {
  const health = await (await call('/__admin/health')).json();
  const select = $('entity-route');
  select.replaceChildren();
  for (const endpoint of health.endpoints) {
    const option = new Option(endpoint.route + ' (' + endpoint.entity + ')', endpoint.route);
    option.dataset.sampleId = endpoint.sampleId;
    select.append(option);
  }
  const setSample = () => { $('entity-id').value = select.selectedOptions[0]?.dataset.sampleId || '1'; };
  select.addEventListener('change', setSample);
  setSample();
  if (health.requireAuth && !$('entity-auth').value) $('entity-auth').value = 'Bearer admin-page';
}

async function reset() {
  const response = await call('/__admin/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  if (!response.ok) throw new Error(await errorText(response));
  say('Reset to the seed at ' + new Date().toLocaleTimeString() + '.');
  await pollJournal();
  await pollFaults();
}

// Runs an action and shows its failure instead of losing it in the console.
async function run(action) {
  try {
    await action();
  } catch (error) {
    say(error.message, true);
  }
}

async function tick() {
  await run(async () => {
    if (await pollJournal()) await pollFaults();
  });
  setTimeout(tick, 1000);
}

$('reset').addEventListener('click', () => run(reset));
$('entity-get').addEventListener('click', () => run(getEntity));
$('fault-add').addEventListener('click', () => run(addFault));
$('faults-clear').addEventListener('click', () => run(() => deleteFaults('')));
$('token-save').addEventListener('click', () => {
  sessionStorage.setItem(tokenKey, $('token').value.trim());
  $('token-section').hidden = true;
  newestApiRequest = undefined;
  say('');
  run(loadRoutes);
});
run(loadRoutes);
tick();
