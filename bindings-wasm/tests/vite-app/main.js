import { init, initBulk, check, prepare, checkField, suggestMailboxes, loadData, DataPendingError } from 'mailinfra';

await init();
// A country's data is fetched when a call first needs it: ahead with loadData, or by
// awaiting the DataPendingError's `ready` and calling again.
await loadData(['address/GB']);
let pending = null;
try {
  prepare({ country: 'uk', phoneNumber: '020 7946 0958' });
} catch (e) {
  if (!(e instanceof DataPendingError)) throw e;
  pending = e.packs;
  await e.ready;
}
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
  pending,
});
