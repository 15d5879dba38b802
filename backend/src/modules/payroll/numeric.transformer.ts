import { type ValueTransformer } from 'typeorm';

/** pg returns `numeric` as a string (to keep precision); hours with one decimal are safe as a number. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
