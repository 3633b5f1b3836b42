import { describe, expect, it } from 'vitest'
import { decodeTex, decodeTexExact, escapeTex } from './tex'

describe('decodeTex', () => {
  it('turns every accent form into the composed letter', () => {
    expect(
      decodeTex(
        String.raw`\"o \"{o} {\"o} \" o \'e \'{\i} \^{a} \~n \=u \.z \u{g} \v{S} \H{o} \c{c} \k{a} \r{a} \d{s} \b{k}`,
      ),
    ).toBe('ö ö ö ö é í â ñ ū ż ğ Š ő ç ą å ṣ ḵ')
  })

  it('turns symbols, escapes, dashes, quotes and spaces into characters', () => {
    expect(
      decodeTex(
        String.raw`{\ss} {\o} \AA{} {\ae} {\L} {\i}{\j} \& \% \$ \# \_ \{x\} 1--2 a---b ` +
          "``q''" +
          String.raw` a~b \textendash{} \guillemotleft x\guillemotright \textbackslash`,
      ),
    ).toBe('ß ø Å æ Ł ıȷ & % $ # _ {x} 1–2 a—b “q” a\u00a0b – «x»\\')
  })

  it('keeps the text of formatting commands and drops protective braces', () => {
    expect(
      decodeTex(
        String.raw`The {COVID}-19 \emph{first} \textbf{bold \textit{and}} \url{a_b} \enquote{q} {\relax Ch}`,
      ),
    ).toBe('The COVID-19 first bold and a_b “q” Ch')
  })

  it('keeps what has no Unicode form as written and says so', () => {
    expect(decodeTexExact(String.raw`\cite{x} and $x^2$ and $\alpha$`)).toEqual({
      text: String.raw`\cite{x} and $x^2$ and α`,
      exact: false,
    })
    expect(decodeTexExact(String.raw`Caf\'e`)).toEqual({ text: 'Café', exact: true })
  })

  it('leaves Cyrillic and other scripts alone', () => {
    expect(decodeTex('Иванов {И. И.} — «Вестник»')).toBe('Иванов И. И. — «Вестник»')
  })
})

describe('escapeTex', () => {
  it('writes accented Latin letters as TeX for classic BibTeX, and reads back the same', () => {
    const text = 'Müller, Škoda, Łódź, façade, ß, naïve – Ёж'
    const ascii = escapeTex(text, { ascii: true })
    expect(ascii).toBe(
      String.raw`M{\"u}ller, {\v{S}}koda, {\L}{\'o}d{\'z}, fa{\c{c}}ade, {\ss}, na{\"\i}ve -- Ёж`,
    )
    expect(decodeTex(ascii)).toBe(text)
    expect(escapeTex(text)).toBe(text)
  })
})
