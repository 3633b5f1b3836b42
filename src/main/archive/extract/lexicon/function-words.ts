/** Short words that do not end a headline before its glued subtitle (English and Russian). */
export const FUNCTION_WORDS = new Set(
  (
    'a an the of in on at to for from by with and or but as vs about into over under after before near ' +
    'between against without within upon via per than its his her their our your my ' +
    'в во на с со и или к ко по о об обо для от до из за у при про над под без через между перед после'
  ).split(' '),
)
