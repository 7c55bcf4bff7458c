import { useTranslation } from 'react-i18next';
import type { Widget } from '@contracts/participation-client';
import { SnippetBox } from './snippet-box';

/**
 * What to paste into the city's website, and the widget as it will look. The preview is the real embed page, framed
 * from this app's address (the API lets the web app frame every widget); it reloads after each save.
 */
export function WidgetDetails({ widget }: { widget: Widget }) {
  const { t } = useTranslation();
  const prefix = `widget-${widget.id}`;
  return (
    <div className="widget-details">
      <section aria-labelledby={`${prefix}-snippets-title`} className="stack">
        <h3 id={`${prefix}-snippets-title`}>{t('widgets.snippets.title')}</h3>
        <SnippetBox
          id={`${prefix}-iframe`}
          label={t('widgets.snippets.iframe')}
          hint={t('widgets.snippets.iframeHint')}
          code={widget.snippets.iframe}
        />
        <SnippetBox
          id={`${prefix}-script`}
          label={t('widgets.snippets.script')}
          hint={t('widgets.snippets.scriptHint')}
          code={widget.snippets.script}
        />
        <SnippetBox
          id={`${prefix}-button`}
          label={t('widgets.snippets.button')}
          hint={t('widgets.snippets.buttonHint')}
          code={widget.snippets.button}
        />
        {widget.allowedOrigins.length === 0 ? <p className="muted">{t('widgets.snippets.noOrigins')}</p> : null}
      </section>
      <section aria-labelledby={`${prefix}-preview-title`} className="widget-preview">
        <h3 id={`${prefix}-preview-title`}>{t('widgets.preview.title')}</h3>
        <p className="muted">{t('widgets.preview.hint')}</p>
        <iframe
          key={widget.updatedAt}
          className="widget-preview__frame"
          title={t('widgets.preview.frameTitle', { name: widget.name })}
          src={`/embed/widgets/${widget.id}?v=${encodeURIComponent(widget.updatedAt)}`}
          width={widget.width}
          height={widget.height}
        />
      </section>
    </div>
  );
}
