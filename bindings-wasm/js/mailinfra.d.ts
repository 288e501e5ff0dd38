// Types of the npm package `mailinfra`: the function signatures and the Standard
// Schema interfaces. The data types (Order, Report, Issue, Options, IssueCode...) are
// generated from the core into types.d.ts (scripts/codegen.sh).

import type {
  AddressFormat,
  BuildReport,
  CountryOption,
  DataVersions,
  Issue,
  IssueCode,
  Options,
  Order,
  OrderInput,
  Report,
  Suggestions,
} from './types.js';
export * from './types.js';

/** An order as a value, or JSON text (text goes through the size limit first). */
export type OrderSource = Order | OrderInput | string;

// Data packs (browsers): a country's address format and a phone region's metadata
// are fetched (`data/<name>.txt` beside the module) when a call first needs them. A
// synchronous call made before then throws a `DataPendingError`; await its `ready`
// and call again. In Node they are read within the call: nothing to do.

/** A call needed data packs that are not loaded yet (browsers only). */
export class DataPendingError extends Error {
  readonly name: 'DataPendingError';
  /** The packs' names, e.g. `['address/US', 'phone/GB']`. */
  readonly packs: string[];
  /** Settles once they are loaded; rejects when one cannot be fetched, is not a pack or is of another data version. */
  readonly ready: Promise<void>;
}
/**
 * Loads data packs ahead of the calls that need them, e.g. `['address/US',
 * 'phone/US']` once the country is known: `address/<ISO 3166-1 code>`,
 * `phone/<region>`, `psl/<top-level domain, lower-case A-label>` (only the TLDs with
 * Public Suffix List rules below them have one: `psl/jp`, `psl/uk`, not `psl/com`; Japan's
 * city-level rules are in `psl/<prefecture>.jp`, e.g. `psl/tokyo.jp`). Rejects with an `Error` for an unknown name, a bad pack or a pack
 * from another data version than the module.
 */
export function loadData(names: Iterable<string>): Promise<void>;

/** Strict check: is this exact payload what the server accepts? Nothing is changed. */
export function check(order: OrderSource, options?: Options): Report;
/** Safe spelling fixes, then check: the canonical order and its issues. */
export function prepare(order: OrderSource, options?: Options): Report;
/**
 * Issues at or under one field (`/zipcode`, `/domains/0/mailboxes/1/email`). Throws a
 * `TypeError` for a pointer that names no field of the order (`/zipCode`).
 */
export function checkField(order: OrderSource, pointer: string, options?: Options): Issue[];
/**
 * A Standard Schema v1 of the order (https://standardschema.dev), for form libraries
 * and servers that take one (react-hook-form, TanStack Form, tRPC, Hono...). The
 * issues of a failure are the order's errors (warnings never fail), each our `Issue`.
 * In browsers, call `await init()` first: before that `validate` throws, and while
 * `init()` or the data packs a check needs are loading it returns a Promise (a plain
 * result otherwise). It is a Standard JSON Schema too:
 * `~standard.jsonSchema.output()` is the order's JSON Schema, `input()` what the
 * schema takes (prepare's input, or with check's semantics the order itself), for
 * the targets "draft-2020-12" and "draft-07"; others throw.
 */
export interface OrderSchema<Output = Order>
  extends StandardSchemaV1<OrderInput, Output>,
    StandardJSONSchemaV1<OrderInput, Output> {
  readonly '~standard': Omit<StandardSchemaV1.Props<OrderInput, Output>, 'vendor' | 'validate'> & {
    readonly vendor: 'mailinfra';
    readonly validate: (
      value: unknown,
      options?: StandardSchemaV1.Options,
    ) => OrderSchemaResult<Output> | Promise<OrderSchemaResult<Output>>;
    readonly jsonSchema: StandardJSONSchemaV1.Converter;
  };
}
/** What `OrderSchema`'s `validate` returns. */
export type OrderSchemaResult<Output = Order> =
  | StandardSchemaV1.SuccessResult<Output>
  | { readonly issues: ReadonlyArray<Issue>; readonly value?: undefined };
/** prepare's semantics: no error -> `{ value: <the canonical order> }`, else `{ issues }`. */
export const orderSchema: OrderSchema;
/** check's semantics: no error -> `{ value: <the input, unchanged> }`, else `{ issues }`. */
export const strictOrderSchema: OrderSchema;
/** `orderSchema` with these options, or `strictOrderSchema`'s semantics with `{ strict: true }`. */
export function orderSchemaWith(options?: Options, mode?: { strict?: boolean }): OrderSchema;

/**
 * The order's JSON Schema (draft 2020-12), generated from the core's field table: the
 * shape and the simple limits (types, required fields, enumerations, lengths, the
 * E.164 shape, defaults); the rules run in mailinfra. Also the file
 * `mailinfra/order.schema.json`.
 */
export const orderJsonSchema: Readonly<Record<string, unknown>>;

/**
 * Form hints for a country code or anything prepare resolves (`uk`, `Germany`); null
 * if unknown. In browsers, while the country's data pack is fetched, a Promise of
 * them (`await addressFormat(c)` works either way).
 */
export function addressFormat(country: string): AddressFormat | null | Promise<AddressFormat | null>;
/** Every assigned country, sorted by code. */
export function countries(): CountryOption[];
/**
 * A-label form under strict UTS #46 rules, or null when not a valid domain. In a
 * browser, a non-ASCII domain first throws a DataPendingError (like `check`) until the
 * `unicode/idna-*` packs of its code points are fetched.
 */
export function domainToAscii(domain: string): string | null;
/** Unicode form for display, or null when not a valid domain (data as `domainToAscii`). */
export function domainToUnicode(domain: string): string | null;
export function dataVersions(): DataVersions;
/** Every issue code, as the core lists them. */
export function issueCodes(): IssueCode[];
/** What `suggestMailboxes` takes. */
export interface SuggestRequest {
  firstName: string;
  lastName: string;
  /** The domain the addresses go on. */
  domain: string;
  /** How many addresses to suggest. */
  count: number;
  /** Google, Microsoft or Azure (loose spellings accepted); decides the username rules. */
  esp?: string;
  /** Addresses already taken (other mailboxes of the order): never suggested. */
  exclude?: string[];
}

/** `buildOrder`'s options: the contract's, plus overrides of the registrant's ESP and plan. */
export interface BuildOptions extends Options {
  esp?: string;
  plan?: string;
}

/**
 * Offline mailbox-address suggestions for a person on a domain. In browsers, call
 * `await initBulk()` first (a second module; loads on first use in Node).
 */
export function suggestMailboxes(request: SuggestRequest): Suggestions;
/**
 * Builds and prepares an order from a registrant and spreadsheet rows. In browsers,
 * call `await initBulk()` first (a second module; loads on first use in Node).
 */
export function buildOrder(
  registrant: OrderInput,
  rows: Iterable<Record<string, unknown>>,
  options?: BuildOptions,
): BuildReport;

/** The contract's default options. */
export function defaultOptions(): Required<Options>;

/**
 * Browsers: load the .wasm once before calling anything else (no-op in Node).
 * `input`: optional URL, Response, bytes or compiled module, or a Promise of one
 * (e.g. `WebAssembly.compileStreaming(fetch(url))` started early in the page).
 */
export function init(
  input?: InitInput | Promise<InitInput>,
): Promise<void>;
/** What `init` and `initBulk` load the .wasm from. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;
/** Synchronous instantiation from bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;
/**
 * Browsers: load the second module (mailinfra_bulk_bg.wasm, with `suggestMailboxes`
 * and `buildOrder`) once; a form that only validates never needs it. Loads
 * synchronously on first use in Node. `input` as for `init`.
 */
export function initBulk(
  input?: InitInput | Promise<InitInput>,
): Promise<void>;

// The Standard Schema v1 and Standard JSON Schema v1 interfaces, copied from
// @standard-schema/spec 1.1.0 as the
// spec recommends (no runtime dependency); a test checks them against the package.

/** The Standard Typed interface. This is a base type extended by other specs. */
export interface StandardTypedV1<Input = unknown, Output = Input> {
  /** The Standard properties. */
  readonly '~standard': StandardTypedV1.Props<Input, Output>;
}
export declare namespace StandardTypedV1 {
  /** The Standard Typed properties interface. */
  interface Props<Input = unknown, Output = Input> {
    /** The version number of the standard. */
    readonly version: 1;
    /** The vendor name of the schema library. */
    readonly vendor: string;
    /** Inferred types associated with the schema. */
    readonly types?: Types<Input, Output> | undefined;
  }
  /** The Standard Typed types interface. */
  interface Types<Input = unknown, Output = Input> {
    /** The input type of the schema. */
    readonly input: Input;
    /** The output type of the schema. */
    readonly output: Output;
  }
  /** Infers the input type of a Standard Typed. */
  type InferInput<Schema extends StandardTypedV1> = NonNullable<Schema['~standard']['types']>['input'];
  /** Infers the output type of a Standard Typed. */
  type InferOutput<Schema extends StandardTypedV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** The Standard Schema interface. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties interface. */
  interface Props<Input = unknown, Output = Input> extends StandardTypedV1.Props<Input, Output> {
    /** Validates unknown input values. */
    readonly validate: (
      value: unknown,
      options?: StandardSchemaV1.Options | undefined,
    ) => Result<Output> | Promise<Result<Output>>;
  }
  /** The result interface of the validate function. */
  type Result<Output> = SuccessResult<Output> | FailureResult;
  /** The result interface if validation succeeds. */
  interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output;
    /** A falsy value for `issues` indicates success. */
    readonly issues?: undefined;
  }
  interface Options {
    /** Explicit support for additional vendor-specific parameters, if needed. */
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  /** The result interface if validation fails. */
  interface FailureResult {
    /** The issues of failed validation. */
    readonly issues: ReadonlyArray<Issue>;
  }
  /** The issue interface of the failure output. */
  interface Issue {
    /** The error message of the issue. */
    readonly message: string;
    /** The path of the issue, if any. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  /** The path segment interface of the issue. */
  interface PathSegment {
    /** The key representing a path segment. */
    readonly key: PropertyKey;
  }
  /** The Standard types interface. */
  interface Types<Input = unknown, Output = Input> extends StandardTypedV1.Types<Input, Output> {}
  /** Infers the input type of a Standard. */
  type InferInput<Schema extends StandardTypedV1> = StandardTypedV1.InferInput<Schema>;
  /** Infers the output type of a Standard. */
  type InferOutput<Schema extends StandardTypedV1> = StandardTypedV1.InferOutput<Schema>;
}

/** The Standard JSON Schema interface. */
export interface StandardJSONSchemaV1<Input = unknown, Output = Input> {
  /** The Standard JSON Schema properties. */
  readonly "~standard": StandardJSONSchemaV1.Props<Input, Output>;
}
export declare namespace StandardJSONSchemaV1 {
  /** The Standard JSON Schema properties interface. */
  interface Props<Input = unknown, Output = Input> extends StandardTypedV1.Props<Input, Output> {
    /** Methods for generating the input/output JSON Schema. */
    readonly jsonSchema: StandardJSONSchemaV1.Converter;
  }
  /** The Standard JSON Schema converter interface. */
  interface Converter {
    /** Converts the input type to JSON Schema. May throw if conversion is not supported. */
    readonly input: (options: StandardJSONSchemaV1.Options) => Record<string, unknown>;
    /** Converts the output type to JSON Schema. May throw if conversion is not supported. */
    readonly output: (options: StandardJSONSchemaV1.Options) => Record<string, unknown>;
  }
  /**
   * The target version of the generated JSON Schema.
   *
   * It is *strongly recommended* that implementers support `"draft-2020-12"` and `"draft-07"`, as they are both in wide use. All other targets can be implemented on a best-effort basis. Libraries should throw if they don't support a specified target.
   *
   * The `"openapi-3.0"` target is intended as a standardized specifier for OpenAPI 3.0 which is a superset of JSON Schema `"draft-04"`.
   */
  type Target = "draft-2020-12" | "draft-07" | "openapi-3.0" | ({} & string);
  /** The options for the input/output methods. */
  interface Options {
    /** Specifies the target version of the generated JSON Schema. Support for all versions is on a best-effort basis. If a given version is not supported, the library should throw. */
    readonly target: Target;
    /** Explicit support for additional vendor-specific parameters, if needed. */
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  /** The Standard types interface. */
  interface Types<Input = unknown, Output = Input> extends StandardTypedV1.Types<Input, Output> {
  }
  /** Infers the input type of a Standard. */
  type InferInput<Schema extends StandardTypedV1> = StandardTypedV1.InferInput<Schema>;
  /** Infers the output type of a Standard. */
  type InferOutput<Schema extends StandardTypedV1> = StandardTypedV1.InferOutput<Schema>;
}
