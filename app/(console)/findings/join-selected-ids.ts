/**
 * A form sends one `ids` entry per ticked checkbox, but actions read one value per field
 * (formFields): join them, so a bulk action acts on every selected finding, not on the last one.
 */
export function joinSelectedIds(form: FormData): FormData {
  const joined = new FormData();
  for (const [key, value] of form.entries()) if (key !== "ids") joined.append(key, value);
  const ids = form.getAll("ids").filter((id): id is string => typeof id === "string" && id !== "");
  if (ids.length > 0) joined.set("ids", ids.join(","));
  return joined;
}
