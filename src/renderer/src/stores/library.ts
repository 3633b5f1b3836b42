import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  ArchiveInfo,
  ArticleSummary,
  SearchHit,
  SortField,
  SortOrder,
  TagCount,
} from '../../../common/types'
import { errorMessage, getClient } from '../api/client'

export const PAGE_SIZE = 50

/** The natural direction for each sort: newest first for dates, A to Z for names. */
export const DEFAULT_ORDER: Record<SortField, SortOrder> = {
  addedAt: 'desc',
  publishedAt: 'desc',
  title: 'asc',
  siteName: 'asc',
}

/** The middle pane: the article list (or search hits), the tags and the archive's counts. */
export const useLibraryStore = defineStore('library', () => {
  const query = ref('')
  const tag = ref<string | null>(null)
  const sort = ref<SortField>('addedAt')
  const order = ref<SortOrder>('desc')

  const articles = ref<ArticleSummary[]>([])
  const total = ref(0)
  const hits = ref<SearchHit[]>([])
  const hitsMayContinue = ref(false)
  const tags = ref<TagCount[]>([])
  const info = ref<ArchiveInfo | null>(null)

  const loading = ref(false)
  const loadError = ref<string | null>(null)
  /** Set once the first answer for the current filter has arrived (so empty states do not flash). */
  const loaded = ref(false)

  const searching = computed(() => query.value.trim() !== '')
  const shownCount = computed(() => (searching.value ? hits.value.length : articles.value.length))
  const canLoadMore = computed(() =>
    searching.value ? hitsMayContinue.value : articles.value.length < total.value,
  )
  const libraryCount = computed(() => info.value?.articleCount ?? null)

  /** A search inside a tag stays inside it. */
  const tagScope = () => (tag.value ? { tags: [tag.value] } : {})

  // Answers to older requests must not overwrite newer ones (fast typing, quick tag clicks).
  let generation = 0

  async function loadFirstPage(): Promise<void> {
    const mine = ++generation
    loading.value = true
    loadError.value = null
    try {
      if (searching.value) {
        const found = await getClient().search({ query: query.value.trim(), limit: PAGE_SIZE, ...tagScope() })
        if (mine !== generation) return
        hits.value = found
        hitsMayContinue.value = found.length === PAGE_SIZE
      } else {
        const page = await getClient().listArticles({
          offset: 0,
          limit: PAGE_SIZE,
          sort: sort.value,
          order: order.value,
          ...(tag.value ? { tag: tag.value } : {}),
        })
        if (mine !== generation) return
        articles.value = page.items
        total.value = page.total
      }
      loaded.value = true
    } catch (err) {
      if (mine === generation) loadError.value = errorMessage(err)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function loadMore(): Promise<void> {
    if (loading.value || !canLoadMore.value) return
    const mine = ++generation
    loading.value = true
    loadError.value = null
    try {
      if (searching.value) {
        const found = await getClient().search({
          query: query.value.trim(),
          limit: PAGE_SIZE,
          offset: hits.value.length,
          ...tagScope(),
        })
        if (mine !== generation) return
        const known = new Set(hits.value.map((hit) => hit.id))
        hits.value = [...hits.value, ...found.filter((hit) => !known.has(hit.id))]
        hitsMayContinue.value = found.length === PAGE_SIZE
      } else {
        const page = await getClient().listArticles({
          offset: articles.value.length,
          limit: PAGE_SIZE,
          sort: sort.value,
          order: order.value,
          ...(tag.value ? { tag: tag.value } : {}),
        })
        if (mine !== generation) return
        const known = new Set(articles.value.map((article) => article.id))
        articles.value = [...articles.value, ...page.items.filter((article) => !known.has(article.id))]
        total.value = page.total
      }
    } catch (err) {
      if (mine === generation) loadError.value = errorMessage(err)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function loadTags(): Promise<void> {
    try {
      tags.value = await getClient().listTags({})
    } catch (err) {
      loadError.value = errorMessage(err)
    }
  }

  async function loadInfo(): Promise<void> {
    try {
      info.value = await getClient().info({})
    } catch (err) {
      loadError.value = errorMessage(err)
    }
  }

  /** Applies the filter from the address; reloads only when it changed. */
  function applyFilter(nextQuery: string, nextTag: string | null): void {
    if (loaded.value && nextQuery === query.value && nextTag === tag.value) return
    query.value = nextQuery
    tag.value = nextTag
    loaded.value = false
    void loadFirstPage()
  }

  function setSort(field: SortField): void {
    sort.value = field
    order.value = DEFAULT_ORDER[field]
    void loadFirstPage()
  }

  function toggleOrder(): void {
    order.value = order.value === 'asc' ? 'desc' : 'asc'
    void loadFirstPage()
  }

  /** Something changed in the archive: refresh everything the pane shows. */
  async function reloadAll(): Promise<void> {
    await Promise.all([loadFirstPage(), loadTags(), loadInfo()])
  }

  return {
    query,
    tag,
    sort,
    order,
    articles,
    total,
    hits,
    tags,
    info,
    loading,
    loadError,
    loaded,
    searching,
    shownCount,
    canLoadMore,
    libraryCount,
    loadFirstPage,
    loadMore,
    loadTags,
    loadInfo,
    applyFilter,
    setSort,
    toggleOrder,
    reloadAll,
  }
})
