/**
 * The report generator: reads a run directory (see {@link dev.contextgateway.reports.run}) and
 * writes {@code report/} with one {@code .hgrm} percentile file per latency log, a self-contained
 * {@code index.html} and a {@code summary.md}, both with the run's targets evaluated.
 *
 * <p>The API is {@link dev.contextgateway.reports.Reports#generate} and the command line {@link
 * dev.contextgateway.reports.ReportMain}; everything else here is package-private machinery.
 */
@NullMarked
package dev.contextgateway.reports;

import org.jspecify.annotations.NullMarked;
