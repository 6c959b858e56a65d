/**
 * A form's fields as zod input: one string per name, an empty field as absent (a blank optional
 * input means "not given"). Files are dropped: no action takes uploads.
 */
export function formFields(form: FormData): Record<string, string | undefined> {
  return Object.fromEntries(
    [...form.entries()].map(([key, value]) => [key, typeof value === "string" && value !== "" ? value : undefined]),
  );
}
