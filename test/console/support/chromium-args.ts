/** The flags that keep Chromium off the network and quiet on a shared machine (issue #19): the suite and bench:console. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
