// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { labelRemoteMedia, placeholderDescription } from './remoteMedia'

describe('placeholders of pictures the page did not carry', () => {
  it('read the description the stored copy gives, with or without an address', () => {
    expect(
      placeholderDescription(
        '[image: A "cat"] https://site.example/a/pic.jpg',
        'image',
        'https://site.example/a/pic.jpg',
      ),
    ).toBe('A "cat"')
    expect(
      placeholderDescription('[image] https://cdn.example/b.jpg', 'image', 'https://cdn.example/b.jpg'),
    ).toBe('')
    expect(placeholderDescription('[video: The port at dawn]', 'video', null)).toBe('The port at dawn')
    expect(placeholderDescription('[image: a [bracketed] name]', 'image', null)).toBe('a [bracketed] name')
    expect(placeholderDescription('something else', 'image', null)).toBe('')
  })

  it('get words in the interface language and keep their text, so highlights stay in place', () => {
    document.body.innerHTML =
      '<p>Before <span class="lectern-remote-image" data-src="https://cdn.example/b.jpg">[image: Harbour cranes] https://cdn.example/b.jpg</span> after</p>'
    const text = document.body.textContent
    labelRemoteMedia(document.body, (kind, description) => `Изображение не сохранено: ${description}`)
    const span = document.querySelector('span')!
    expect(span.getAttribute('data-label')).toBe('Изображение не сохранено: Harbour cranes')
    expect(span.getAttribute('title')).toBe('https://cdn.example/b.jpg')
    expect(document.body.textContent).toBe(text)
    labelRemoteMedia(document.body, (kind, description) => `Picture not saved: ${description}`)
    expect(span.getAttribute('data-label')).toBe('Picture not saved: Harbour cranes')
  })
})
