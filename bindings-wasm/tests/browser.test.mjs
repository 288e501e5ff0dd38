// Chromium (Debian package, headless, through playwright-core): the package from a
// plain <script type="module"> page running every vector, and the demo order form
// driven like a user, with a screenshot in test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { outputDir, pkgEntry, repoRoot, vectorsDir, here } from './paths.mjs';
import { browser, serve } from './browser.mjs';

const m = await import(pkgEntry);
let server;
let chrome;

before(async () => {
  const files = readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort();
  writeFileSync(new URL('plain/files.json', here), JSON.stringify(files));
  server = await serve(repoRoot);
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  await server?.close();
  rmSync(new URL('plain/files.json', here), { force: true });
});

test('plain <script type="module"> page: init step, then every vector file passes in Chromium', async () => {
  const page = await chrome.page();
  await page.goto(`${server.url}bindings-wasm/tests/plain/index.html`);
  await page.waitForFunction(() => document.getElementById('out').textContent !== 'running', null, { timeout: 120_000 });
  const out = JSON.parse(await page.textContent('#out'));
  assert.equal(out.error, undefined, out.error);
  assert.match(out.early, /await init\(\)/);
  const missing = m.prepare({ country: 'uk' }).issues.filter((i) => i.severity === 'error').map((i) => i.pointer);
  assert.ok(missing.length >= 5 && !missing.includes('/country'));
  assert.deepEqual(out.schemaEarly, { message: out.early, promise: true, settled: missing, syncAfter: true });
  assert.match(out.earlyBulk, /await initBulk\(\)/);
  assert.deepEqual(out.failures, []);
  assert.ok(out.count >= 300);
  // The page fetched data packs on demand: vectors waited on a DataPendingError's `ready`.
  assert.ok(out.pendingRounds > 0);
  console.log(`# ${out.count} vectors passed in Chromium`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** What the page shows next to the field at `pointer`: [[code, message], ...]. */
async function shown(page, pointer) {
  return page.$$eval(`ul.issues[data-issues-for="${pointer}"] li`, (lis) =>
    lis.map((li) => [li.dataset.code, li.querySelector('.message').textContent]));
}

async function apply(page, pointer) {
  await page.click(`ul.issues[data-issues-for="${pointer}"] button.apply`);
}

const field = (pointer) => `[data-pointer="${pointer}"]:is(input, select)`;

test('demo order form: messy order, exact errors per field, suggestions applied, valid preview', async () => {
  const page = await chrome.page();
  await page.goto(`${server.url}bindings-wasm/demo/`);
  await page.waitForSelector('body[data-ready=true]');
  assert.match(await page.textContent('header'), /never asks for an API\s+key/);

  // Typed like a person: national phone, `uk`, an https:// redirect, a mailbox on the wrong domain.
  const typed = {
    '/domainOwnerFirstname': 'John', '/domainOwnerLastname': 'Smith', '/companyName': 'Acme Corp',
    '/address': '10 Downing Street', '/city': 'London', '/country': 'uk', '/zipcode': 'sw1a2aa',
    '/phoneNumber': '020 7946 0958',
    '/domains/0/name': 'tryoutreachteam.com', '/domains/0/redirectUrl': 'https://acmecorp.com',
    '/domains/0/mailboxes/0/firstname': 'John', '/domains/0/mailboxes/0/lastname': 'Smith',
    '/domains/0/mailboxes/0/email': 'john.smith@acmecorp.com',
  };
  for (const [pointer, text] of Object.entries(typed)) {
    await page.locator(field(pointer)).pressSequentially(text);
  }
  await page.selectOption(field('/emailServiceProvider'), 'Google');
  await page.click('button[data-action=add-mailbox]');
  await page.locator(field('/domains/0/mailboxes/1/firstname')).fill('Jane');
  await page.locator(field('/domains/0/mailboxes/1/lastname')).fill('Doe');
  await page.locator(field('/domains/0/mailboxes/1/email')).pressSequentially('jane.doe@tryoutreachteam.com');

  // The hints followed `uk`: no state field, the postal-code label and example of GB.
  assert.equal(await page.isHidden('#state-field'), true);
  assert.equal(await page.textContent('#zip-label'), 'Postal code');

  // Exactly the core's issues, next to the fields they point at.
  const order = {
    domainOwnerFirstname: 'John', domainOwnerLastname: 'Smith', companyName: 'Acme Corp', address: '10 Downing Street',
    city: 'London', country: 'uk', zipcode: 'sw1a2aa', phoneNumber: '020 7946 0958', emailServiceProvider: 'Google',
    planType: 'quarterly',
    domains: [{ name: 'tryoutreachteam.com', redirectUrl: 'https://acmecorp.com', mailboxes: [
      { firstname: 'John', lastname: 'Smith', email: 'john.smith@acmecorp.com' },
      { firstname: 'Jane', lastname: 'Doe', email: 'jane.doe@tryoutreachteam.com' }] }],
  };
  const expected = m.check(order).issues;
  const codes = expected.map((i) => [i.pointer, i.code]);
  assert.deepEqual(codes, [
    ['/country', 'invalid_country'],
    ['/zipcode', codes.find(([p]) => p === '/zipcode')?.[1] ?? 'none'],
    ['/phoneNumber', 'phone_not_e164'],
    ['/domains/0/redirectUrl', 'redirect_not_bare_domain'],
    ['/domains/0/mailboxes/0/email', 'email_domain_mismatch'],
  ].filter(([, c]) => c !== 'none'));
  for (const p of new Set(expected.map((i) => i.pointer))) {
    assert.deepEqual(await shown(page, p), expected.filter((i) => i.pointer === p).map((i) => [i.code, i.message]), p);
  }
  for (const p of ['/city', '/domains/0/name', '/domains/0/mailboxes/1/email']) assert.deepEqual(await shown(page, p), [], p);
  assert.equal(await page.getAttribute('#status', 'data-valid'), 'false');
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL('demo-messy.png', outputDir)), fullPage: true });

  // Click the suggestions: country first (the phone is then read as a GB number).
  await apply(page, '/country');
  assert.equal(await page.inputValue(field('/country')), 'GB');
  for (const p of ['/zipcode', '/phoneNumber', '/domains/0/redirectUrl', '/domains/0/mailboxes/0/email']) {
    if ((await page.$$(`ul.issues[data-issues-for="${p}"] button.apply`)).length) await apply(page, p);
  }
  assert.equal(await page.inputValue(field('/phoneNumber')), '+442079460958');
  assert.equal(await page.inputValue(field('/domains/0/redirectUrl')), 'acmecorp.com');
  assert.equal(await page.inputValue(field('/domains/0/mailboxes/0/email')), 'john.smith@tryoutreachteam.com');
  assert.equal(await page.$$eval('li.issue.error', (l) => l.length), 0);
  assert.equal(await page.getAttribute('#status', 'data-valid'), 'true');

  const preview = JSON.parse(await page.textContent('#preview'));
  const final = m.check(preview);
  assert.equal(final.valid, true, JSON.stringify(final.issues));
  assert.deepEqual(final.issues.filter((i) => i.severity === 'error'), []);
  assert.equal(preview.country, 'GB');
  assert.equal(preview.phoneNumber, '+442079460958');
  assert.equal(preview.domains[0].mailboxes.length, 2);
  assert.equal(preview.isFreeOrder, false);
  await page.screenshot({ path: fileURLToPath(new URL('demo.png', outputDir)), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('demo: the country adapts state and postal code; Azure locks the plan; domains repeat', async () => {
  const page = await chrome.page();
  await page.goto(`${server.url}bindings-wasm/demo/`);
  await page.waitForSelector('body[data-ready=true]');
  // A country's data is fetched the first time it is chosen: the form adapts once it is there.
  const label = (text) => page.waitForFunction((t) => document.getElementById('state-label').textContent === t, text);
  await page.locator(field('/country')).fill('US');
  await label('State');
  assert.equal(await page.$eval(field('/state'), (e) => e.tagName), 'SELECT');
  assert.equal(await page.textContent('#state-label'), 'State');
  assert.equal(await page.textContent('#zip-label'), 'ZIP code');
  assert.equal(await page.getAttribute(field('/zipcode'), 'placeholder'), `e.g. ${m.addressFormat('US').postalCodeExample}`);
  const options = await page.$$eval(`${field('/state')} option`, (o) => o.map((x) => x.value));
  assert.deepEqual(options, ['', ...m.addressFormat('US').states.map((s) => s.key)]);
  await page.selectOption(field('/state'), 'CA');
  await page.locator(field('/zipcode')).fill('10001');
  assert.deepEqual((await shown(page, '/zipcode')).map(([c]) => c), ['postal_code_state_mismatch']);
  await page.locator(field('/country')).fill('JP');
  await label('Prefecture');
  await page.locator(field('/country')).fill('DE');
  await page.waitForSelector('#state-field', { state: 'hidden' });

  await page.selectOption(field('/planType'), 'annualFixed');
  await page.selectOption(field('/emailServiceProvider'), 'Azure');
  assert.equal(await page.inputValue(field('/planType')), 'quarterly');
  assert.equal(await page.isDisabled(field('/planType')), true);
  await page.selectOption(field('/emailServiceProvider'), 'Google');
  assert.equal(await page.isDisabled(field('/planType')), false);

  await page.click('#add-domain');
  await page.click('#add-domain');
  assert.equal(await page.$$eval('.domain', (d) => d.length), 3);
  await page.locator(field('/domains/2/name')).fill('acme.com');
  await page.locator(field('/domains/1/name')).fill('ACME.com');
  await page.click('.domain:nth-child(1) [data-action=remove-domain]');
  assert.equal(await page.inputValue(field('/domains/0/name')), 'ACME.com');
  assert.deepEqual((await shown(page, '/domains/1/name')).map(([c]) => c), ['duplicate_domain']);
  assert.deepEqual((await shown(page, '/domains/0/name')).map(([c]) => c), ['not_normalized']);
  await page.click('#show-all');
  assert.ok((await shown(page, '/domains/1/mailboxes/0/email')).some(([c]) => c === 'missing_field'));
  assert.deepEqual(page.errors, []);
  await page.close();
});
