import { navigate } from '../navigation/route';

// Set by the app shell, which saves the open editor's work before it leaves (App.tsx `openEntity`).
let openThroughApp: ((entityId: string) => void) | null = null;

/**
 * Lets the app shell open entity pages for views deep inside it (the editor's inspector), so that leaving the
 * editor goes through the shell's save-first navigation. Returns the function that withdraws it.
 */
export function provideEntityPageOpener(open: (entityId: string) => void): () => void {
  openThroughApp = open;
  return () => {
    if (openThroughApp === open) openThroughApp = null;
  };
}

/** A button that opens an entity's page, saving the editor's pending work first when the app shell is there to. */
export function EntityPageLink({ entityId }: { entityId: string }) {
  return (
    <button type="button" onClick={() => (openThroughApp ?? ((id: string) => navigate({ name: 'entity', entityId: id })))(entityId)}>
      Entity page
    </button>
  );
}
