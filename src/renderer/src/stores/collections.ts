import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Collection, SavedSearch } from '../../../common/types'
import { errorMessage, getClient } from '../api/client'
import { useLibraryStore, viewFilter } from './library'

/** Collections (named sets of articles) and saved searches, both shown in the sidebar. */
export const useCollectionsStore = defineStore('collections', () => {
  const collections = ref<Collection[]>([])
  const savedSearches = ref<SavedSearch[]>([])
  const actionError = ref<string | null>(null)

  async function load(): Promise<void> {
    try {
      const [nextCollections, nextSearches] = await Promise.all([
        getClient().listCollections({}),
        getClient().listSavedSearches({}),
      ])
      collections.value = nextCollections
      savedSearches.value = nextSearches
    } catch (err) {
      actionError.value = errorMessage(err)
    }
  }

  async function attempt<T>(change: () => Promise<T>): Promise<T | null> {
    actionError.value = null
    try {
      const result = await change()
      await load()
      return result
    } catch (err) {
      actionError.value = errorMessage(err)
      return null
    }
  }

  const create = (name: string) => attempt(() => getClient().createCollection({ name }))
  const rename = (id: number, name: string) => attempt(() => getClient().renameCollection({ id, name }))
  const remove = (id: number) => attempt(() => getClient().deleteCollection({ id }))
  const addArticles = (id: number, articleIds: number[]) =>
    attempt(() => getClient().addToCollection({ id, articleIds }))

  /** Save the list's current query and filters (sort and collection-independent parts included). */
  function saveCurrentSearch(name: string): Promise<SavedSearch | null> {
    const library = useLibraryStore()
    return attempt(() =>
      getClient().saveSearch({ name, query: library.view.query.trim(), filters: viewFilter(library.view) }),
    )
  }

  const removeSearch = (id: number) => attempt(() => getClient().deleteSavedSearch({ id }))

  return {
    collections,
    savedSearches,
    actionError,
    load,
    create,
    rename,
    remove,
    addArticles,
    saveCurrentSearch,
    removeSearch,
  }
})
