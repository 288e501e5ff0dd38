// orderSchema, strictOrderSchema, orderSchemaWith: the Standard Schema v1 surface in
// Node, held to what prepare and check report for the same input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pkgDir, pkgEntry, repoRoot } from './paths.mjs';

const m = await import(pkgEntry);
const read = (f) => JSON.parse(readFileSync(new URL(`examples/${f}`, repoRoot), 'utf8'));
const validate = (schema, value) => schema['~standard'].validate(value);
const errorsOf = (report) => report.issues.filter((i) => i.severity === 'error');

test('the Standard Schema v1 properties', () => {
  for (const schema of [m.orderSchema, m.strictOrderSchema, m.orderSchemaWith({ maxDomains: 2 })]) {
    assert.deepEqual(Object.keys(schema), ['~standard']);
    const props = schema['~standard'];
    assert.equal(props.version, 1);
    assert.equal(props.vendor, 'mailinfra');
    assert.equal(typeof props.validate, 'function');
    assert.deepEqual(Object.keys(props.jsonSchema), ['input', 'output']);
    assert.ok(Object.isFrozen(schema) && Object.isFrozen(props) && Object.isFrozen(props.jsonSchema));
  }
});

test('orderSchema: a fixable order validates to the canonical order, synchronously', () => {
  const result = validate(m.orderSchema, read('messy-order.json'));
  assert.ok(!(result instanceof Promise));
  // examples/order.json is the messy example written out by hand in canonical form.
  assert.deepEqual(result, { value: read('order.json') });
});

test('orderSchema: the issues are the errors of prepare, each with message, path, code, severity, suggestion', () => {
  const order = read('order.json');
  order.phoneNumber = '12345';
  order.country = 'Narnia';
  order.domains[0].mailboxes[0].email = 'info@acmecorp.com'; // also a role_address warning
  delete order.city;
  const report = m.prepare(order);
  const result = validate(m.orderSchema, order);
  assert.equal(result.value, undefined);
  assert.deepEqual(result.issues, errorsOf(report));
  assert.deepEqual(result.issues.map((i) => [i.path, i.code]), [
    [['city'], 'missing_field'], [['country'], 'invalid_country'], [['phoneNumber'], 'phone_not_e164'],
    [['domains', 0, 'mailboxes', 0, 'email'], 'email_domain_mismatch']]);
  const email = result.issues[3];
  assert.equal(email.severity, 'error');
  assert.equal(email.suggestion, 'info@tryoutreachteam.com');
  assert.match(email.message, /tryoutreachteam\.com/);
  assert.ok(report.issues.some((i) => i.code === 'role_address'), 'the warning is in the report, not among the issues');
});

test('warnings never fail validation; warningsAsErrors makes them issues', () => {
  const order = read('order.json');
  order.domains[0].name = 'bücher.de';
  order.domains[0].mailboxes[0].email = 'info@bücher.de';
  const warnings = m.prepare(order).issues.map((i) => [i.code, i.severity]);
  assert.deepEqual(warnings, [['idn_domain', 'warning'], ['role_address', 'warning']]);
  const ok = validate(m.orderSchema, order);
  assert.equal(ok.issues, undefined);
  assert.equal(ok.value.domains[0].name, 'xn--bcher-kva.de');
  const strictWarnings = validate(m.orderSchemaWith({ warningsAsErrors: true }), order);
  assert.deepEqual(strictWarnings.issues.map((i) => [i.pointer, i.code]), [
    ['/domains/0/name', 'idn_domain'], ['/domains/0/mailboxes/0/email', 'role_address']]);
});

test('strictOrderSchema: the value is the input itself; what prepare would fix is an issue', () => {
  const order = read('order.json');
  assert.equal(validate(m.strictOrderSchema, order).value, order);
  const messy = read('messy-order.json');
  const result = validate(m.strictOrderSchema, messy);
  assert.deepEqual(result.issues, errorsOf(m.check(messy)));
  assert.ok(result.issues.some((i) => i.code === 'not_normalized'));
  const strictAscii = validate(m.orderSchemaWith(undefined, { strict: true }), { ...order, domains: [{ ...order.domains[0], name: 'bücher.de' }] });
  assert.deepEqual(strictAscii.issues.map((i) => [i.path, i.code, i.suggestion]).slice(0, 1),
    [[['domains', 0, 'name'], 'domain_not_ascii', 'xn--bcher-kva.de']]);
});

test('options apply; wrong options throw the same TypeError as prepare', () => {
  const order = read('order.json');
  const netOnly = validate(m.orderSchemaWith({ allowedTlds: ['net'] }), order);
  assert.deepEqual(netOnly.issues.map((i) => i.pointer), ['/domains/0/name']);
  const bad = m.orderSchemaWith({ maxDomain: 3 });
  assert.throws(() => validate(bad, order), (e) => e instanceof TypeError && /maxDomain/.test(e.message));
});

test('not an order: one issue with an empty path (the whole value); a string is a value, not JSON text', () => {
  for (const value of ['{}', JSON.stringify(read('order.json')), [], 3, null, undefined]) {
    const result = validate(m.orderSchema, value);
    assert.deepEqual(result.issues.map((i) => [i.path, i.code]), [[[], 'not_an_object']], String(value));
  }
  assert.match(validate(m.orderSchema, '{}').issues[0].message, /not text/);
});

test('Standard JSON Schema: the generated order schema, for draft 2020-12 and draft-07', () => {
  const shipped = JSON.parse(readFileSync(new URL('order.schema.json', pkgDir), 'utf8'));
  const { $comment, ...generated } = shipped;
  assert.match($comment, /^@generated by scripts\/codegen\.sh/);
  const canonical = m.orderSchema['~standard'].jsonSchema.output({ target: 'draft-2020-12' });
  assert.deepEqual(canonical, generated);
  assert.deepEqual(m.orderJsonSchema, generated);
  assert.notEqual(canonical, m.orderJsonSchema, 'a fresh copy per call');
  // What each schema takes: prepare's input is looser (no enum to fix "google" into);
  // check's semantics take the order itself.
  const input = m.orderSchema['~standard'].jsonSchema.input({ target: 'draft-2020-12' });
  assert.equal(input.title, 'OrderInput');
  assert.equal(input.properties.emailServiceProvider.enum, undefined);
  assert.deepEqual(input.required, canonical.required);
  assert.deepEqual(m.strictOrderSchema['~standard'].jsonSchema.input({ target: 'draft-2020-12' }), canonical);
  const draft07 = m.strictOrderSchema['~standard'].jsonSchema.output({ target: 'draft-07' });
  assert.equal(draft07.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(draft07.$defs, undefined);
  assert.deepEqual(Object.keys(draft07.definitions), Object.keys(canonical.$defs));
  assert.equal(draft07.properties.domains.items.$ref, '#/definitions/Domain');
  assert.equal(draft07.definitions.Domain.properties.mailboxes.items.$ref, '#/definitions/Mailbox');
  assert.ok(!JSON.stringify(draft07).includes('$defs'));
  assert.throws(() => m.orderSchema['~standard'].jsonSchema.output({ target: 'openapi-3.0' }), /draft-2020-12 and draft-07/);
});
