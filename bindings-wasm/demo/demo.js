// The demo order form: plain DOM, no framework. Validation runs in the browser
// through the mailinfra WebAssembly module; nothing is ever sent. An app imports
// 'mailinfra' instead of ../pkg/web.bundle.js (the package's modules as one file).
import { init, check, checkField, prepare, addressFormat, countries, dataVersions, DataPendingError } from '../pkg/web.bundle.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const form = $('#order');
const domainsEl = $('#domains');
const touched = new Set();
let showAll = false;
let ready = false;
let firstValidated = false;

// ---------- the order as the form holds it ----------

const REGISTRANT = ['domainOwnerFirstname', 'domainOwnerLastname', 'companyName', 'address', 'city',
  'state', 'country', 'zipcode', 'phoneNumber', 'emailServiceProvider', 'planType'];

function put(obj, key, el) {
  if (!el || el.closest('[hidden]')) return;
  const v = el.value;
  if (v !== '') obj[key] = v; // an empty field is absent: `missing_field` where it is required
}

/** The order exactly as typed (prepare does the safe fixes, check says what is wrong). */
function formOrder() {
  const o = {};
  for (const name of REGISTRANT) put(o, name, form.elements[name]);
  o.domains = $$('.domain', domainsEl).map((d) => {
    const dom = {};
    put(dom, 'name', $('[data-role=name]', d));
    put(dom, 'redirectUrl', $('[data-role=redirectUrl]', d));
    dom.mailboxes = $$('.mailbox', d).map((m) => {
      const mb = {};
      for (const k of ['firstname', 'lastname', 'email']) put(mb, k, $(`[data-role=${k}]`, m));
      return mb;
    });
    return dom;
  });
  return o;
}

// ---------- domains and mailboxes ----------

function addDomain() {
  const d = $('#domain-tpl').content.firstElementChild.cloneNode(true);
  domainsEl.append(d);
  addMailbox(d);
  renumber();
  return d;
}

function addMailbox(domain) {
  const m = $('#mailbox-tpl').content.firstElementChild.cloneNode(true);
  $('.mailboxes', domain).append(m);
  renumber();
  return m;
}

function issueList(el) {
  const field = el.closest('.field');
  let ul = $(':scope > ul.issues', field);
  if (!ul) { ul = document.createElement('ul'); ul.className = 'issues'; field.append(ul); }
  return ul;
}

/** Pointers follow positions: recomputed after every add or remove. */
function renumber() {
  $$('.domain', domainsEl).forEach((d, i) => {
    d.dataset.pointer = `/domains/${i}`;
    for (const role of ['name', 'redirectUrl']) $(`[data-role=${role}]`, d).dataset.pointer = `/domains/${i}/${role}`;
    $('[data-role=mailboxes-issues]', d).dataset.issuesFor = `/domains/${i}/mailboxes`;
    $$('.mailbox', d).forEach((m, j) => {
      m.dataset.pointer = `/domains/${i}/mailboxes/${j}`;
      for (const role of ['firstname', 'lastname', 'email']) {
        $(`[data-role=${role}]`, m).dataset.pointer = `/domains/${i}/mailboxes/${j}/${role}`;
      }
    });
    $('[data-action=remove-domain]', d).hidden = domainsEl.children.length === 1;
    $$('[data-action=remove-mailbox]', d).forEach((b) => { b.hidden = $$('.mailbox', d).length === 1; });
  });
  for (const el of $$('[data-pointer]:is(input, select)', form)) issueList(el).dataset.issuesFor = el.dataset.pointer;
}

// ---------- address hints: the country decides the state and postal-code fields ----------

function adaptAddress() {
  const hints = addressFormat(form.elements.country.value.trim());
  if (hints instanceof Promise) return void hints.then(adaptAddress); // its data is being fetched
  const stateField = $('#state-field');
  const zipField = $('#zip-field');
  const old = form.elements.state;
  const states = hints ? hints.states : [];
  let el = old;
  if (states.length && old.tagName !== 'SELECT') {
    el = document.createElement('select');
  } else if (!states.length && old.tagName !== 'INPUT') {
    el = document.createElement('input');
  }
  if (el !== old) {
    el.name = 'state';
    el.dataset.pointer = '/state';
    old.replaceWith(el);
  }
  if (el.tagName === 'SELECT') {
    const current = old.value;
    el.replaceChildren(new Option('Choose…', ''), ...states.map((s) => new Option(s.name, s.key)));
    // Keep what was typed when it names a listed state (prepare would map it anyway).
    el.value = states.some((s) => s.key === current) ? current : '';
  }
  const stateShown = !!hints && (hints.stateRequired || states.length > 0);
  stateField.hidden = hints ? !stateShown : false;
  $('#state-label').textContent = hints ? hints.stateLabel + (hints.stateRequired ? '' : ' (optional)') : 'State / province';
  zipField.hidden = hints ? !hints.postalCodeUsed : false;
  $('#zip-label').textContent = hints
    ? hints.postalCodeLabel + (hints.postalCodeRequired ? '' : ' (optional)')
    : 'Postal code';
  form.elements.zipcode.placeholder = hints && hints.postalCodeExample ? `e.g. ${hints.postalCodeExample}` : '';
}

function adaptPlan() {
  const azure = form.elements.emailServiceProvider.value === 'Azure';
  const plan = form.elements.planType;
  if (azure) plan.value = 'quarterly';
  plan.disabled = azure;
  $('#plan-note').hidden = !azure;
}

// ---------- issues on the page ----------

function renderIssues(ul, issues, applicable) {
  ul.replaceChildren(...issues.map((i) => {
    const li = document.createElement('li');
    li.className = `issue ${i.severity}`;
    li.dataset.code = i.code;
    const msg = document.createElement('span');
    msg.className = 'message';
    msg.textContent = i.message;
    const code = document.createElement('code');
    code.textContent = i.code;
    li.append(msg, code);
    if ('suggestion' in i && applicable) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'apply';
      b.dataset.pointer = i.pointer;
      b.dataset.value = JSON.stringify(i.suggestion);
      b.textContent = `Use “${typeof i.suggestion === 'string' ? i.suggestion : JSON.stringify(i.suggestion)}”`;
      li.append(b);
    }
    return li;
  }));
}

function renderField(el, issues) {
  const field = el.closest('.field');
  renderIssues(issueList(el), issues, true);
  const errors = issues.some((i) => i.severity === 'error');
  field.classList.toggle('has-error', errors);
  field.classList.toggle('has-warning', !errors && issues.length > 0);
  field.classList.toggle('is-ok', issues.length === 0 && el.value !== '');
}

const visible = (el) => showAll || touched.has(el.dataset.pointer) || el.value !== '';

/** The field being edited, at once: only what it needs is examined. */
function validateField(el) {
  const issues = checkField(formOrder(), el.dataset.pointer);
  renderField(el, issues);
  if (!firstValidated) {
    firstValidated = true;
    window.__firstValidated = performance.now();
  }
}

/** The whole order: lights every field, the status and the preview. */
function validateAll() {
  const order = formOrder();
  const report = check(order);
  const byPointer = new Map();
  for (const i of report.issues) {
    if (!byPointer.has(i.pointer)) byPointer.set(i.pointer, []);
    byPointer.get(i.pointer).push(i);
  }
  const shown = new Set();
  for (const el of $$('[data-pointer]', form).filter((e) => e.matches('input, select') && !e.closest('[hidden]'))) {
    const p = el.dataset.pointer;
    shown.add(p);
    renderField(el, visible(el) ? byPointer.get(p) ?? [] : []);
  }
  for (const box of $$('span.issues[data-issues-for]', form)) {
    const p = box.dataset.issuesFor;
    shown.add(p);
    renderIssues(box, byPointer.get(p) ?? [], false);
  }
  const rest = report.issues.filter((i) => !shown.has(i.pointer) && (showAll || i.code !== 'missing_field'));
  $('#general').hidden = rest.length === 0;
  renderIssues($('#general-issues'), rest.map((i) => ({ ...i, message: `${i.pointer || 'order'}: ${i.message}` })), false);

  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const status = $('#status');
  status.className = `status ${report.valid ? 'good' : 'bad'}`;
  status.textContent = report.valid
    ? `Ready to send${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}`
    : `${errors} error${errors > 1 ? 's' : ''}${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''} to fix`;
  status.dataset.valid = String(report.valid);

  const prepared = prepare(order);
  $('#preview').textContent = JSON.stringify(prepared.order, null, 2);
  $('#preview').dataset.valid = String(prepared.valid);
}

/** Runs `f`, and again once the data it needs is loaded when it was not yet. */
function withData(f) {
  try {
    f();
  } catch (e) {
    if (!(e instanceof DataPendingError)) throw e;
    e.ready.then(() => withData(f), (err) => { $('#status').textContent = `The validator could not load its data: ${err}`; });
  }
}

function edited(el) {
  touched.add(el.dataset.pointer);
  if (!ready) return; // validated once the module is loaded
  if (el.name === 'country') adaptAddress();
  if (el.name === 'emailServiceProvider') adaptPlan();
  withData(() => { validateField(el); validateAll(); });
}

// ---------- events ----------

form.addEventListener('input', (e) => { if (e.target.dataset.pointer) edited(e.target); });
form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT' && e.target.dataset.pointer) edited(e.target); });
form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('click', (e) => {
  const b = e.target.closest('button');
  if (!b) return;
  if (b.classList.contains('apply')) {
    const el = $$('[data-pointer]', form).find((x) => x.dataset.pointer === b.dataset.pointer && x.matches('input, select'));
    if (!el) return;
    el.value = String(JSON.parse(b.dataset.value));
    edited(el);
    el.focus();
  } else if (b.id === 'add-domain') {
    addDomain(); withData(validateAll);
  } else if (b.dataset.action === 'add-mailbox') {
    addMailbox(b.closest('.domain')); withData(validateAll);
  } else if (b.dataset.action === 'remove-domain') {
    b.closest('.domain').remove(); renumber(); withData(validateAll);
  } else if (b.dataset.action === 'remove-mailbox') {
    b.closest('.mailbox').remove(); renumber(); withData(validateAll);
  }
});
$('#show-all').addEventListener('click', () => { showAll = true; if (ready) withData(validateAll); });

addDomain();

// ---------- start ----------

/** Runs `work` when the page is idle: a keystroke arriving meanwhile is handled first. */
const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 0));
const later = (work) => new Promise((ok) => idle(() => ok(work()), { timeout: 500 }));

try {
  // index.html started compiling the .wasm before this module graph loaded.
  await init(window.mailinfraWasm);
  ready = true;
  window.__ready = performance.now();
  adaptAddress();
  adaptPlan();
  // Typed (or autofilled) before the module was ready, even before this script ran.
  const pending = $$('[data-pointer]:is(input, select)', form)
    .filter((el) => touched.has(el.dataset.pointer) || (el.tagName === 'INPUT' && el.value !== ''));
  withData(() => { for (const el of pending) { touched.add(el.dataset.pointer); validateField(el); } });
  // The rest is not needed for the first check: the whole order's status and preview,
  // the country list and the data versions, each in an idle task of its own.
  await later(() => withData(validateAll));
  await later(() => $('#countries').replaceChildren(...countries().map((c) => new Option(c.name, c.code))));
  await later(() => {
    const v = dataVersions();
    $('#versions').textContent = `${v.phoneMetadata}; ${v.publicSuffixList.split(';')[0]}.`;
  });
  document.body.dataset.ready = 'true';
} catch (e) {
  $('#status').textContent = `The validator could not load: ${e}`;
  throw e;
}
