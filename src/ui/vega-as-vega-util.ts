// What `import ... from 'vega'` resolves to in the build and the tests (vite.config.ts). Vega-Lite
// imports four helpers from 'vega' (stringValue, hasOwnProperty, isObject, isString); vega's entry
// would also register every Vega transform (geo, force, wordcloud, ...). Those helpers live in
// vega-util, so this module is vega-util; anything else taken from 'vega' fails the build.
export * from 'vega-util';
