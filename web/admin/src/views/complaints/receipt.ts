/** A receipt code in groups of four digits, as it is read out over the phone or written on a slip. */
export function groupDigits(code: string): string {
  return code.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}
