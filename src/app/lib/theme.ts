/** The colour theme the user chose: follow the system, or force light or dark. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

/** Whether to draw dark, given the choice and the system preference. */
export function isDark(choice: ThemeChoice, systemDark: boolean): boolean {
  return choice === 'dark' || (choice === 'auto' && systemDark);
}
