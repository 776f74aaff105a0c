/** Runs jcstress for the build and judges each test's result against what it should show. */
package dev.contextgateway.jcstress.harness;
