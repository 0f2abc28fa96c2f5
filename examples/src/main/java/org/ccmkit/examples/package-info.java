/**
 * The month-end runner and runnable examples on synthetic data. {@link org.ccmkit.examples.CcmCli}
 * is {@code ccm.jar}'s main class: {@code month-end} bills one service month from FHIR R4 input (or
 * the embedded {@link org.ccmkit.examples.SamplePractice}) and writes the six outputs of the FHIR
 * contract; {@code eligible} runs the eligibility sweep ({@code Eligible}) over the same kind of
 * input; {@code quickstart} runs {@link org.ccmkit.examples.QuickStart}, which evaluates a few
 * sample patients with the core rules.
 */
@NullMarked
@CheckReturnValue
package org.ccmkit.examples;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
