/**
 * JMH benchmarks of ccmkit (rule evaluation of one patient-month; reading NDJSON with HAPI's
 * parser, with the fast reader and with plain Jackson) and {@link org.ccmkit.benchmarks.Tokenize},
 * the plain Jackson tokenizing floor the end-to-end script compares the month-end with. Run from
 * the shaded {@code ccm-benchmarks/target/ccm-benchmarks.jar}; see {@code docs/performance.md}. Not
 * API.
 */
@NullMarked
package org.ccmkit.benchmarks;

import org.jspecify.annotations.NullMarked;
