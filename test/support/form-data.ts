// A form post for tests of server actions and form readers: FormData as the browser would send it.

/** From named fields, or from [name, value] pairs when a name repeats (a group of checkboxes). */
export function formData(fields: Record<string, string> | [string, string][]): FormData {
  const f = new FormData();
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) f.append(name, value);
  return f;
}
