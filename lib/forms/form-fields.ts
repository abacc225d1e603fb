// Server actions are public endpoints: whatever their TypeScript signature says, a hand-made request
// can pass any value where a FormData is expected (a string, null, an array of pairs…). Reading one
// through this gives the form's fields, or an empty object for anything that is not a form, which the
// action's zod schema then refuses like a blank form — instead of a TypeError (a 500).
export function formFields(form: unknown): Record<string, FormDataEntryValue> {
  return form instanceof FormData ? Object.fromEntries(form) : {};
}
