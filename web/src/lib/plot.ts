// Observable Plot behind one module, so it loads as its own chunk on the first chart
export * from '@observablehq/plot';
