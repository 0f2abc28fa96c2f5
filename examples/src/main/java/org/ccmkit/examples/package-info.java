/**
 * Runnable examples on synthetic data. {@link org.ccmkit.examples.QuickStart} evaluates a few
 * sample patients with the core rules and prints their decisions; it is what the README's first
 * command runs until the month-end runner lands.
 */
@NullMarked
@CheckReturnValue
package org.ccmkit.examples;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
