import { openDatabase, createStore, type AnnotatorDatabase } from '../store/index';
import type { ApiHandlers, ApiJsonHandlers } from './apiDispatch';
import { startBackupSchedule, type BackupSchedule } from './backupSchedule';
import { withBusyRetry } from './busyRetry';
import { createArticleHandlers, createArticleJsonHandlers } from './articleHandlers';
import { createRevisionHandlers } from './articleRevisions';
import { seedDemoArticle } from './demoArticle';
import { createEntityHandlers } from './entityRegistry';
import { createExportHandlers } from './exportHandlers';
import { createImportHandlers } from './importHandlers';
import { createImportReader } from './importReader';
import { createPreferenceHandlers, osUserName, userNamePreference } from './preferenceHandlers';
import { createRegistryHandlers } from './registryHandlers';
import { createSuggestionHandlers } from './suggestionHandlers';
import { createSuggestionRunner } from './suggestionRunner';
import { createTrashHandlers } from './trashHandlers';
import { createEntityPageHandlers } from './entityPageHandlers';
import { createReviewQueueHandlers } from './reviewQueueHandlers';
import { createSourcingAuditHandlers } from './sourcingAuditHandlers';
// Figures checklist (issue 10).
import { createFiguresChecklistHandlers } from './figuresChecklistHandlers';
import { createBackupHandlers } from './backupHandlers';
import { createLibrarySearchHandlers } from './librarySearchHandlers';

/** How to open the services. */
export interface OpenServicesOptions {
  databasePath: string;
  // The name annotations are signed with until the user sets one; defaults to the OS account name.
  userName?: string;
  // Create the demo article on the first start of an empty database. The app's hosts pass true; the CLI does not.
  seedDemo?: boolean;
  // A better-sqlite3 addon built for Electron's ABI, which the Electron main process passes when it has one.
  nativeBinding?: string;
}

/** The services over one open database, as every host (Electron IPC, loopback HTTP, CLI) uses them. */
export interface AppServices {
  handlers: ApiHandlers;
  /** What the hosts answer some methods with, as JSON text (see apiDispatch.ts's `dispatchApiCallAsJson`). */
  jsonHandlers: ApiJsonHandlers;
  /**
   * Backs the database up now and at least daily while the services run (see backupSchedule.ts), beside the
   * database file. Hosts that keep running (the app, the loopback host) start it; the CLI does not.
   */
  startBackups(onError?: (error: unknown) => void): void;
  /** Stops the backup timer and waits for a backup in progress; `close` does this too. */
  stopBackups(): Promise<void>;
  /** Closes the database, which checkpoints its WAL so the file is whole; safe to call twice. */
  close(): void;
  db: AnnotatorDatabase;
}

/**
 * Opens the database at `databasePath` (creating and migrating it as needed) and returns one handler per API
 * method over it. Throws IncompatibleDatabaseError for a file this version must not touch.
 */
export function openServices(options: OpenServicesOptions): AppServices {
  const db = openDatabase(options.databasePath, { nativeBinding: options.nativeBinding });
  try {
    const userName = options.userName ?? osUserName();
    // Revisions are signed with the user's name, which is the OS account's until the user sets one.
    const store = createStore(db, { preferences: { [userNamePreference]: userName } });
    if (options.seedDemo) seedDemoArticle(store, new Date().toISOString());
    const suggestionRunner = createSuggestionRunner();
    const importReader = createImportReader();
    const handlers: ApiHandlers = withBusyRetry({
      ...createArticleHandlers(store),
      ...createRevisionHandlers(store),
      ...createTrashHandlers(store),
      ...createImportHandlers(store, suggestionRunner, importReader),
      ...createSuggestionHandlers(store, suggestionRunner),
      ...createExportHandlers(store),
      ...createEntityHandlers(store),
      ...createRegistryHandlers(store),
      ...createPreferenceHandlers(store, userName),
      ...createEntityPageHandlers(store),
      ...createReviewQueueHandlers(store),
      ...createSourcingAuditHandlers(store),
      ...createFiguresChecklistHandlers(store),
      ...createBackupHandlers(db, options.databasePath, { nativeBinding: options.nativeBinding }),
      ...createLibrarySearchHandlers(store),
    });
    const jsonHandlers = withBusyRetry(createArticleJsonHandlers(store));
    let backups: BackupSchedule | null = null;
    const stopBackups = async () => {
      backups?.stop();
      await backups?.idle();
      backups = null;
    };
    return {
      handlers,
      jsonHandlers,
      db,
      startBackups(onError = (error) => console.error('Backup failed:', error)) {
        backups ??= startBackupSchedule(db, options.databasePath, onError, { nativeBinding: options.nativeBinding });
      },
      stopBackups,
      close: () => {
        void suggestionRunner.close();
        void importReader.close();
        backups?.stop();
        backups = null;
        if (db.open) db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
