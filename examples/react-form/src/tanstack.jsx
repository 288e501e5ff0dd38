// An order form with TanStack Form: the form-level onChangeAsync validator is
// mailinfra's Standard Schema, whose issues TanStack routes to the fields by path
// (async: the schema answers with a Promise while a country's data is fetched). TanStack hands
// onSubmit the form's own values, so the submit handler asks prepare for the
// canonical order.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from '@tanstack/react-form';
import { init, orderSchema, prepare } from 'mailinfra';
import { emptyMailbox, emptyOrder, mailboxFields, ownerFields } from './order.js';

await init(); // loads the WebAssembly module once, before the first render

function Input({ field, label }) {
  // The errors are mailinfra's issues: message, code and, when certain, the fix.
  const issues = field.state.meta.isTouched ? field.state.meta.errors : [];
  return (
    <label>
      <span>{label}</span>
      <input
        name={field.name} data-field={field.name} value={field.state.value ?? ''}
        onChange={(e) => field.handleChange(e.target.value)} onBlur={field.handleBlur}
      />
      {issues.map((issue, n) => (
        <p className="error" data-error-for={field.name} data-code={issue.code} key={n}>
          {issue.message}
          {issue.suggestion !== undefined && <em> Did you mean {String(issue.suggestion)}?</em>}
        </p>
      ))}
    </label>
  );
}

function OrderForm() {
  const [submitted, setSubmitted] = useState(null);
  const form = useForm({
    defaultValues: emptyOrder,
    validators: { onChangeAsync: orderSchema },
    onSubmit: ({ value }) => setSubmitted(prepare(value).order),
  });
  const input = (name, label) => (
    <form.Field key={name} name={name}>{(field) => <Input field={field} label={label} />}</form.Field>
  );
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); form.handleSubmit(); }}>
      <h1>Order (TanStack Form)</h1>
      <fieldset>
        <legend>Domain owner</legend>
        {ownerFields.map(([name, label]) => input(name, label))}
        <form.Field name="emailServiceProvider">
          {(field) => (
            <label>
              <span>Email provider</span>
              <select data-field={field.name} value={field.state.value} onChange={(e) => field.handleChange(e.target.value)}>
                <option>Google</option><option>Microsoft</option><option>Azure</option>
              </select>
            </label>
          )}
        </form.Field>
      </fieldset>
      <fieldset>
        <legend>Domain</legend>
        {input('domains[0].name', 'Domain to buy')}
        {input('domains[0].redirectUrl', 'Redirect to')}
        <form.Field name="domains[0].mailboxes" mode="array">
          {(list) => (
            <>
              {list.state.value.map((_, i) => (
                <fieldset key={i}>
                  <legend>Mailbox {i + 1}</legend>
                  {mailboxFields.map(([key, label]) => input(`domains[0].mailboxes[${i}].${key}`, label))}
                </fieldset>
              ))}
              <button type="button" onClick={() => list.pushValue({ ...emptyMailbox })}>Add mailbox</button>
            </>
          )}
        </form.Field>
      </fieldset>
      <button type="submit">Review order</button>
      {submitted && <pre id="submitted">{JSON.stringify(submitted, null, 2)}</pre>}
    </form>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><OrderForm /></StrictMode>);
