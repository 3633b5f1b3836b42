import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CitationList, CiteStyle } from '../../../common/types'
import { errorMessage, getClient } from '../api/client'
import { useSettingsStore } from './settings'

/** The citation lists shown in the sidebar and the add menus, and the styles the picker offers. */
export const useCitationsStore = defineStore('citations', () => {
  const lists = ref<CitationList[]>([])
  const styles = ref<CiteStyle[]>([])
  const loadError = ref<string | null>(null)

  let generation = 0
  async function loadLists(): Promise<void> {
    const mine = ++generation
    try {
      const loaded = await getClient().listCitationLists({})
      if (mine === generation) {
        lists.value = loaded
        loadError.value = null
      }
    } catch (err) {
      if (mine === generation) loadError.value = errorMessage(err)
    }
  }

  async function loadStyles(): Promise<void> {
    styles.value = await getClient().listCiteStyles({})
  }

  /** A new list starts in the default citation style and language (Settings). */
  async function createList(name: string): Promise<CitationList> {
    const settings = useSettingsStore()
    const created = await getClient().createCitationList({
      name: name.trim(),
      style: settings.citeStyle,
      locale: settings.citeLocale,
    })
    await loadLists()
    return created
  }

  async function renameList(id: number, name: string): Promise<CitationList> {
    const renamed = await getClient().renameCitationList({ id, name: name.trim() })
    await loadLists()
    return renamed
  }

  async function deleteList(id: number): Promise<void> {
    await getClient().deleteCitationList({ id })
    await loadLists()
  }

  async function addArticles(id: number, articleIds: number[]): Promise<number> {
    const { changed } = await getClient().addToCitationList({ id, articleIds })
    await loadLists()
    return changed
  }

  function listName(id: number): string | null {
    return lists.value.find((list) => list.id === id)?.name ?? null
  }

  return {
    lists,
    styles,
    loadError,
    loadLists,
    loadStyles,
    createList,
    renameList,
    deleteList,
    addArticles,
    listName,
  }
})
