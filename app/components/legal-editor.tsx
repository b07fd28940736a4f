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
import { legalLabels } from '../../drafting/labels.ts'
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
    const commands: Record<string, Command> = {
      'Mod-z': undo,
      'Mod-y': redo,
      'Shift-Mod-z': redo,
      'Mod-Enter': insertArticleAfter,
      'Alt-ArrowUp': moveArticle(-1),
      'Alt-ArrowDown': moveArticle(1),
      'Mod-.': makePoint,
      // Tab goes to the next cell in a table, indents a point elsewhere, and moves focus
      // out of the editor wherever there is nothing to indent.
      Tab: chainCommands(goToCell(1), indentUnit),
      'Shift-Tab': chainCommands(goToCell(-1), outdentUnit),
      'Shift-Alt-t': insertDefaultTable,
      'Shift-Alt-r': addRowAfter,
      'Shift-Alt-c': addColumnAfter,
      'Shift-Alt-a': insertAnnex,
      'Mod-Shift-Enter': insertChapter,
      'Mod-Alt-Enter': insertPart,
      'Shift-Alt-Enter': insertSection,
      'Mod-Shift-Backspace': removeEnclosingDivision,
      Enter: chainCommands(splitParagraph, baseKeymap.Enter!),
      'Mod-s': () => {
        save()
        return true
      },
    }
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
  const articleLabel = legalLabels(props.variant).article
  const choices = view.current ? articleChoices(view.current.state.doc, props.numberingMode) : []
  const target = choices.find((c) => c.id === referenceTarget) ?? choices[0]
  const referToTarget = insertReference({ article: target?.id ?? '', paragraph: null, point: null, form: 'gen' })
  const shortcut = (keys: string) => t('editor.shortcut', { keys })
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
        <button type="button" className="tool" onClick={run(undo)} disabled={!enabled(undo)} title={shortcut('Ctrl+Z')}>{t('editor.undo')}</button>
        <button type="button" className="tool" onClick={run(redo)} disabled={!enabled(redo)} title={shortcut('Ctrl+Y')}>{t('editor.redo')}</button>
        <button type="button" className="tool" onClick={run(insertArticleAfter)} disabled={!enabled(insertArticleAfter)} title={shortcut('Ctrl+Enter')}>{t('editor.insertArticle')}</button>
        <button type="button" className="tool" onClick={run(moveArticle(-1))} disabled={!enabled(moveArticle(-1))} title={shortcut('Alt+↑')}>{t('editor.moveUp')}</button>
        <button type="button" className="tool" onClick={run(moveArticle(1))} disabled={!enabled(moveArticle(1))} title={shortcut('Alt+↓')}>{t('editor.moveDown')}</button>
        <button type="button" className="tool" onClick={run(splitParagraph)} disabled={!enabled(splitParagraph)} title={shortcut('Enter')}>{t('editor.splitParagraph')}</button>
        <button type="button" className="tool" onClick={run(makePoint)} disabled={!enabled(makePoint)} title={shortcut('Ctrl+.')}>{t('editor.makePoint')}</button>
        <button type="button" className="tool" onClick={run(indentUnit)} disabled={!enabled(indentUnit)} title={shortcut('Tab')}>{t('editor.indent')}</button>
        <button type="button" className="tool" onClick={run(outdentUnit)} disabled={!enabled(outdentUnit)} title={shortcut('Shift+Tab')}>{t('editor.outdent')}</button>
        <button type="button" className="tool" onClick={run(insertPart)} disabled={!enabled(insertPart)} title={shortcut('Ctrl+Alt+Enter')}>{t('editor.insertPart')}</button>
        <button type="button" className="tool" onClick={run(insertChapter)} disabled={!enabled(insertChapter)} title={shortcut('Ctrl+Shift+Enter')}>{t('editor.insertChapter')}</button>
        <button type="button" className="tool" onClick={run(insertSection)} disabled={!enabled(insertSection)} title={shortcut('Alt+Shift+Enter')}>{t('editor.insertSection')}</button>
        <button type="button" className="tool" onClick={run(removeEnclosingDivision)} disabled={!enabled(removeEnclosingDivision)} title={shortcut('Ctrl+Shift+Backspace')}>{t('editor.removeDivision')}</button>
        <button type="button" className="tool" onClick={run(insertDefaultTable)} disabled={!enabled(insertDefaultTable)} title={shortcut('Alt+Shift+T')}>{t('editor.table.insert')}</button>
        <button type="button" className="tool" onClick={run(addRowAfter)} disabled={!enabled(addRowAfter)} title={shortcut('Alt+Shift+R')}>{t('editor.table.addRow')}</button>
        <button type="button" className="tool" onClick={run(removeRow)} disabled={!enabled(removeRow)}>{t('editor.table.removeRow')}</button>
        <button type="button" className="tool" onClick={run(addColumnAfter)} disabled={!enabled(addColumnAfter)} title={shortcut('Alt+Shift+C')}>{t('editor.table.addColumn')}</button>
        <button type="button" className="tool" onClick={run(removeColumn)} disabled={!enabled(removeColumn)}>{t('editor.table.removeColumn')}</button>
        <button type="button" className="tool" onClick={run(toggleHeaderRow)} disabled={!enabled(toggleHeaderRow)}>{t('editor.table.headerRow')}</button>
        <button type="button" className="tool" onClick={run(removeTable)} disabled={!enabled(removeTable)}>{t('editor.table.remove')}</button>
        <button type="button" className="tool" onClick={run(insertAnnex)} disabled={!enabled(insertAnnex)} title={shortcut('Alt+Shift+A')}>{t('editor.annex.insert')}</button>
        <button type="button" className="tool" onClick={run(removeAnnex)} disabled={!enabled(removeAnnex)}>{t('editor.annex.remove')}</button>
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
          <button type="submit" className="button" disabled={saving} title={shortcut('Ctrl+S')}>{t('editor.save')}</button>
        </fetcher.Form>
      </div>
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
