/**
 * Helpers shared by the other packages of {@code core}. Not API: public only because Java 17
 * packages cannot share package-private code; it may change in any release.
 */
@NullMarked
package dev.contextgateway.internal;

import org.jspecify.annotations.NullMarked;
