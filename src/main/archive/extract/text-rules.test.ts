import { describe, expect, it } from 'vitest'
import { bylineAuthors } from './text-rules'

describe('bylineAuthors', () => {
  it('splits names joined by a comma, a semicolon or "and" in the languages the name lists know', () => {
    expect(bylineAuthors('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(bylineAuthors('Автор: Иван Петров и Мария Сидорова')).toEqual(['Иван Петров', 'Мария Сидорова'])
    expect(bylineAuthors('By Jane Doe und John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(bylineAuthors('Text: Ursula von der Leyen; Jane Roe')).toEqual([
      'Ursula von der Leyen',
      'Jane Roe',
    ])
  })

  it('gives null for a line that is not a byline', () => {
    expect(bylineAuthors('By the harbour the ferries waited all night.')).toBeNull()
    expect(bylineAuthors('Jane Doe and John Roe')).toBeNull()
  })
})
