/** For tests of form actions: a submitted form from plain values; a list is a repeated field (checkbox group). */
export function submittedForm(entries: Record<string, string | readonly string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries))
    for (const one of typeof value === 'string' ? [value] : value) form.append(name, one);
  return form;
}
