// The benchmark's orders, the same for both sides. Typical: examples/order.json plus
// two mailboxes on the same domain (1 domain x 3 mailboxes, Google), as in
// bench/python/bench.py and docs/benchmarks.md. Variant i has its own domain, phone
// number and postal code, so no cache across calls, on either side, turns the
// benchmark into a lookup. Invalid: variant i with 1-3 of the mistakes below.

export function typical(example, i) {
  const o = structuredClone(example);
  const d = o.domains[0];
  d.name = `tryoutreach${i}.com`;
  d.mailboxes[0].email = `john.smith@${d.name}`;
  o.phoneNumber = `+1415555${String(i % 10000).padStart(4, '0')}`;
  o.zipcode = `94${String(i % 1000).padStart(3, '0')}`;
  d.mailboxes.push(
    { firstname: 'Jane', lastname: 'Doe', email: `jane.doe@${d.name}`, profilePicId: 1 },
    { firstname: 'Alex', lastname: 'Rivera', email: `alex.rivera@${d.name}`, profilePicId: 2 },
  );
  return o;
}

/** Mistakes a person makes, each on its own field (the pointer both sides must flag). */
export const MISTAKES = [
  ['/phoneNumber', (o, i) => { o.phoneNumber = `+1 000 555 ${String(i % 10000).padStart(4, '0')}`; }],
  ['/zipcode', (o, i) => { o.zipcode = `9${String(i % 1000).padStart(3, '0')}`; }],
  ['/state', (o) => { o.state = 'Atlantis'; }],
  ['/emailServiceProvider', (o) => { o.emailServiceProvider = 'Yahoo'; }],
  ['/domainOwnerLastname', (o) => { o.domainOwnerLastname = 'Smith-'.repeat(10); }],
  ['/companyname', (o) => { o.companyname = o.companyName; }],
  ['/domains/0/redirectUrl', (o) => { o.domains[0].redirectUrl = 'https://acmecorp.com/about'; }],
  ['/domains/0/mailboxes/1/email', (o, i) => { o.domains[0].mailboxes[1].email = `jane.doe@acme${i}.com`; }],
  ['/domains/0/mailboxes/2/firstname', (o) => { o.domains[0].mailboxes[2].firstname = '  '; }],
  ['/domains/0/mailboxes/2/email', (o) => { o.domains[0].mailboxes[2].email = o.domains[0].mailboxes[0].email; }],
];

/** Variant i with 1-3 mistakes (1 + i % 3 of them, on different fields); returns the
 *  order and the pointers of its mistakes. */
export function invalid(example, i) {
  const o = typical(example, i);
  const n = 1 + (i % 3);
  const pointers = [];
  for (let k = 0; k < n; k++) {
    const [pointer, apply] = MISTAKES[(i + k * 3) % MISTAKES.length];
    apply(o, i);
    pointers.push(pointer);
  }
  return { order: o, pointers };
}
