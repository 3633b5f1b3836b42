/**
 * Russian plural forms for messages written as "one | few | many"
 * (1 статья, 2 статьи, 5 статей, 21 статья, 11 статей).
 */
export function russianPluralIndex(choice: number, choicesLength: number): number {
  const n = Math.abs(Math.trunc(choice))
  const lastDigit = n % 10
  const lastTwoDigits = n % 100
  let index: number
  if (lastDigit === 1 && lastTwoDigits !== 11) index = 0
  else if (lastDigit >= 2 && lastDigit <= 4 && (lastTwoDigits < 12 || lastTwoDigits > 14)) index = 1
  else index = 2
  return Math.min(index, choicesLength - 1)
}
