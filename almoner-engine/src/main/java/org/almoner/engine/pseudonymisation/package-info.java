/**
 * Pseudonymisation: replacing people's identifiers with keyed hashes (HMAC-SHA-256) so that data
 * sets can be linked without anyone downstream seeing who a person is.
 *
 * <p>One key per data-sharing agreement: the same identifier under two keys gives two unlinkable
 * pseudonyms. The key is read from a file or an environment variable, never logged or written out;
 * only its fingerprint (a keyed hash of a fixed label) is recorded, so a data set says which key made
 * it without revealing the key.
 */
package org.almoner.engine.pseudonymisation;
