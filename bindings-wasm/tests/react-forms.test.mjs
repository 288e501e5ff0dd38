// examples/react-form (React 19, built by Vite) in Chromium: the order form with
// react-hook-form (@hookform/resolvers' standardSchemaResolver) and with TanStack Form
// (form-level onChangeAsync validator), both taking `orderSchema`. Typed like a person:
// the errors show at the inputs they point at, with the core's messages (computed
// here in Node from the same values), and submit yields the canonical order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputDir, pkgDir, pkgEntry, repoRoot } from './paths.mjs';
import { browser, serve } from './browser.mjs';

const app = fileURLToPath(new URL('examples/react-form/', repoRoot));
const m = await import(pkgEntry);
let out;
let server;
let chrome;

before(async () => {
  assert.ok(existsSync(new URL('web.js', pkgDir)), 'build the package first: bindings-wasm/build.sh');
  // The example's locked dependencies; `mailinfra` is a link to bindings-wasm/pkg.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: app, stdio: 'pipe' });
  const { build } = await import(new URL('node_modules/vite/dist/node/index.js', `file://${app}`).href);
  out = mkdtempSync(join(tmpdir(), 'mailinfra-react-form-'));
  await build({ root: app, logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  server = await serve(out);
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

// A person's typing: fixable mess (case, spaces, `uk`, a national phone number,
// https:// around the domains), a bad phone number and a mailbox on the wrong domain.
const typed = {
  '/domainOwnerFirstname': 'John', '/domainOwnerLastname': 'Smith', '/companyName': 'Acme  Corp',
  '/address': '10 Downing Street', '/city': 'London', '/country': 'uk', '/zipcode': 'sw1a2aa',
  '/phoneNumber': '020 7946 095',
  '/domains/0/name': 'HTTPS://TryOutreachTeam.com/', '/domains/0/redirectUrl': 'https://acmecorp.com',
  '/domains/0/mailboxes/0/firstname': 'John', '/domains/0/mailboxes/0/lastname': 'Smith',
  '/domains/0/mailboxes/0/email': ' John.Smith@TryOutreachTeam.com',
  '/domains/0/mailboxes/1/firstname': 'Jane', '/domains/0/mailboxes/1/lastname': 'Doe',
  '/domains/0/mailboxes/1/email': 'jane.doe@acmecorp.com',
};

/** The form's values as the form holds them after `entries` were typed. */
function formValues(entries) {
  const order = {
    domainOwnerFirstname: '', domainOwnerLastname: '', companyName: '', address: '', city: '', state: '',
    country: '', zipcode: '', phoneNumber: '', emailServiceProvider: 'Google', planType: 'quarterly',
    domains: [{ name: '', redirectUrl: '', mailboxes: [{ firstname: '', lastname: '', email: '' }, { firstname: '', lastname: '', email: '' }] }],
  };
  for (const [pointer, text] of Object.entries(entries)) {
    const keys = pointer.slice(1).split('/');
    const last = keys.pop();
    keys.reduce((o, k) => o[k], order)[last] = text;
  }
  return order;
}

/** The core's errors for these values, as [pointer, code, message]. */
function coreErrors(entries) {
  return m.prepare(formValues(entries)).issues.filter((i) => i.severity === 'error').map((i) => [i.pointer, i.code, i.message]);
}

const canonical = {
  domainOwnerFirstname: 'John', domainOwnerLastname: 'Smith', companyName: 'Acme Corp', address: '10 Downing Street',
  city: 'London', state: '', country: 'GB', zipcode: 'SW1A 2AA', phoneNumber: '+442079460958',
  emailServiceProvider: 'Google', planType: 'quarterly',
  domains: [{ name: 'tryoutreachteam.com', redirectUrl: 'acmecorp.com', mailboxes: [
    { firstname: 'John', lastname: 'Smith', email: 'john.smith@tryoutreachteam.com', profilePicId: 0 },
    { firstname: 'Jane', lastname: 'Doe', email: 'jane.doe@tryoutreachteam.com', profilePicId: 0 }] }],
  isReplacement: false, isFreeOrder: false,
};

// How each library names the field at a JSON Pointer.
const rhfName = (pointer) => pointer.slice(1).split('/').join('.');
const tanstackName = (pointer) => pointer.slice(1).split('/')
  .map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : `${i ? '.' : ''}${k}`)).join('');

async function drive(page, name, { codes, shot }) {
  const input = (pointer) => page.locator(`input[data-field="${name(pointer)}"]`);
  const shown = async (pointer) => page.$$eval(`p.error[data-error-for="${name(pointer)}"]`,
    (ps) => ps.map((p) => [p.dataset.code ?? null, p.firstChild.textContent]));
  const allShown = async () => page.$$eval('p.error', (ps) => ps.map((p) => p.dataset.errorFor).sort());
  // The form shows what the core says once its validation settles: an async validator
  // (TanStack's onChangeAsync, a schema waiting for a data pack) answers a moment after
  // the keystroke, so the page is read again until it agrees or 10 s have passed.
  const expectShown = async (entries, pointers) => {
    const errors = coreErrors(entries);
    assert.deepEqual(errors.map(([p]) => p).sort(), [...pointers].sort(), JSON.stringify(errors));
    const compare = async () => {
      for (const pointer of pointers) {
        const want = errors.filter(([p]) => p === pointer).map(([, code, message]) => [codes ? code : null, message]);
        // react-hook-form keeps the first message of a field, TanStack Form all of them.
        assert.deepEqual(await shown(pointer), codes ? want : want.slice(0, 1), pointer);
      }
      assert.deepEqual(await allShown(), pointers.map(name).sort());
    };
    for (const deadline = Date.now() + 10_000; ;) {
      try {
        return await compare();
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((ok) => setTimeout(ok, 50));
      }
    }
  };

  await page.waitForSelector('input[data-field]');
  await page.click('button:text("Add mailbox")');
  for (const [pointer, text] of Object.entries(typed)) {
    // Keystroke by keystroke where the value passes through invalid states.
    if (pointer === '/phoneNumber' || pointer.endsWith('/email')) await input(pointer).pressSequentially(text);
    else await input(pointer).fill(text);
  }
  // Only what prepare cannot fix is an error, each next to its own input.
  await expectShown(typed, ['/phoneNumber', '/domains/0/mailboxes/1/email']);
  assert.deepEqual(coreErrors(typed).map(([p, c]) => [p, c]), [
    ['/phoneNumber', 'phone_not_e164'], ['/domains/0/mailboxes/1/email', 'email_domain_mismatch']]);
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL(shot, outputDir)), fullPage: true });

  // Submitting an invalid order hands nothing over.
  await page.click('button[type=submit]');
  assert.equal(await page.$('#submitted'), null);

  // Fixed, the submit yields exactly the canonical order.
  const fixed = { ...typed, '/phoneNumber': '020 7946 0958', '/domains/0/mailboxes/1/email': 'Jane.Doe@tryoutreachteam.com' };
  await input('/phoneNumber').fill(fixed['/phoneNumber']);
  await input('/domains/0/mailboxes/1/email').fill(fixed['/domains/0/mailboxes/1/email']);
  await expectShown(fixed, []);
  await page.click('button[type=submit]');
  await page.waitForSelector('#submitted');
  assert.deepEqual(JSON.parse(await page.textContent('#submitted')), canonical);

  // A Unicode domain is fine (prepare writes its A-label; the idn_domain warning never
  // fails) but the mailboxes are now on another domain; a domain mixing Latin and
  // Cyrillic letters is an error at the domain's input (and its mailboxes wait for it).
  const unicode = { ...fixed, '/domains/0/name': 'bücher.de' };
  await input('/domains/0/name').fill('bücher.de');
  await page.click('button[type=submit]');
  await expectShown(unicode, ['/domains/0/mailboxes/0/email', '/domains/0/mailboxes/1/email']);
  assert.match((await shown('/domains/0/mailboxes/0/email'))[0][1], /xn--bcher-kva\.de/);
  const mixed = { ...unicode, '/domains/0/name': 'pаypal.com' };
  await input('/domains/0/name').fill(mixed['/domains/0/name']);
  await page.click('button[type=submit]');
  assert.deepEqual(coreErrors(mixed)[0].slice(0, 2), ['/domains/0/name', 'mixed_script_domain']);
  await expectShown(mixed, ['/domains/0/name']);
  assert.deepEqual(page.errors, []);
}

test('react-hook-form + standardSchemaResolver(orderSchema): errors at their inputs, canonical order on submit', async () => {
  const page = await chrome.page();
  await page.goto(`${server.url}index.html`);
  await drive(page, rhfName, { codes: false, shot: 'react-hook-form.png' });
  await page.close();
});

test('TanStack Form + validators.onChangeAsync: orderSchema: issues at their fields, canonical order on submit', async () => {
  const page = await chrome.page();
  await page.goto(`${server.url}tanstack.html`);
  await drive(page, tanstackName, { codes: true, shot: 'tanstack-form.png' });
  await page.close();
});
