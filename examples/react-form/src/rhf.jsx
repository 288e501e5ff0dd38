// An order form with react-hook-form: the resolver validates the whole order with
// mailinfra's Standard Schema on every change; submit hands over the canonical order.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { get, useFieldArray, useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { init, orderSchema } from 'mailinfra';
import { emptyMailbox, emptyOrder, mailboxFields, ownerFields } from './order.js';

await init(); // loads the WebAssembly module once, before the first render

function Input({ form, errors, name, label }) {
  const error = get(errors, name);
  return (
    <label>
      <span>{label}</span>
      <input {...form.register(name)} data-field={name} />
      {error && <p className="error" data-error-for={name}>{error.message}</p>}
    </label>
  );
}

function OrderForm() {
  const form = useForm({
    resolver: standardSchemaResolver(orderSchema),
    mode: 'onChange',
    defaultValues: emptyOrder,
  });
  const { errors } = form.formState;
  const mailboxes = useFieldArray({ control: form.control, name: 'domains.0.mailboxes' });
  const [submitted, setSubmitted] = useState(null);
  return (
    <form onSubmit={form.handleSubmit((order) => setSubmitted(order))} noValidate>
      <h1>Order (react-hook-form)</h1>
      <fieldset>
        <legend>Domain owner</legend>
        {ownerFields.map(([name, label]) => <Input key={name} {...{ form, errors, name, label }} />)}
        <label>
          <span>Email provider</span>
          <select {...form.register('emailServiceProvider')} data-field="emailServiceProvider">
            <option>Google</option><option>Microsoft</option><option>Azure</option>
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Domain</legend>
        <Input {...{ form, errors }} name="domains.0.name" label="Domain to buy" />
        <Input {...{ form, errors }} name="domains.0.redirectUrl" label="Redirect to" />
        {mailboxes.fields.map((mailbox, i) => (
          <fieldset key={mailbox.id}>
            <legend>Mailbox {i + 1}</legend>
            {mailboxFields.map(([key, label]) => (
              <Input key={key} {...{ form, errors, label }} name={`domains.0.mailboxes.${i}.${key}`} />
            ))}
          </fieldset>
        ))}
        <button type="button" onClick={() => mailboxes.append({ ...emptyMailbox })}>Add mailbox</button>
      </fieldset>
      <button type="submit">Review order</button>
      {submitted && <pre id="submitted">{JSON.stringify(submitted, null, 2)}</pre>}
    </form>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><OrderForm /></StrictMode>);
