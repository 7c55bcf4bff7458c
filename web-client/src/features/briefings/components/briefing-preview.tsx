import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { formatDay } from '@/lib/format';
import { briefingPreviewQueryOptions } from '../api/briefings';

/**
 * The e-mail's HTML without its inline style attributes: the frame inherits the app's Content Security Policy, which
 * allows no inline style (parsing the HTML in the page, even inert, would report each one). The server encodes every
 * quote in the text, so a `style="` sequence can only be an attribute.
 */
export function withoutInlineStyles(html: string): string {
  return html.replace(/\sstyle="[^"]*"/g, '');
}

/**
 * An official's next briefing as it would be e-mailed: subject, period, the e-mail in a sandboxed frame (no script, no
 * navigation; its images are data: URIs) and the charts' alt texts, which state their data.
 */
export function BriefingPreview({ userId, departmentId, name }: { userId: string; departmentId?: string; name: string }) {
  const { t, i18n } = useTranslation();
  const preview = useQuery(briefingPreviewQueryOptions(userId, departmentId));
  if (preview.isPending) return <Loading label={t('common.loading')} />;
  if (preview.isError) return <Alert variant="error" role="alert" title={describeError(t, toApiError(preview.error))} />;
  const p = preview.data;
  return (
    <div className="stack">
      {p.optedOut ? <Alert variant="warning">{t('briefings.preview.optedOut')}</Alert> : null}
      {p.empty ? <Alert variant="info">{t('briefings.preview.empty')}</Alert> : null}
      <dl className="details">
        <dt>{t('briefings.preview.subject')}</dt>
        <dd data-testid="briefing-subject">{p.subject}</dd>
        <dt>{t('briefings.preview.period')}</dt>
        <dd>{t('briefings.preview.periodValue', { from: formatDay(p.from, i18n.language), to: formatDay(p.to, i18n.language) })}</dd>
      </dl>
      <iframe
        className="briefing-preview__frame"
        title={t('briefings.preview.frame', { name })}
        sandbox=""
        srcDoc={withoutInlineStyles(p.html)}
      />
      {p.charts.length > 0 ? (
        <section aria-labelledby="briefing-charts-title">
          <h3 id="briefing-charts-title">{t('briefings.preview.charts')}</h3>
          <ul>
            {p.charts.map((c) => (
              <li key={c.contentId}>
                <strong>{c.title}</strong> — {c.alt}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
