/** The colour theme the user chose: follow the system, or force light or dark. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

/** Whether to draw dark, given the choice and the system preference. */
export function isDark(choice: ThemeChoice, systemDark: boolean): boolean {
  return choice === 'dark' || (choice === 'auto' && systemDark);
}

const KEY = 'conflict-map:theme';
const CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];

/** The choice remembered in this browser (localStorage), or 'auto'. */
export function readTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return CHOICES.includes(v as ThemeChoice) ? (v as ThemeChoice) : 'auto';
  } catch {
    return 'auto';
  }
}

/** Remembers the choice ('auto' forgets it); storage refused (private mode) is no error. */
export function saveTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'auto') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Not remembered, still applied.
  }
}
