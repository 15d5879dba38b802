/** class-transformer `@Transform`: surrounding spaces are not part of what a user typed in a text field. */
export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
