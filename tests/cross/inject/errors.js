// Keeps the page's uncaught errors and console errors in window.__e2eErrors,
// for engines whose WebDriver cannot read the console.
window.__e2eErrors = [];
window.addEventListener('error', (event) => window.__e2eErrors.push(`page error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) => window.__e2eErrors.push(`unhandled rejection: ${event.reason}`));
{
  const error = console.error.bind(console);
  console.error = (...args) => {
    window.__e2eErrors.push(`console error: ${args.map(String).join(' ')}`);
    error(...args);
  };
}
