package dev.perfgate.model;

import java.time.Instant;

/**
 * Why a baseline is the baseline: who accepted it, when, from which commit and results file, and the reason
 * they gave. Any field but {@code reason} may be {@code null} when unknown.
 */
public record Provenance(String acceptedBy, Instant acceptedAt, String commit, String source, String reason) {
}
