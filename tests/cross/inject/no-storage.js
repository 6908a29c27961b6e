// Browser storage refused, as with storage turned off or some private modes.
for (const name of ['localStorage', 'indexedDB']) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}
