/** d3 ships no types; the harness only hands the package to the plugin as an external. */
declare module 'd3';
