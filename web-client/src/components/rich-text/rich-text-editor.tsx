import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { richTextExtensions, storedHtml } from './rich-text-extensions';
import { ImageDialog, LinkDialog } from './rich-text-dialogs';

export interface RichTextEditorProps {
  /** The editable area's id (field errors link to it). */
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** The stored HTML (sanitised by the API); '' when empty. */
  value: string;
  onChange: (html: string) => void;
  /** The text's language (multilingual forms: one editor per language). */
  lang?: string;
  required?: boolean;
  /** Offers the image button (uploads to the API's media). */
  images?: boolean;
}

type ToolKey =
  'bold' | 'italic' | 'heading2' | 'heading3' | 'bulletList' | 'orderedList' | 'blockquote' | 'link' | 'image' | 'undo' | 'redo';

interface Tool {
  key: ToolKey;
  /** aria-keyshortcuts */
  keys?: string;
  /** Toggles: aria-pressed shows their state. */
  toggle: boolean;
}

const TOOLS: Tool[] = [
  { key: 'bold', keys: 'Control+B', toggle: true },
  { key: 'italic', keys: 'Control+I', toggle: true },
  { key: 'heading2', keys: 'Control+Alt+2', toggle: true },
  { key: 'heading3', keys: 'Control+Alt+3', toggle: true },
  { key: 'bulletList', keys: 'Control+Shift+8', toggle: true },
  { key: 'orderedList', keys: 'Control+Shift+7', toggle: true },
  { key: 'blockquote', keys: 'Control+Shift+B', toggle: true },
  { key: 'link', keys: 'Control+K', toggle: true },
  { key: 'image', toggle: false },
  { key: 'undo', keys: 'Control+Z', toggle: false },
  { key: 'redo', keys: 'Control+Shift+Z', toggle: false },
];

function stateOf(editor: Editor | null) {
  return {
    bold: editor?.isActive('bold') ?? false,
    italic: editor?.isActive('italic') ?? false,
    heading2: editor?.isActive('heading', { level: 2 }) ?? false,
    heading3: editor?.isActive('heading', { level: 3 }) ?? false,
    bulletList: editor?.isActive('bulletList') ?? false,
    orderedList: editor?.isActive('orderedList') ?? false,
    blockquote: editor?.isActive('blockquote') ?? false,
    link: editor?.isActive('link') ?? false,
    image: false,
    undo: false,
    redo: false,
    canUndo: editor?.can().undo() ?? false,
    canRedo: editor?.can().redo() ?? false,
  };
}

/**
 * The rich-text field for every staff text (Tiptap/ProseMirror): a labelled, described editable area and a toolbar
 * (role="toolbar", one tab stop, arrow keys between buttons, Alt+F10 from the text, Escape back), whose document holds only
 * what the API's sanitiser keeps. A controlled field: `value` and `onChange` carry the HTML.
 */
export function RichTextEditor({ id, label, hint, errors, value, onChange, lang, required, images = true }: RichTextEditorProps) {
  const { t } = useTranslation();
  const labelId = `${id}-label`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors && errors.length > 0 ? `${id}-error` : undefined;
  const keysId = `${id}-keys`;
  const describedBy = [hintId, errorId, keysId].filter(Boolean).join(' ');
  const [dialog, setDialog] = useState<'link' | 'image' | null>(null);
  const [active, setActive] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const emitted = useRef(value);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const extensions = useMemo(() => richTextExtensions(() => setDialog('link')), []);
  const editor = useEditor({
    extensions,
    content: value,
    injectCSS: false, // the page's CSP allows no inline style: ProseMirror's rules are in app.css
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: e }) => {
      const html = storedHtml(e.getHTML(), e.isEmpty);
      emitted.current = html;
      onChangeRef.current(html);
    },
  });
  const state = useEditorState({ editor, selector: ({ editor: e }) => stateOf(e) }) ?? stateOf(null);

  // A value set from outside (a template applied, a form reset) replaces the document.
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  // The editable area's name, description and state follow the field's.
  useEffect(() => {
    if (!editor) return;
    const attributes: Record<string, string> = {
      id,
      class: 'rich-editor__content field__input',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': labelId,
      'aria-describedby': describedBy,
    };
    if (lang) attributes.lang = lang;
    if (errorId) attributes['aria-invalid'] = 'true';
    if (required) attributes['aria-required'] = 'true';
    editor.setOptions({
      editorProps: {
        attributes,
        handleKeyDown: (_view, event) => {
          if (event.altKey && event.key === 'F10') {
            event.preventDefault();
            toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
            return true;
          }
          return false;
        },
      },
    });
  }, [editor, id, labelId, describedBy, lang, errorId, required]);

  const tools = TOOLS.filter((tool) => images || tool.key !== 'image');

  function run(key: ToolKey) {
    if (!editor) return;
    const chain = editor.chain().focus();
    switch (key) {
      case 'bold':
        return chain.toggleBold().run();
      case 'italic':
        return chain.toggleItalic().run();
      case 'heading2':
        return chain.toggleHeading({ level: 2 }).run();
      case 'heading3':
        return chain.toggleHeading({ level: 3 }).run();
      case 'bulletList':
        return chain.toggleBulletList().run();
      case 'orderedList':
        return chain.toggleOrderedList().run();
      case 'blockquote':
        return chain.toggleBlockquote().run();
      case 'undo':
        return chain.undo().run();
      case 'redo':
        return chain.redo().run();
      case 'link':
      case 'image':
        setDialog(key);
    }
  }

  function disabled(key: ToolKey) {
    return (key === 'undo' && !state.canUndo) || (key === 'redo' && !state.canRedo);
  }

  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = tools.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? active === last
          ? 0
          : active + 1
        : event.key === 'ArrowLeft'
          ? active === 0
            ? last
            : active - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (event.key === 'Escape') {
      event.preventDefault();
      editor?.commands.focus();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  }

  function closeDialog() {
    setDialog(null);
    // After the dialog has given focus back to its opener, the writer goes on in the text.
    window.setTimeout(() => editor?.commands.focus(), 0);
  }

  return (
    <div className={['field', 'rich-editor', errorId ? 'field--invalid' : ''].join(' ').trim()}>
      <span className="field__label" id={labelId}>
        {label}
      </span>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p className="field__error" id={errorId}>
          {errors!.join(' ')}
        </p>
      ) : null}
      <p className="visually-hidden" id={keysId}>
        {t('richText.toolbarHint')}
      </p>
      <div
        ref={toolbarRef}
        className="toolbar rich-editor__toolbar"
        role="toolbar"
        aria-label={t('richText.toolbar', { field: label })}
        aria-controls={id}
        onKeyDown={onToolbarKeyDown}
      >
        {tools.map((tool, index) => (
          <button
            key={tool.key}
            type="button"
            className={`button button--secondary button--small rich-editor__tool rich-editor__tool--${tool.key}`}
            tabIndex={index === active ? 0 : -1}
            aria-pressed={tool.toggle ? state[tool.key] : undefined}
            aria-disabled={disabled(tool.key) || undefined}
            aria-keyshortcuts={tool.keys}
            onFocus={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()} // the text keeps its selection
            onClick={() => {
              if (!disabled(tool.key)) run(tool.key);
            }}
          >
            {t(`richText.${tool.key}`)}
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
      {/* Outside the page's form (a form in a form would submit the page's); their submit events stop at their own form. */}
      {editor
        ? createPortal(
            <>
              <LinkDialog open={dialog === 'link'} editor={editor} onClose={closeDialog} />
              {images ? <ImageDialog open={dialog === 'image'} editor={editor} onClose={closeDialog} /> : null}
            </>,
            document.body,
          )
        : null}
    </div>
  );
}
