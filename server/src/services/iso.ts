/** A stored moment as the API writes it (ISO 8601, UTC), or null when there is none. */
export const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);
