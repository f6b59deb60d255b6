import { userInfo } from 'node:os';
import type { Preferences, SuggestionPreferences } from '../../common/api';
import { suggestionKinds } from '../../common/suggestions/types';
import { z } from '../../common/zodConfig';
import type { Store } from '../store/index';
import type { ApiHandlers } from './apiDispatch';

/** The preference key of the name annotations and revisions are signed with. */
export const userNamePreference = 'userName';
const suggestionsKey = 'suggestions';

/** The suggestion preferences a desk starts with: suggestions on import and on open, every kind. */
export const defaultSuggestionPreferences: SuggestionPreferences = { onImport: true, onOpen: true, kinds: [...suggestionKinds] };

const suggestionPreferencesSchema = z.object({ onImport: z.boolean(), onOpen: z.boolean(), kinds: z.array(z.enum(suggestionKinds)) });

/** The stored suggestion preferences; a missing or unreadable value gives the defaults. */
export function suggestionPreferencesOf(store: Store): SuggestionPreferences {
  const stored = store.preferences.get(suggestionsKey);
  if (stored === undefined) return defaultSuggestionPreferences;
  try {
    return suggestionPreferencesSchema.parse(JSON.parse(stored));
  } catch {
    return defaultSuggestionPreferences;
  }
}

/** The OS account name, which annotations are signed with until the user sets another name. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // userInfo() throws for an account with no passwd entry (some containers).
    return process.env.USER || process.env.USERNAME || 'editor';
  }
}

/** The preference methods; `defaultUserName` applies until the user sets a name. */
export function createPreferenceHandlers(store: Store, defaultUserName: string): Pick<ApiHandlers, 'getPreferences' | 'setPreferences'> {
  const read = (): Preferences => ({ userName: store.preferences.get(userNamePreference) ?? defaultUserName, suggestions: suggestionPreferencesOf(store) });
  return {
    getPreferences: read,
    setPreferences({ userName, suggestions }) {
      store.transaction(() => {
        if (userName !== undefined) store.preferences.set(userNamePreference, userName);
        if (suggestions !== undefined) store.preferences.set(suggestionsKey, JSON.stringify({ ...suggestions, kinds: [...new Set(suggestions.kinds)] }));
      });
      return read();
    },
  };
}
