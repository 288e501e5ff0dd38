// The typical order of the benchmarks: examples/order.json plus two mailboxes on the
// same domain (1 domain x 3 mailboxes), as in docs/benchmarks.md.
export function typicalOrder(example) {
  const o = structuredClone(example);
  const d = o.domains[0];
  d.mailboxes.push(
    { firstname: 'Jane', lastname: 'Doe', email: `jane.doe@${d.name}`, profilePicId: 0 },
    { firstname: 'Bob', lastname: 'Lee', email: `bob.lee@${d.name}`, profilePicId: 0 },
  );
  return o;
}

// This process's CPU time in µs (all its threads: GC and JIT included): on a shared
// machine, time spent descheduled is not in it. Node only.
const cpuNow = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};
const wallNow = () => performance.now() * 1000;

/** Steady per-call times in µs: `rounds` batches of `batch` calls after a warm-up,
 *  by the wall clock, or by this process's CPU time with `cpu: true` (Node only). */
export function timeCalls(fn, { warm = 2000, rounds = 25, batch = 400, cpu = false } = {}) {
  const now = cpu ? cpuNow : wallNow;
  for (let i = 0; i < warm; i++) fn();
  const per = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    for (let i = 0; i < batch; i++) fn();
    per.push((now() - t0) / batch);
  }
  per.sort((a, b) => a - b);
  return { median: per[Math.floor(per.length / 2)], best: per[0] };
}

export function steady(api, example, opts) {
  const order = typicalOrder(example);
  const typing = { ...order, domains: [{ ...order.domains[0] }] };
  return {
    prepare: timeCalls(() => api.prepare(order), opts),
    check: timeCalls(() => api.check(order), opts),
    checkFieldEmail: timeCalls(() => api.checkField(typing, '/domains/0/mailboxes/2/email'), opts),
    checkFieldPhone: timeCalls(() => api.checkField(typing, '/phoneNumber'), opts),
    prepareText: timeCalls(() => api.prepare(JSON.stringify(order)), opts),
  };
}

// A keystroke changes the field it checks: each call types the next character of the
// field's final value (its prefixes in turn, from one character to the whole value,
// then again), into the order object as a form does, and checks that field. Most of
// these values are incomplete, so the answers carry issues, as they do while typing.
function keystrokes(api, order, pointer, opts) {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  const owner = keys.reduce((o, k) => o[k], order);
  const value = owner[last];
  const prefixes = Array.from({ length: value.length }, (_, i) => value.slice(0, i + 1));
  let i = 0;
  return timeCalls(() => {
    owner[last] = prefixes[i];
    i = (i + 1) % prefixes.length;
    return api.checkField(order, pointer);
  }, opts);
}

/** Per-keystroke times of the fields a form types, on the typical order (as `steady`). */
export function typing(api, example, opts) {
  const order = typicalOrder(example);
  const typed = (pointer) => keystrokes(api, structuredClone(order), pointer, opts);
  return {
    typeEmail: typed('/domains/0/mailboxes/2/email'),
    typePhone: typed('/phoneNumber'),
    typeFirst: typed('/domains/0/mailboxes/2/firstname'),
    typeDomain: typed('/domains/0/name'),
    typeZip: typed('/zipcode'),
  };
}
