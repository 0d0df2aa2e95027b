// What reading a user's JSON text says when the text is ambiguous.

export const JSON_TEXT = {
  /** `place`: 'at the top level' or 'in "workload.slo"'. */
  duplicateKey: (key: string, place: string) =>
    `"${key}" is given twice ${place}; JSON would keep only the last one, so remove the one you do not mean`,
};
