/**
 * The patient app's store on the phone: one IndexedDB database holding the outbox (logs and
 * check-ins not yet sent), the last answer of each cached query, and the last signed-in
 * patient (so the app opens with no connection). Raw IndexedDB, wrapped in promises; nothing
 * here knows what the records mean.
 *
 * Everything in it is the signed-in patient's: `clearPatientData` empties it on sign-out.
 */

export const DATABASE_NAME = 'spinewise-patient';
const DATABASE_VERSION = 1;

export type StoreName = 'outbox' | 'queries' | 'meta';

let opening: Promise<IDBDatabase> | undefined;

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('IndexedDB request failed'));
    };
  });
}

/** Whether this browser has IndexedDB at all (a private window in some browsers does not). */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}

export function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (!hasIndexedDb()) {
      reject(new Error('This browser cannot store data on the device (no IndexedDB).'));
      return;
    }
    const request = indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('outbox')) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'key' });
        outbox.createIndex('createdAt', 'createdAt');
      }
      if (!db.objectStoreNames.contains('queries')) {
        db.createObjectStore('queries', { keyPath: 'storeKey' });
      }
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database: step aside, the next call opens it again.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = undefined;
      reject(request.error ?? new Error('IndexedDB could not be opened'));
    };
  });
  return opening;
}

/**
 * Runs `work` in one transaction on `store` and resolves with its result once the transaction
 * has committed: a write is durable when the promise resolves.
 */
export async function inTransaction<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  work: (objects: IDBObjectStore) => Promise<T> | T,
): Promise<T> {
  const db = await openDatabase();
  const transaction = db.transaction(store, mode);
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => {
      resolve();
    };
    transaction.onabort = () => {
      reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    };
    transaction.onerror = () => {
      reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    };
  });
  // Awaited below; a failure of `work` itself is the one to report.
  done.catch(() => undefined);
  const result = await work(transaction.objectStore(store));
  await done;
  return result;
}

export function getRecord<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
  return inTransaction(store, 'readonly', (objects) =>
    promised(objects.get(key) as IDBRequest<T | undefined>),
  );
}

export function getAllRecords<T>(store: StoreName): Promise<T[]> {
  return inTransaction(store, 'readonly', (objects) =>
    promised(objects.getAll() as IDBRequest<T[]>),
  );
}

/** Writes `value` (under `key` for stores without a key path). */
export async function putRecord(store: StoreName, value: unknown, key?: IDBValidKey) {
  await inTransaction(store, 'readwrite', (objects) =>
    promised(key === undefined ? objects.put(value) : objects.put(value, key)),
  );
}

export async function deleteRecord(store: StoreName, key: IDBValidKey) {
  await inTransaction(store, 'readwrite', (objects) => promised(objects.delete(key)));
}

/** Empties `stores` (all by default): nothing of the last patient stays after sign-out. */
export async function clearStores(
  stores: readonly StoreName[] = ['outbox', 'queries', 'meta'],
): Promise<void> {
  if (!hasIndexedDb()) return;
  const db = await openDatabase();
  const transaction = db.transaction([...stores], 'readwrite');
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => {
      resolve();
    };
    transaction.onabort = () => {
      reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    };
  });
  for (const store of stores) transaction.objectStore(store).clear();
  await done;
}
