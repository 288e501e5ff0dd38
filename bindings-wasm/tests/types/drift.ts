// Must NOT compile: proves the declarations are real types, not `any`.
import { check } from 'mailinfra';
import type { IssueCode, Options } from 'mailinfra';

const code: IssueCode = 'no_such_code';
const options: Options = { maxDomainz: 3 };
const n: number = check({}).valid;
export { code, options, n };
