/**
 * Common given names, Russian (with the Ukrainian and Central Asian names Russian-language media print
 * often) and English, lower-cased. A line of two or three capitalised words under a headline is taken for
 * a byline only when one of its words is a given name (or a Russian surname by its ending), so that
 * "Artificial Intelligence" or "Home Safety" stay section labels.
 */

const RUSSIAN = `
александр алексей анатолий андрей антон аркадий арсений артём артем артур богдан борис вадим валентин
валерий василий виктор виталий владимир владислав всеволод вячеслав габриэль геннадий георгий герман глеб
григорий давид даниил данил денис дмитрий евгений егор емельян ефим захар иван игнат игорь илья иннокентий
иосиф кирилл константин лев леонид макар максим марат марк матвей михаил назар никита николай олег павел
пётр петр платон прохор радик ринат роберт родион роман руслан рустам савелий святослав семён семен
сергей станислав степан тарас тимофей тимур тихон фёдор федор филипп эдуард эльдар эмиль юлиан юрий
яков ян ярослав айдар азамат алишер асхат бахыт бекзат болат дамир ерлан ержан нурлан серик тимур
александра алёна алена алина алиса алла анастасия ангелина анна антонина арина валентина валерия вера
вероника виктория галина дарья диана ева евгения екатерина елена елизавета жанна зинаида злата зоя инна
ирина карина кира клавдия кристина ксения лариса лидия лилия любовь людмила майя маргарита марина мария
милана надежда наталия наталья нина оксана олеся ольга полина раиса регина светлана софия софья
тамара татьяна ульяна эвелина элина эльвира юлия яна ярослава айгуль айгерим алия асель гульнара
динара жанар камила лейла мадина сабина самира
`

const ENGLISH = `
aaron adam adrian aidan alan albert alex alexander alexandra alexis alfred alice alicia alison allison
amanda amber amelia amy andrea andrew angela angus ann anna anne annie anthony april arthur ashley audrey
austin barbara beatrice ben benjamin bernard beth betsy betty beverly bill billy blake bob bobby bonnie
brad bradley brandon brenda brent brett brian bridget brittany brooke bruce bryan caitlin cameron carl carla
carlos carol caroline carolyn carrie catherine cathy charles charlie charlotte chelsea cheryl chloe chris
christian christina christine christopher cindy claire clara claudia colin connor courtney craig crystal
cynthia dale dan daniel danielle danny darren dave david dawn dean deborah debra denise dennis derek diana
diane donald donna doris dorothy douglas dylan earl ed eddie edward eileen elaine eleanor elena eli elijah
elizabeth ella ellen emily emma eric erica erik erin ethan eugene eva evan evelyn fiona frances francis
frank fred frederick gabriel gail gary gavin george georgia gerald gillian gina glenn gloria gordon grace
graham grant greg gregory hannah harold harriet harry heather helen henry holly howard hugh ian isaac
isabel isabella jack jackie jacob jacqueline jake james jamie jane janet janice jared jason jean jeff
jeffrey jennifer jenny jeremy jerry jesse jessica jill jim jimmy joan joanna joanne joe joel john johnny
jon jonathan jordan joseph josh joshua joy joyce juan judith judy julia julian julie justin karen kate
katherine kathleen kathryn kathy katie kayla keith kelly ken kenneth kevin kim kimberly kirk kristen kyle
larry laura lauren lawrence leah lee leo leon lewis liam lily linda lindsay lisa liz logan lois lori
louis louise lucas lucy luke lynn madison maggie malcolm marc marcus margaret maria marie marilyn mark
martha martin marvin mary matt matthew maureen max megan melanie melissa michael michelle mike molly
monica morgan nancy naomi natalie nathan neil nicholas nick nicola nicole nigel noah norman oliver olivia
owen pamela patricia patrick paul paula peggy peter phil philip phillip phyllis rachel ralph randy ray
raymond rebecca regina richard rick robert robin roger ronald rose ross roy ruby russell ruth ryan sally
sam samantha samuel sandra sara sarah scott sean seth shannon sharon shawn sheila shirley simon sophia
sophie stacy stanley stephanie stephen steve steven stuart susan suzanne sydney tammy tanya taylor ted
teresa terry theresa thomas tiffany tim timothy tina todd tom tommy tony tracy travis trevor tyler
valerie vanessa vera veronica victor victoria vincent virginia walter wanda wayne wendy william willie
zachary zoe
`

/** Given names, lower-cased. */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(`${RUSSIAN} ${ENGLISH}`.split(/\s+/).filter(Boolean))

/**
 * Endings of Russian (and Ukrainian, Georgian, Armenian) surnames, as a regular expression alternation, for
 * a name written with initials ("А. Сидорчик", "М. Тасмаганбетов"): Петров, Петрова, Калистратенко, Шамонаев.
 */
export const RUSSIAN_SURNAME_ENDINGS =
  'ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ук|юк|чук|ик|як|ич|вич|ец|их|ых|ян|янц|дзе|швили'
