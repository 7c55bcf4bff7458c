import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SelectOption } from '@/components/ui/select-field';
import type { ToggleChipOption } from '@/components/ui/toggle-chips';
import { areasQueryOptions, topicsQueryOptions } from '@/features/topics/api/topics';
import { localizedName } from '@/lib/roles';

/**
 * The topics and areas an idea may be tagged with: the project's topics if it has some, else every active topic;
 * every active area; plus those already on the idea (an archived one stays on it while it is not removed).
 */
export function useTagOptions(projectTopicIds: readonly string[] | undefined, current: { topicIds?: string[]; areaId?: string } = {}) {
  const { i18n } = useTranslation();
  const topics = useQuery(topicsQueryOptions(true));
  const areas = useQuery(areasQueryOptions(true));
  const projectTopics = projectTopicIds ?? [];
  const topicOptions: ToggleChipOption[] = (topics.data?.items ?? [])
    .filter(
      (topic) =>
        current.topicIds?.includes(topic.id) || (!topic.archived && (projectTopics.length === 0 || projectTopics.includes(topic.id))),
    )
    .map((topic) => ({ value: topic.id, label: localizedName(topic.name, i18n.language) }));
  const areaOptions: SelectOption[] = (areas.data?.items ?? [])
    .filter((area) => !area.archived || area.id === current.areaId)
    .map((area) => ({ value: area.id, label: localizedName(area.name, i18n.language) }));
  return { topicOptions, areaOptions, pending: topics.isPending || areas.isPending };
}

/** The topics and areas to filter lists by: every active one, in the admins' order. */
export function useFilterTagOptions() {
  const { i18n } = useTranslation();
  const topics = useQuery(topicsQueryOptions(false));
  const areas = useQuery(areasQueryOptions(false));
  const topicOptions: SelectOption[] = (topics.data?.items ?? []).map((topic) => ({
    value: topic.id,
    label: localizedName(topic.name, i18n.language),
  }));
  const areaOptions: SelectOption[] = (areas.data?.items ?? []).map((area) => ({
    value: area.id,
    label: localizedName(area.name, i18n.language),
  }));
  return { topicOptions, areaOptions };
}

/**
 * The topics and areas a project may be tagged with: every active one, plus those already on the project (an archived
 * one stays on it while it is not removed).
 */
export function useProjectTagOptions(current: { topicIds?: readonly string[]; areaIds?: readonly string[] } = {}) {
  const { i18n } = useTranslation();
  const topics = useQuery(topicsQueryOptions(true));
  const areas = useQuery(areasQueryOptions(true));
  const topicOptions: ToggleChipOption[] = (topics.data?.items ?? [])
    .filter((topic) => !topic.archived || current.topicIds?.includes(topic.id))
    .map((topic) => ({ value: topic.id, label: localizedName(topic.name, i18n.language) }));
  const areaOptions: ToggleChipOption[] = (areas.data?.items ?? [])
    .filter((area) => !area.archived || current.areaIds?.includes(area.id))
    .map((area) => ({ value: area.id, label: localizedName(area.name, i18n.language) }));
  return { topicOptions, areaOptions, pending: topics.isPending || areas.isPending };
}
