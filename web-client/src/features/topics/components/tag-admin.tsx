import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, toApiError } from '@/api/errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { StatusMessage } from '@/components/ui/status-message';
import { localizedName } from '@/lib/roles';
import { areasQueryOptions, topicsQueryOptions, useCreateTag, useUpdateTag, type TagItem, type TagKind } from '../api/topics';
import { TagForm } from './tag-form';

function geometryText(item: TagItem): string {
  return 'geometry' in item && item.geometry ? JSON.stringify(item.geometry) : '';
}

/** One of the admins' lists (topics or areas): add, translate, move up or down, archive and restore. */
export function TagAdmin({ kind }: { kind: TagKind }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(kind === 'topics' ? topicsQueryOptions(true) : areasQueryOptions(true));
  const create = useCreateTag(kind);
  const update = useUpdateTag(kind);
  const [createKey, setCreateKey] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items: TagItem[] = list.data?.items ?? [];
  const prefix = `${kind}-admin`;

  /** Swaps an item with its neighbour (each keeps its version: a stale list is reloaded and said so). */
  function move(index: number, by: -1 | 1) {
    const item = items[index];
    const other = items[index + by];
    if (!item || !other) return;
    const [a, b] = other.sortOrder === item.sortOrder ? [item.sortOrder + by, item.sortOrder] : [other.sortOrder, item.sortOrder];
    update.mutate(
      { item, sortOrder: Math.max(0, a) },
      {
        onSuccess: () =>
          update.mutate(
            { item: other, sortOrder: Math.max(0, b) },
            { onSuccess: () => setNotice(t('topics.moved', { name: localizedName(item.name, i18n.language) })) },
          ),
      },
    );
  }

  return (
    <div className="stack">
      <section className="panel" aria-labelledby={`${prefix}-create-title`}>
        <h2 id={`${prefix}-create-title`}>{t(`topics.${kind}.createTitle`)}</h2>
        <TagForm
          key={createKey}
          kind={kind}
          idPrefix={`${prefix}-new`}
          submitLabel={t(`topics.${kind}.create`)}
          pending={create.isPending}
          error={create.error}
          onResetError={() => create.reset()}
          onSubmit={(draft) =>
            create.mutate(draft, {
              onSuccess: (created) => {
                setNotice(t('topics.created', { name: localizedName(created.name, i18n.language) }));
                setCreateKey((k) => k + 1);
              },
            })
          }
        />
      </section>
      <section className="panel" aria-labelledby={`${prefix}-list-title`}>
        <h2 id={`${prefix}-list-title`}>{t(`topics.${kind}.listTitle`)}</h2>
        <StatusMessage>{notice}</StatusMessage>
        {update.error && !editing ? (
          <Alert variant="error" role="alert" title={describeError(t, toApiError(update.error), { 409: t('topics.conflict') })} />
        ) : null}
        {list.isPending ? (
          <Loading label={t('common.loading')} />
        ) : list.isError ? (
          <Alert variant="error" role="alert" title={describeError(t, toApiError(list.error))} />
        ) : items.length === 0 ? (
          <p className="empty-state">{t(`topics.${kind}.empty`)}</p>
        ) : (
          <ol className="card-list">
            {items.map((item, index) => {
              const label = localizedName(item.name, i18n.language);
              const others = (['fr', 'nl', 'en'] as const)
                .filter((l) => l !== i18n.language && item.name[l] && item.name[l] !== label)
                .map((l) => `${l.toUpperCase()} : ${item.name[l]}`);
              return (
                <li key={item.id} className="card">
                  <article aria-labelledby={`${prefix}-${item.id}-name`}>
                    <div className="card__header">
                      <h3 id={`${prefix}-${item.id}-name`} className="card__title">
                        {label} {item.archived ? <Badge tone="neutral">{t('topics.archivedBadge')}</Badge> : null}
                      </h3>
                      {editing !== item.id ? (
                        <div className="card__actions">
                          <Button
                            variant="secondary"
                            className="button--small"
                            aria-label={t('topics.moveUpLabel', { name: label })}
                            disabled={index === 0 || update.isPending}
                            onClick={() => move(index, -1)}
                          >
                            {t('topics.moveUp')}
                          </Button>
                          <Button
                            variant="secondary"
                            className="button--small"
                            aria-label={t('topics.moveDownLabel', { name: label })}
                            disabled={index === items.length - 1 || update.isPending}
                            onClick={() => move(index, 1)}
                          >
                            {t('topics.moveDown')}
                          </Button>
                          <Button
                            variant="secondary"
                            className="button--small"
                            aria-label={t('topics.editLabel', { name: label })}
                            onClick={() => {
                              update.reset();
                              setEditing(item.id);
                            }}
                          >
                            {t('topics.edit')}
                          </Button>
                          <Button
                            variant="secondary"
                            className="button--small"
                            aria-label={t(item.archived ? 'topics.restoreLabel' : 'topics.archiveLabel', { name: label })}
                            disabled={update.isPending}
                            onClick={() =>
                              update.mutate(
                                { item, archived: !item.archived },
                                { onSuccess: () => setNotice(t(item.archived ? 'topics.restored' : 'topics.archived', { name: label })) },
                              )
                            }
                          >
                            {t(item.archived ? 'topics.restore' : 'topics.archive')}
                          </Button>
                        </div>
                      ) : null}
                    </div>
                    {others.length > 0 ? <p className="muted">{others.join(' · ')}</p> : null}
                    {kind === 'areas' && geometryText(item) ? <p className="muted">{t('topics.hasPolygon')}</p> : null}
                    {editing === item.id ? (
                      <TagForm
                        kind={kind}
                        idPrefix={`${prefix}-${item.id}`}
                        initial={{ name: item.name, description: item.description, geometry: geometryText(item) }}
                        submitLabel={t('topics.save')}
                        pending={update.isPending}
                        error={update.error}
                        onResetError={() => update.reset()}
                        onCancel={() => setEditing(null)}
                        onSubmit={(draft) =>
                          update.mutate(
                            { item, name: draft.name, description: draft.description, geometry: draft.geometry },
                            {
                              onSuccess: (saved) => {
                                setEditing(null);
                                setNotice(t('topics.saved', { name: localizedName(saved.name, i18n.language) }));
                              },
                            },
                          )
                        }
                      />
                    ) : null}
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
