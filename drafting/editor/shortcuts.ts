// Keyboard shortcuts as the editor binds them (prosemirror-keymap's names: "Mod-Enter",
// "Shift-Alt-t") and as people read them ("Ctrl+Enter", "Alt+Shift+T"; ⌘ on a Mac).

const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Backspace: 'Backspace', Enter: 'Enter', Tab: 'Tab', '.': '.',
}
/** Modifiers in the order people write them. */
const ORDER = ['Mod', 'Ctrl', 'Alt', 'Shift']

/** A keymap name as people read it: "Shift-Alt-t" → "Alt+Shift+T", "Mod-Enter" → "Ctrl+Enter" (⌘+Enter on a Mac). */
export function displayKeys(binding: string, mac = false): string {
  // The key is what follows the last modifier ("Mod-." has the key "."; "Mod--" the key "-").
  const parts = binding.split(/-(?!$)/)
  const key = parts.pop()!
  const modifiers = parts.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
  const names = modifiers.map((m) => (m === 'Mod' ? (mac ? '⌘' : 'Ctrl') : m === 'Alt' && mac ? '⌥' : m))
  const shown = KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key)
  return [...names, shown].join('+')
}

/** Whether this browser is on a Mac, where Mod is ⌘. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}
