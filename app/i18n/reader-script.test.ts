import { describe, expect, it } from 'vitest'
import { inInterfaceScript, interfaceScript } from './reader-script.ts'

describe('inInterfaceScript', () => {
  it('shows names in a Serbian interface in its own script, whichever script they were typed in', () => {
    expect(inInterfaceScript('Federalno ministarstvo rada i socijalne politike', 'sr-Cyrl')).toBe('Федерално министарство рада и социјалне политике')
    expect(inInterfaceScript('Нацрт за јавне консултације', 'sr-Latn')).toBe('Nacrt za javne konsultacije')
    expect(inInterfaceScript('Нацрт за јавне консултације', 'sr-Cyrl')).toBe('Нацрт за јавне консултације')
  })
  it('shows names as typed in the other interfaces', () => {
    for (const locale of ['bs', 'hr', 'en']) {
      expect(inInterfaceScript('Nacrt za javne konsultacije', locale)).toBe('Nacrt za javne konsultacije')
      expect(inInterfaceScript('Нацрт', locale)).toBe('Нацрт')
      expect(interfaceScript(locale)).toBeNull()
    }
  })
})
