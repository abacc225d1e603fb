// What a gateway's settings page hands its settings form (a client component, so everything
// given is sent to the browser): only the fields named. A secret (merchantPass, aesKey…) is
// never named; the form gets a hint of it instead (secretHint).
export function formValues<S extends object, K extends keyof S>(settings: S, fields: readonly K[]): Pick<S, K> {
  return Object.fromEntries(fields.map((field) => [field, settings[field]])) as Pick<S, K>;
}
