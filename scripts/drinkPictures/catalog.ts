/**
 * What pictures exist: ids, categories and labels. Pure data, shared by the Node generator (manifest) and the
 * page that renders (which looks up a scene builder per id in drinks.ts).
 */

export type Category = 'alcohol' | 'soft'

/**
 * The intended brightness of a picture. A whisky in a dim bar and a glass of milk on a white kitchen table should
 * not be forced to the same brightness, but each category must span the same range, or the drill would partly
 * train "dark picture = push". So every tone gets the same ladder of target luminances in both categories, and
 * targetsFor() refuses a catalog whose categories use the tones a different number of times.
 */
export type Tone = 'dark' | 'mid' | 'light'

export interface DrinkEntry {
  id: string
  category: Category
  kind: string
  label: { nl: string; en: string }
  tone: Tone
}

const alc = (id: string, kind: string, nl: string, en: string, tone: Tone): DrinkEntry => ({
  id: `alc-${id}`, category: 'alcohol', kind, label: { nl, en }, tone,
})
const soft = (id: string, kind: string, nl: string, en: string, tone: Tone): DrinkEntry => ({
  id: `soft-${id}`, category: 'soft', kind, label: { nl, en }, tone,
})

export const alcoholDrinks: DrinkEntry[] = [
  alc('beer-pint', 'beer', 'Bier', 'Beer', 'mid'),
  alc('wine-red', 'wine', 'Rode wijn', 'Red wine', 'dark'),
  alc('beer-bottle', 'beer', 'Flesje bier', 'Bottle of beer', 'mid'),
  alc('wine-white', 'wine', 'Witte wijn', 'White wine', 'light'),
  alc('champagne-flute', 'champagne', 'Champagne', 'Champagne', 'dark'),
  alc('whisky-tumbler', 'whisky', 'Whisky', 'Whisky', 'dark'),
  alc('vodka-bottle', 'vodka', 'Wodka', 'Vodka', 'mid'),
  alc('gin-tonic', 'gin-tonic', 'Gin-tonic', 'Gin and tonic', 'light'),
  alc('martini', 'cocktail', 'Martini', 'Martini', 'mid'),
  alc('margarita', 'cocktail', 'Margarita', 'Margarita', 'light'),
  alc('cider-bottle', 'cider', 'Cider', 'Cider', 'mid'),
  alc('cider-glass', 'cider', 'Glas cider', 'Glass of cider', 'light'),
  alc('beer-can', 'beer', 'Blikje bier', 'Can of beer', 'mid'),
  alc('liqueur', 'liqueur', 'Likeur', 'Liqueur', 'mid'),
  alc('wine-bottle', 'wine', 'Fles wijn', 'Bottle of wine', 'dark'),
  alc('port', 'port', 'Port', 'Port', 'dark'),
  alc('mojito', 'cocktail', 'Mojito', 'Mojito', 'light'),
  alc('shots', 'shot', 'Shotjes', 'Shots', 'mid'),
  alc('jenever', 'jenever', 'Jenever', 'Jenever (Dutch gin)', 'mid'),
  alc('wine-rose', 'wine', 'Rosé', 'Rosé wine', 'light'),
]

export const softDrinks: DrinkEntry[] = [
  soft('orange-juice', 'juice', 'Sinaasappelsap', 'Orange juice', 'mid'),
  soft('coffee-cup', 'coffee', 'Koffie', 'Coffee', 'dark'),
  soft('water-glass', 'water', 'Glas water', 'Glass of water', 'light'),
  soft('cola-can', 'cola', 'Blikje cola', 'Can of cola', 'mid'),
  soft('cola-glass', 'cola', 'Cola', 'Cola', 'dark'),
  soft('milk-glass', 'milk', 'Melk', 'Milk', 'light'),
  soft('apple-juice', 'juice', 'Appelsap', 'Apple juice', 'mid'),
  soft('tea-cup', 'tea', 'Thee', 'Tea', 'dark'),
  soft('lemonade', 'lemonade', 'Limonade', 'Lemonade', 'light'),
  soft('iced-tea', 'iced-tea', 'IJsthee', 'Iced tea', 'mid'),
  soft('smoothie', 'smoothie', 'Smoothie', 'Smoothie', 'mid'),
  soft('hot-chocolate', 'hot-chocolate', 'Warme chocolademelk', 'Hot chocolate', 'dark'),
  soft('sparkling-water', 'water', 'Bruiswater', 'Sparkling water', 'light'),
  soft('sports-drink', 'sports-drink', 'Sportdrank', 'Sports drink', 'mid'),
  soft('soda-bottle', 'soda', 'Frisdrank', 'Soft drink', 'mid'),
  soft('tomato-juice', 'juice', 'Tomatensap', 'Tomato juice', 'mid'),
  soft('juice-carton', 'juice', 'Pak vruchtensap', 'Carton of fruit juice', 'mid'),
  soft('chocolate-milk', 'milk', 'Chocolademelk', 'Chocolate milk', 'dark'),
  soft('water-bottle', 'water', 'Flesje water', 'Bottle of water', 'light'),
  soft('mineral-water', 'water', 'Mineraalwater', 'Mineral water', 'light'),
]

/** Target mean relative luminance (linear, WCAG definition) per tone: a centre and a step, cycled -1, 0, +1. */
const toneLadder: Record<Tone, { centre: number; step: number }> = {
  dark: { centre: 0.15, step: 0.015 },
  mid: { centre: 0.21, step: 0.015 },
  light: { centre: 0.27, step: 0.015 },
}

/** Alcohol and soft interleaved, as the manifest lists them. */
export function orderedCatalog(): DrinkEntry[] {
  if (alcoholDrinks.length !== softDrinks.length) throw new Error('the categories must have equally many drinks')
  return alcoholDrinks.flatMap((a, i) => [a, softDrinks[i] as DrinkEntry])
}

/**
 * The target luminance of every drink. Within a category the n-th drink of a tone gets the n-th rung of that tone's
 * ladder, so equal tone counts give both categories exactly the same set of targets.
 */
export function targetsFor(entries: DrinkEntry[] = orderedCatalog()): Map<string, number> {
  const counts = { alcohol: { dark: 0, mid: 0, light: 0 }, soft: { dark: 0, mid: 0, light: 0 } }
  const targets = new Map<string, number>()
  for (const entry of entries) {
    const n = counts[entry.category][entry.tone]++
    const { centre, step } = toneLadder[entry.tone]
    targets.set(entry.id, centre + step * ((n % 3) - 1))
  }
  for (const tone of ['dark', 'mid', 'light'] as const) {
    if (counts.alcohol[tone] !== counts.soft[tone]) {
      throw new Error(`tone "${tone}": ${counts.alcohol[tone]} alcohol vs ${counts.soft[tone]} soft drinks; make them equal`)
    }
  }
  return targets
}
