// A browser without IndexedDB: localStorage is all there is.
Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined });
