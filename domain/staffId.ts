/**
 * Pseudonymous staff ids: letters, digits, dot, dash, underscore, 2 to 40 long. One rule for the
 * staff accounts in the configuration and for the intake's `receivedBy`, so an account that can
 * log in can also start an intake. No dependencies: the configuration loads this before anything else.
 */
export const STAFF_ID_PATTERN = /^[A-Za-z0-9._-]{2,40}$/;
