// Compiled with `tsc --noEmit` against the published package's declarations.
import {
  addressFormat, buildOrder, check, checkField, countries, DataPendingError, dataVersions, defaultOptions,
  domainToAscii, domainToUnicode, init, initBulk, initSync, issueCodes, loadData, prepare, suggestMailboxes,
} from 'mailinfra';
import type {
  AddressFormat, BuildReport, CountryOption, DataVersions, Domain, Issue, IssueCode, Mailbox,
  Options, Order, Report, Severity, StateOption, Suggestions,
} from 'mailinfra';

const mailbox: Mailbox = { firstname: 'John', lastname: 'Smith', email: 'john@acme.com', profilePicId: 0 };
const domain: Domain = { name: 'acme.com', redirectUrl: 'acmecorp.com', mailboxes: [mailbox] };
const order: Order = {
  domainOwnerFirstname: 'John', domainOwnerLastname: 'Smith', companyName: 'Acme', address: '1 Main St',
  city: 'Springfield', state: 'IL', country: 'US', zipcode: '62701', phoneNumber: '+12175550123',
  emailServiceProvider: 'Google', planType: 'quarterly', domains: [domain], isReplacement: false, isFreeOrder: false,
};
const options: Options = {
  maxDomains: 10, maxMailboxesPerDomain: 5, maxInputBytes: 1 << 20, allowedTlds: ['com'], allowIdn: false,
  warningsAsErrors: true,
};

await init();
await init(WebAssembly.compileStreaming(fetch('/mailinfra_wasm_bg.wasm'))); // started early by the page
initSync(new Uint8Array(0));
await initBulk();
const report: Report = check(order, options);
const prepared: Report = prepare({ country: 'uk', phoneNumber: '020 7946 0958', domains: [{ name: 'HTTPS://Acme.com/' }] });
const fromText: Report = check(JSON.stringify(order));
const valid: boolean = report.valid;
const first: Issue | undefined = report.issues[0];
const code: IssueCode | undefined = first?.code;
const severity: Severity | undefined = first?.severity;
const pointer: string | undefined = first?.pointer;
const path: Array<string | number> | undefined = first?.path;
const canonical: Order | undefined = prepared.order;
const emails: string[] = canonical ? canonical.domains.flatMap((d) => d.mailboxes.map((m) => m.email)) : [];
const fieldIssues: Issue[] = checkField({ country: 'GB', zipcode: 'sw1a1aa' }, '/zipcode');
const hints: AddressFormat | null = await addressFormat('US');
await loadData(['address/GB', 'phone/GB']);
try {
  check(order);
} catch (e) {
  if (e instanceof DataPendingError) {
    const names: string[] = e.packs;
    await e.ready;
  }
}
const states: StateOption[] = hints ? hints.states : [];
const list: CountryOption[] = countries();
const ascii: string | null = domainToAscii('bücher.de');
const unicode: string | null = domainToUnicode('xn--bcher-kva.de');
const versions: DataVersions = dataVersions();
const codes: IssueCode[] = issueCodes();
const defaults: Required<Options> = defaultOptions();
const suggestions: Suggestions = suggestMailboxes({ firstName: 'Ann', lastName: 'Lee', domain: 'acme.com', count: 3 });
const built: BuildReport = buildOrder({ country: 'US' }, [{ domain: 'acme.com' }], { esp: 'Google', maxDomains: 10 });
const known: IssueCode = 'email_domain_mismatch';

switch (code) {
  case 'invalid_country':
  case 'phone_not_e164':
    break;
  default:
    break;
}

export {
  valid, severity, pointer, path, emails, fieldIssues, states, list, ascii, unicode, versions, codes,
  defaults, suggestions, built, known, fromText,
};
