import { useEffect, useRef, useState } from 'react'
import { useFetcher } from 'react-router'
import { useTranslation } from 'react-i18next'
import { EditorState, type Command } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { history, undo, redo } from 'prosemirror-history'
import { keymap } from 'prosemirror-keymap'
import { baseKeymap, chainCommands } from 'prosemirror-commands'
import { legalSchema } from '../../drafting/schema.ts'
import type { LanguageVariant } from '../../drafting/language.ts'
import type { NumberingMode } from '../../drafting/numbering.ts'
import type { DocumentType } from '../../drafting/inputs.ts'
import { nodeIdsPlugin } from '../../drafting/editor/node-ids.ts'
import { numberingPlugin } from '../../drafting/editor/numbering-decorations.ts'
import { insertArticleAfter, makePoint, moveArticle, splitParagraph } from '../../drafting/editor/commands.ts'
import { indentUnit, outdentUnit } from '../../drafting/editor/point-levels.ts'
import { insertDivision, removeDivision } from '../../drafting/editor/divisions.ts'
import { addColumnAfter, addRowAfter, goToCell, insertAnnex, insertTable, removeAnnex, removeColumn, removeRow, removeTable, tableGridPlugin, toggleHeaderRow } from '../../drafting/editor/tables.ts'
import { structuredPastePlugin } from '../../drafting/editor/paste.ts'
import { articleChoices, insertReference, referencesPlugin } from '../../drafting/editor/references.ts'
import { displayKeys, isMac } from '../../drafting/editor/shortcuts.ts'
import { unitLabels } from '../../drafting/document-types.ts'
import { CsrfField } from './forms.tsx'

interface SaveResult {
  saved?: boolean
  revision?: number
  errors?: { form?: string[] }
  /** What a refusal names: the article number duplicated or holding a broken reference. */
  detail?: { number?: string; article?: string }
}

/**
 * The working group's editor: the act as a ProseMirror document with live numbering.
 * Saving sends the whole document with the revision it started from; the server checks
 * it against the schema and refuses it if someone else saved in between.
 */
const insertPart = insertDivision('part')
const insertChapter = insertDivision('chapter')
const insertSection = insertDivision('section')
const removeEnclosingDivision = removeDivision()
/** A new table: a header row and two rows of two columns. */
const insertDefaultTable = insertTable(3, 2)
const moveUp = moveArticle(-1)
const moveDown = moveArticle(1)

/** A toolbar button: its label, what it does, and its keyboard shortcut (a keymap name). */
interface Tool {
  label: string
  command: Command
  keys?: string
}

/**
 * Every command of the toolbar with its shortcut: one list for the buttons, their titles,
 * the keymap and the shortcut help, so that they cannot disagree. Tab, Shift+Tab and Enter
 * do more in the keymap than their buttons (a table's next cell; a new paragraph).
 */
const TOOLS: Tool[] = [
  { label: 'editor.undo', command: undo, keys: 'Mod-z' },
  { label: 'editor.redo', command: redo, keys: 'Mod-y' },
  { label: 'editor.insertArticle', command: insertArticleAfter, keys: 'Mod-Enter' },
  { label: 'editor.moveUp', command: moveUp, keys: 'Alt-ArrowUp' },
  { label: 'editor.moveDown', command: moveDown, keys: 'Alt-ArrowDown' },
  { label: 'editor.splitParagraph', command: splitParagraph, keys: 'Enter' },
  { label: 'editor.makePoint', command: makePoint, keys: 'Mod-.' },
  { label: 'editor.indent', command: indentUnit, keys: 'Tab' },
  { label: 'editor.outdent', command: outdentUnit, keys: 'Shift-Tab' },
  { label: 'editor.insertPart', command: insertPart, keys: 'Mod-Alt-Enter' },
  { label: 'editor.insertChapter', command: insertChapter, keys: 'Mod-Shift-Enter' },
  { label: 'editor.insertSection', command: insertSection, keys: 'Shift-Alt-Enter' },
  { label: 'editor.removeDivision', command: removeEnclosingDivision, keys: 'Mod-Shift-Backspace' },
  { label: 'editor.table.insert', command: insertDefaultTable, keys: 'Shift-Alt-t' },
  { label: 'editor.table.addRow', command: addRowAfter, keys: 'Shift-Alt-r' },
  { label: 'editor.table.removeRow', command: removeRow },
  { label: 'editor.table.addColumn', command: addColumnAfter, keys: 'Shift-Alt-c' },
  { label: 'editor.table.removeColumn', command: removeColumn },
  { label: 'editor.table.headerRow', command: toggleHeaderRow },
  { label: 'editor.table.remove', command: removeTable },
  { label: 'editor.annex.insert', command: insertAnnex, keys: 'Shift-Alt-a' },
  { label: 'editor.annex.remove', command: removeAnnex },
]

/** Shortcuts without a button of their own, for the help. */
const MORE_SHORTCUTS: { label: string; keys: string }[] = [
  { label: 'editor.shortcuts.nextCell', keys: 'Tab' },
  { label: 'editor.shortcuts.redoAlso', keys: 'Shift-Mod-z' },
  { label: 'editor.save', keys: 'Mod-s' },
]

/** How long the editor waits after the last change before it saves by itself. */
const AUTOSAVE_MS = 20_000

export function LegalEditor(props: {
  doc: unknown
  revision: number
  variant: LanguageVariant
  numberingMode: NumberingMode
  documentType?: DocumentType
  label: string
  /** The page of the saved working copy, opened beside this one after a conflict. */
  savedCopyHref?: string
}) {
  const { t } = useTranslation()
  const mount = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const [, setTick] = useState(0)
  const [dirty, setDirty] = useState(false)
  const [revision, setRevision] = useState(props.revision)
  const [referenceTarget, setReferenceTarget] = useState('')
  const fetcher = useFetcher<SaveResult>()
  const form = useRef<HTMLFormElement>(null)
  const docField = useRef<HTMLInputElement>(null)

  const save = () => {
    if (!view.current || !form.current || !docField.current) return
    docField.current.value = JSON.stringify(view.current.state.doc.toJSON())
    fetcher.submit(form.current)
  }

  useEffect(() => {
    if (!mount.current) return
    const commands: Record<string, Command> = Object.fromEntries(TOOLS.filter((tool) => tool.keys).map((tool) => [tool.keys!, tool.command]))
    Object.assign(commands, {
      'Shift-Mod-z': redo,
      // Tab goes to the next cell in a table, indents a point elsewhere, and moves focus
      // out of the editor wherever there is nothing to indent.
      Tab: chainCommands(goToCell(1), indentUnit),
      'Shift-Tab': chainCommands(goToCell(-1), outdentUnit),
      Enter: chainCommands(splitParagraph, baseKeymap.Enter!),
      'Mod-s': () => {
        save()
        return true
      },
    })
    const state = EditorState.create({
      doc: legalSchema.nodeFromJSON(props.doc as Record<string, unknown>),
      plugins: [history(), keymap(commands), keymap(baseKeymap), structuredPastePlugin(), nodeIdsPlugin(), tableGridPlugin(), numberingPlugin(props.variant, props.numberingMode, props.documentType ?? 'law'), referencesPlugin(props.variant, props.numberingMode)],
    })
    const editorView = new EditorView(mount.current, {
      state,
      attributes: { class: 'legal-editor__surface legal-text', 'aria-label': props.label, role: 'textbox', 'aria-multiline': 'true' },
      dispatchTransaction(tr) {
        editorView.updateState(editorView.state.apply(tr))
        if (tr.docChanged) setDirty(true)
        setTick((n) => n + 1)
      },
    })
    view.current = editorView
    setTick((n) => n + 1)
    return () => {
      editorView.destroy()
      view.current = null
    }
    // The editor is created once per page; later props come through saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.saved && fetcher.data.revision !== undefined) {
      setRevision(fetcher.data.revision)
      setDirty(false)
    }
  }, [fetcher.state, fetcher.data])

  // Autosave: some time after the last change, unless a save is under way or a conflict
  // waits for the person to decide.
  const lastError = fetcher.data?.errors?.form?.[0]
  useEffect(() => {
    if (!dirty || fetcher.state !== 'idle' || lastError === 'errors.editor.stale-revision') return
    const timer = setTimeout(save, AUTOSAVE_MS)
    return () => clearTimeout(timer)
    // save reads the view and form through refs; the timer restarts on every change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  })

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const run = (command: Command) => () => {
    if (!view.current) return
    command(view.current.state, view.current.dispatch, view.current)
    view.current.focus()
  }
  const enabled = (command: Command) => (view.current ? command(view.current.state) : false)
  // The articles to refer to, from the current document: numbers follow every change.
  // Labelled as the document type names its units (Član 5. / Standard 5.).
  const articleLabel = unitLabels(props.documentType ?? 'law', props.variant).article
  const choices = view.current ? articleChoices(view.current.state.doc, props.numberingMode) : []
  const target = choices.find((c) => c.id === referenceTarget) ?? choices[0]
  const referToTarget = insertReference({ article: target?.id ?? '', paragraph: null, point: null, form: 'gen' })
  const shortcut = (keys: string) => t('editor.shortcut', { keys })
  const mac = isMac()
  const keysShown = (binding: string) => displayKeys(binding, mac)
  const saving = fetcher.state !== 'idle'
  const conflict = fetcher.data?.errors?.form?.includes('errors.editor.stale-revision') ?? false
  // After a conflict nothing is lost: the person keeps their text here, opens the saved
  // copy beside it, and can download their own as a file.
  const downloadMine = () => {
    if (!view.current) return
    const blob = new Blob([JSON.stringify(view.current.state.doc.toJSON(), null, 2)], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = 'moja-radna-verzija.json'
    a.click()
    URL.revokeObjectURL(url)
  }
  const status = saving ? t('editor.saving') : dirty ? t('editor.unsaved') : fetcher.data?.saved ? t('editor.saved') : ''

  return (
    <div className="legal-editor">
      <div className="legal-editor__toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        {TOOLS.map((tool) => (
          <button key={tool.label} type="button" className="tool" onClick={run(tool.command)} disabled={!enabled(tool.command)} title={tool.keys ? shortcut(keysShown(tool.keys)) : undefined}>
            {t(tool.label)}
          </button>
        ))}
        <select className="tool" aria-label={t('editor.reference.target')} value={target?.id ?? ''} onChange={(e) => setReferenceTarget(e.target.value)}>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>{c.heading ? t('editor.reference.option', { label: articleLabel(c.number), heading: c.heading }) : articleLabel(c.number)}</option>
          ))}
        </select>
        <button type="button" className="tool" onClick={run(referToTarget)} disabled={!target || !enabled(referToTarget)}>{t('editor.reference.insert')}</button>
        <span className="legal-editor__status" role="status" aria-live="polite">{status}</span>
        <fetcher.Form method="post" ref={form} className="inline-form" onSubmit={(e) => { e.preventDefault(); save() }}>
          <CsrfField />
          <input type="hidden" name="baseRevision" value={revision} />
          <input type="hidden" name="doc" ref={docField} defaultValue="" />
          <button type="submit" className="button" disabled={saving} title={shortcut(keysShown('Mod-s'))}>{t('editor.save')}</button>
        </fetcher.Form>
      </div>
      <details className="legal-editor__shortcuts">
        <summary>{t('editor.shortcuts.title')}</summary>
        <dl>
          {[...TOOLS.filter((tool) => tool.keys), ...MORE_SHORTCUTS].map((item) => (
            <div key={`${item.label}-${item.keys}`}>
              <dt><kbd>{keysShown(item.keys!)}</kbd></dt>
              <dd>{t(item.label)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {fetcher.data?.errors?.form && (
        <div className="alert alert--error" role="alert">
          {fetcher.data.errors.form.map((m) => <p key={m}>{t(m, fetcher.data?.detail ?? {})}</p>)}
          {conflict && (
            <p className="button-row">
              {props.savedCopyHref && (
                <a href={props.savedCopyHref} target="_blank" rel="noopener" className="button button--secondary">{t('editor.conflict.openSaved')}</a>
              )}
              <button type="button" className="button button--secondary" onClick={downloadMine}>{t('editor.conflict.download')}</button>
            </p>
          )}
        </div>
      )}
      <div ref={mount} />
    </div>
  )
}
