// Our copy of the Standard Schema interfaces against the spec's own package
// (@standard-schema/spec, a dev dependency): the schemas are what consumers of the
// spec accept, and InferInput/InferOutput give our types.
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import { orderSchema, orderSchemaWith, strictOrderSchema } from 'mailinfra';
import type { Issue, Order, OrderInput, OrderSchema, StandardSchemaV1 as OurStandardSchemaV1 } from 'mailinfra';

/** Stands for a library that takes any Standard Schema (a resolver, a tRPC input). */
function consumer<S extends StandardSchemaV1>(schema: S): S {
  return schema;
}
const accepted: StandardSchemaV1<OrderInput, Order> = consumer(orderSchema);
const strict: StandardSchemaV1<OrderInput, Order> = consumer(strictOrderSchema);
const withOptions: StandardSchemaV1<OrderInput, Order> = consumer(orderSchemaWith({ maxDomains: 3 }, { strict: true }));

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const output: Exact<StandardSchemaV1.InferOutput<typeof orderSchema>, Order> = true;
const input: Exact<StandardSchemaV1.InferInput<typeof orderSchema>, OrderInput> = true;
// Our declared interface and the spec's describe the same thing, both ways.
const ours: OurStandardSchemaV1<OrderInput, Order> = accepted;
const theirs: StandardSchemaV1<OrderInput, Order> = ours;

async function use(value: unknown): Promise<Order | readonly Issue[]> {
  const result = await orderSchema['~standard'].validate(value);
  if (result.issues) return result.issues; // our Issue: code, severity, suggestion too
  return result.value;
}
const schema: OrderSchema = orderSchema;
// A Standard JSON Schema too, as the spec's own type says.
const json: StandardJSONSchemaV1<OrderInput, Order> = orderSchema;
const jsonTheirs: Record<string, unknown> = json['~standard'].jsonSchema.output({ target: 'draft-2020-12' });

export { strict, withOptions, output, input, theirs, use, schema, jsonTheirs };
