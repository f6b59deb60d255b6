import { userInfo } from 'node:os';
import type { Preferences } from '../../common/api';
import type { Store } from '../store/index';
import type { ApiHandlers } from './apiDispatch';

/** The preference key of the name annotations and revisions are signed with. */
export const userNamePreference = 'userName';

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
  const read = (): Preferences => ({ userName: store.preferences.get(userNamePreference) ?? defaultUserName });
  return {
    getPreferences: read,
    setPreferences({ userName }) {
      store.preferences.set(userNamePreference, userName);
      return read();
    },
  };
}
