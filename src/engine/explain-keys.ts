// Explain keys that other layers name (tables, exports) without loading the explain builder.

/** The explain key of energy per output token (a number the table shows, not a ranking key). */
export const ENERGY_KEY = 'energy.joulesPerOutputToken';
