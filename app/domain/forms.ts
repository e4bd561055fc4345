// What a form that failed carries back to the page: one message per field (by the field's name),
// plus `form` for a message about the whole form. Server modules fill it, components show it.
export type FieldErrors = Partial<Record<string, string>>;
