import { describe, expect, it } from 'vitest'
import { displayKeys } from './shortcuts.ts'

describe('displayKeys', () => {
  it.each([
    ['Mod-Enter', 'Ctrl+Enter'],
    ['Shift-Alt-t', 'Alt+Shift+T'],
    ['Mod-Shift-Backspace', 'Ctrl+Shift+Backspace'],
    ['Alt-ArrowUp', 'Alt+↑'],
    ['Mod-.', 'Ctrl+.'],
    ['Shift-Tab', 'Shift+Tab'],
    ['Mod-Alt-Enter', 'Ctrl+Alt+Enter'],
    ['Mod-z', 'Ctrl+Z'],
  ])('reads %s as %s', (binding, shown) => {
    expect(displayKeys(binding)).toBe(shown)
  })

  it('names Mod and Alt as a Mac does', () => {
    expect(displayKeys('Mod-Shift-Enter', true)).toBe('⌘+Shift+Enter')
    expect(displayKeys('Shift-Alt-a', true)).toBe('⌥+Shift+A')
  })
})
