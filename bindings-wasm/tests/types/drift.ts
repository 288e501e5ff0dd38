// Must NOT compile: proves the declarations are real types, not `any`.
import { check, orderSchema } from 'mailinfra';
import type { IssueCode, Options } from 'mailinfra';

const code: IssueCode = 'no_such_code';
const options: Options = { maxDomainz: 3 };
const n: number = check({}).valid;
const vendor: 'zod' = orderSchema['~standard'].vendor;
export { code, options, n, vendor };
