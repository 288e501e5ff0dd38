import { init, initBulk, check, prepare, checkField, suggestMailboxes } from 'mailinfra';

await init();
const r = prepare({ country: 'uk', phoneNumber: '020 7946 0958' });
const c = check({});
const f = checkField({ country: 'GB', zipcode: 'sw1a1aa' }, '/zipcode');
// The second module: a separate chunk and .wasm asset, fetched only now.
await initBulk();
const s = suggestMailboxes({ firstName: 'Zoë', lastName: 'Lee', domain: 'acme.com', count: 1 });
document.getElementById('result').textContent = JSON.stringify({
  country: r.order.country,
  phone: r.order.phoneNumber,
  missing: c.issues.filter((i) => i.code === 'missing_field').length,
  zip: f[0].suggestion,
  suggested: s.addresses,
});
