/**
 * Puts values into a template's {variables}. A variable without a value stays as written, so a
 * misspelt one is visible in the text rather than silently blank.
 */
export function fillVariables(template: string, vars: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
