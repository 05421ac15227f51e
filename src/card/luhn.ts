/**
 * The Luhn (mod 10) check digit test that every supported brand's numbers pass.
 *
 * @param digits - the card number as digits only (no spaces)
 * @returns false for an empty string or any non-digit character
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  // Walk from the check digit leftwards, doubling every second digit.
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
