/** ID numbers keep their region prefix and last four digits: enough to tell two people apart, not to use. */
export function maskIdNumber(v: string): string {
  return `${v.slice(0, 4)}${'*'.repeat(Math.max(v.length - 8, 0))}${v.slice(-4)}`;
}

export function maskMobile(v: string): string {
  return `${v.slice(0, 3)}****${v.slice(-4)}`;
}
